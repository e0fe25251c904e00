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

/** Sends one due e-mail at a time and records the outcome. */
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
   * Claims the next due notification and sends it while its row stays locked, then marks it sent and
   * writes notification.sent.v1 in the same transaction. A crash between the send and the commit sends
   * it again with the same Message-ID. Answers how many it handled (0 or 1).
   */
  async deliverNext(): Promise<number> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome | undefined> => {
      const notification = await this.notifications.claimNextDue(manager);
      if (!notification) return undefined;
      const attempts = notification.attempts + 1;
      try {
        await this.mail.send({ notificationId: notification.id, to: notification.recipient, subject: notification.subject, text: notification.body });
      } catch (error) {
        const failure = this.failureOf(notification, attempts, error);
        await this.notifications.markAttemptFailed(manager, notification.id, attempts, failure.error, failure.retryAt);
        return failure;
      }
      const sentAt = new Date();
      await this.notifications.markSent(manager, notification.id, attempts, sentAt);
      await this.outbox.add(manager, notificationSentV1, notification.dossierCode, {
        notificationId: notification.id,
        channel: notification.channel,
        template: notification.template,
        subject: notification.dossierCode,
        sourceEventId: notification.sourceEventId,
        sentAt: sentAt.toISOString(),
      });
      return { notification, attempts, sent: true };
    });
    if (!outcome) return 0;
    this.report(outcome);
    return 1;
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
      this.outbox.notifyCommitted();
      this.logger.log(`sent ${what} at attempt ${attempts}`);
    } else if (outcome.retryAt) {
      this.logger.warn(`attempt ${attempts} of ${what} failed, retrying at ${outcome.retryAt.toISOString()}: ${outcome.error}`);
    } else {
      this.logger.error(`gave up on ${what} after ${attempts} attempts: ${outcome.error}`);
    }
  }
}
