import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notificationSentV1 } from '@lienthong/contracts';
import { backoffMs } from '@lienthong/platform-database';
import { Outbox } from '@lienthong/platform-kafka';
import { NotificationEnv } from '../config';
import { maskEmail, maskEmailIn } from './email.mask';
import { MailTransport } from './mail.transport';
import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';

type Attempt = { notification: Notification; attempts: number };
/** retryAt is undefined when the last attempt allowed has failed. */
type Failure = Attempt & { sent: false; error: string; retryAt: Date | undefined };
type Outcome = (Attempt & { sent: true }) | Failure;

const ERROR_LIMIT = 1000;

/** E-mails claimed per unit of work: sent at the same time over the pooled SMTP connections. */
export const SENDER_BATCH_SIZE = 16;

/** Sends due e-mails a batch at a time and records the outcomes. */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly mail: MailTransport,
    private readonly outbox: Outbox,
    private readonly config: NotificationEnv,
  ) {}

  /**
   * Claims due notifications and sends them while their rows stay locked, then marks the sent ones sent and writes
   * their notification.sent.v1 in the same transaction, and records each failed attempt. A crash between the sends and
   * the commit sends them again with the same Message-IDs. Answers how many it handled.
   */
  async deliverDue(): Promise<number> {
    const outcomes = await this.dataSource.transaction(async (manager): Promise<Outcome[]> => {
      const due = await this.notifications.claimDue(manager, SENDER_BATCH_SIZE);
      const outcomes = await Promise.all(due.map((notification) => this.attempt(notification)));
      const sent = outcomes.filter((o) => o.sent).map((o) => o.notification);
      const sentAt = new Date();
      await this.notifications.markSent(manager, sent.map((n) => n.id), sentAt);
      for (const failure of outcomes.filter((o): o is Failure => !o.sent)) {
        await this.notifications.markAttemptFailed(manager, failure.notification.id, failure.attempts, failure.error, failure.retryAt);
      }
      await this.outbox.addAll(manager, notificationSentV1, sent.map((n) => ({ key: n.dossierCode, payload: sentEventOf(n, sentAt) })));
      return outcomes;
    });
    if (outcomes.some((o) => o.sent)) this.outbox.notifyCommitted();
    outcomes.forEach((outcome) => this.report(outcome));
    return outcomes.length;
  }

  private async attempt(notification: Notification): Promise<Outcome> {
    const attempts = notification.attempts + 1;
    try {
      await this.mail.send({ notificationId: notification.id, to: notification.recipient, subject: notification.subject, text: notification.body });
      return { notification, attempts, sent: true };
    } catch (error) {
      return this.failureOf(notification, attempts, error);
    }
  }

  private failureOf(notification: Notification, attempts: number, error: unknown): Failure {
    const text = maskEmailIn(error instanceof Error ? error.message : String(error), notification.recipient).slice(0, ERROR_LIMIT);
    const { NOTIFY_MAX_ATTEMPTS, NOTIFY_BACKOFF_BASE_MS, NOTIFY_BACKOFF_CAP_MS } = this.config;
    const retryAt = attempts < NOTIFY_MAX_ATTEMPTS ? new Date(Date.now() + backoffMs(attempts, NOTIFY_BACKOFF_BASE_MS, NOTIFY_BACKOFF_CAP_MS)) : undefined;
    return { notification, attempts, sent: false, error: text, retryAt };
  }

  private report(outcome: Outcome): void {
    const { notification: n, attempts } = outcome;
    const what = `${n.channel} ${n.id} (${n.template}, dossier ${n.dossierCode}) to ${maskEmail(n.recipient)}`;
    if (outcome.sent) {
      this.logger.log(`sent ${what} at attempt ${attempts}`);
    } else if (outcome.retryAt) {
      this.logger.warn(`attempt ${attempts} of ${what} failed, retrying at ${outcome.retryAt.toISOString()}: ${outcome.error}`);
    } else {
      this.logger.error(`gave up on ${what} after ${attempts} attempts: ${outcome.error}`);
    }
  }
}

const sentEventOf = (n: Notification, sentAt: Date) => ({
  notificationId: n.id,
  channel: n.channel,
  template: n.template,
  subject: n.dossierCode,
  sourceEventId: n.sourceEventId,
  sentAt: sentAt.toISOString(),
});
