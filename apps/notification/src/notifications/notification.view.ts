import { maskRecipient } from './recipient.mask';
import type { Notification } from './notification.entity';

/** What operators see of a notification: enough to find what is stuck, without the applicant's address or letter. */
export const notificationView = (n: Notification) => ({
  id: n.id,
  dossierCode: n.dossierCode,
  channel: n.channel,
  template: n.template,
  recipient: maskRecipient(n),
  carrier: n.carrier,
  subject: n.subject,
  status: n.status,
  attempts: n.attempts,
  nextAttemptAt: n.status === 'pending' ? n.nextAttemptAt.toISOString() : null,
  lastError: n.lastError,
  sentAt: n.sentAt?.toISOString() ?? null,
  deliveredAt: n.deliveredAt?.toISOString() ?? null,
  sourceEventId: n.sourceEventId,
  createdAt: n.createdAt.toISOString(),
});
