import type { ReconciliationRow } from './reconciliation.entity';

export const reconciliationView = (r: ReconciliationRow) => ({
  id: r.id,
  provider: r.provider,
  date: r.businessDate,
  status: r.status,
  ledgerCount: r.ledgerCount,
  statementCount: r.statementCount,
  matched: r.matched,
  missing: r.missing,
  extra: r.extra,
  amountDiffers: r.amountDiffers,
  error: r.error,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});
