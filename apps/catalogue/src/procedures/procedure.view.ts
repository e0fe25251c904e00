import type { Procedure } from './procedure.entity';

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
