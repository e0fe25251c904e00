import type { Procedure } from './procedure.entity';
import type { ProcedureVersion } from './procedure-version.entity';

/** A procedure as the API shows it: the canonical form with its version. */
export const procedureView = (p: Procedure) => ({
  ...p.canonical,
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
});

/** A search result line: enough to choose a procedure, then read it whole. */
export const procedureSummaryView = (p: Procedure) => ({
  code: p.code,
  name: p.name,
  levels: p.levels,
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
});

/** A line of a procedure's history. */
export const versionSummaryView = (v: ProcedureVersion) => ({ code: v.code, version: v.version, contentHash: v.contentHash, publishedAt: v.publishedAt.toISOString() });

/** A past version whole: its canonical form as the detail shows it, and the national record it came from. */
export const versionView = (v: ProcedureVersion) => ({
  ...v.canonical,
  version: v.version,
  updatedAt: v.publishedAt.toISOString(),
  record: v.record,
});
