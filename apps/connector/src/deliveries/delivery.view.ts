import type { Delivery } from './delivery.entity';

/** What operators see of a delivery: its routing and retry state, not the dossier's personal data. */
export const deliveryView = (d: Delivery) => ({
  id: d.id,
  sourceEventId: d.sourceEventId,
  systemCode: d.systemCode,
  subject: d.subject,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
  lastError: d.lastError,
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});
