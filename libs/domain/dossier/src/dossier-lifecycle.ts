import { allowedNextStatuses, DOSSIER_STATUS_LABELS, DossierStatus } from './dossier-status';

const S = DossierStatus;

/** A status a processing system reported, at the time it says the status changed. */
export interface StatusReport {
  status: DossierStatus;
  occurredAt: Date;
}

/** What a report did in the fold: moved the dossier on, repeated its status, or could not follow it. */
export type ReportOutcome = 'applied' | 'repeat' | 'skipped';

export interface FoldedReport<R extends StatusReport> {
  report: R;
  outcome: ReportOutcome;
  /** The status the dossier had when the report was folded in. */
  from: DossierStatus;
  /** Why a skipped report could not follow. */
  reason?: string;
}

export interface Lifecycle<R extends StatusReport> {
  status: DossierStatus;
  /** Every report, in the order folded. */
  folded: FoldedReport<R>[];
  /** The report that brought the dossier to its status; undefined while it is still as submitted. */
  lastApplied?: R;
  /** When processing time started counting: at acceptance, and again when a requested supplement came in. */
  clockStartedAt: Date | null;
  /** Whether processing time is counting now: accepted, processing or awaiting a fee; not while a supplement is awaited. */
  clockRunning: boolean;
}

/** The usual order of statuses: at one instant, a status earlier in a dossier's life is folded first. */
const RANK: Record<DossierStatus, number> = {
  [S.Registered]: 0,
  [S.Accepted]: 1,
  [S.NotAccepted]: 1,
  [S.Processing]: 2,
  [S.SupplementRequested]: 3,
  [S.PaymentRequested]: 3,
  [S.Withdrawn]: 4,
  [S.Stopped]: 4,
  [S.ResultReady]: 5,
  [S.ResultReturned]: 6,
};

const STATUSES = Object.values(S).filter((s): s is DossierStatus => typeof s === 'number');

/** The statuses reachable from each status by one or more legal transitions. */
const REACHABLE = new Map<DossierStatus, ReadonlySet<DossierStatus>>(
  STATUSES.map((from) => {
    const seen = new Set<DossierStatus>();
    const queue = [...allowedNextStatuses(from)];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...allowedNextStatuses(next));
    }
    return [from, seen];
  }),
);

const CLOCK_RUNS: ReadonlySet<DossierStatus> = new Set([S.Accepted, S.Processing, S.PaymentRequested]);

const label = (status: DossierStatus) => `${status} (${DOSSIER_STATUS_LABELS[status]})`;

/** Why a status cannot follow another by any legal path. */
export function unreachableReason(from: DossierStatus, to: DossierStatus): string | undefined {
  if (REACHABLE.get(from)!.has(to)) return undefined;
  const next = allowedNextStatuses(from);
  return next.length === 0 ? `status ${label(from)} is final` : `status ${label(to)} cannot follow status ${label(from)}: from there the next status can only be ${next.join(', ')}`;
}

const byOccurrence = (a: StatusReport, b: StatusReport) => a.occurredAt.getTime() - b.occurredAt.getTime() || RANK[a.status] - RANK[b.status] || a.status - b.status;

/**
 * The status a dossier's reports lead to, whatever order they arrived in: they are folded in the order they happened
 * (by time, then by the usual order of statuses at one instant). A report that follows legally applies; so does one
 * reachable through statuses not reported (yet), since reports overtake each other on the way; a report no legal path
 * leads to is skipped. The same set of reports always folds to the same lifecycle.
 */
export function foldStatusReports<R extends StatusReport>(reports: readonly R[]): Lifecycle<R> {
  const life: Lifecycle<R> = { status: S.Registered, folded: [], clockStartedAt: null, clockRunning: false };
  for (const report of [...reports].sort(byOccurrence)) {
    const from = life.status;
    const to = report.status;
    if (to === from) {
      life.folded.push({ report, outcome: 'repeat', from });
      continue;
    }
    const reason = unreachableReason(from, to);
    if (reason) {
      life.folded.push({ report, outcome: 'skipped', from, reason });
      continue;
    }
    // processing time counts from acceptance (reported or implied by a later status), and afresh from a supplement
    if ((from === S.Registered || from === S.SupplementRequested) && CLOCK_RUNS.has(to)) life.clockStartedAt = report.occurredAt;
    life.status = to;
    life.lastApplied = report;
    life.folded.push({ report, outcome: 'applied', from });
  }
  life.clockRunning = CLOCK_RUNS.has(life.status);
  return life;
}

export type ReportVerdict<R extends StatusReport> =
  /** The same status at the same instant was reported before: nothing to do. */
  | { kind: 'duplicate' }
  /** No legal path leads to the report from where the dossier was at its time: refused, not kept. */
  | { kind: 'refused'; from: DossierStatus; reason: string }
  /** Kept: the lifecycle with it (the status may not change: a late or repeated report). */
  | { kind: 'accepted'; after: Lifecycle<R> };

const sameReport = (a: StatusReport, b: StatusReport) => a.status === b.status && a.occurredAt.getTime() === b.occurredAt.getTime();

/** Judges an arriving report against the reports kept so far. */
export function judgeReport<R extends StatusReport>(kept: readonly R[], arriving: R): ReportVerdict<R> {
  if (kept.some((report) => sameReport(report, arriving))) return { kind: 'duplicate' };
  const after = foldStatusReports([...kept, arriving]);
  const folded = after.folded.find((f) => f.report === arriving)!;
  if (folded.outcome === 'skipped') return { kind: 'refused', from: folded.from, reason: folded.reason! };
  return { kind: 'accepted', after };
}
