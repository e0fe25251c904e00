import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Carrier } from '@lienthong/domain-notification';
import { notificationSentV1 } from '@lienthong/contracts';
import { backoffMs } from '@lienthong/platform-database';
import { Outbox } from '@lienthong/platform-kafka';
import { NotificationEnv } from '../config';
import { maskRecipient, maskRecipientIn } from './recipient.mask';
import { MailTransport } from './mail.transport';
import { SmsRefusedError, SmsTransport } from './sms.transport';
import { Notification, recipientKey } from './notification.entity';
import { NotificationRepository } from './notification.repository';

type Attempt = { notification: Notification; attempts: number };
/** retryAt is undefined when the last attempt allowed has failed. */
type Failure = Attempt & { sent: false; error: string; retryAt: Date | undefined };
type Outcome = (Attempt & { sent: true }) | Failure;

const ERROR_LIMIT = 1000;

/** Messages claimed per unit of work: sent at the same time over the pooled SMTP connections and to the SMS gateway. */
export const SENDER_BATCH_SIZE = 16;

/** Sends due messages (e-mail and SMS) a batch at a time and records the outcomes. */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly mail: MailTransport,
    private readonly sms: SmsTransport,
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
      const due = await this.withinRecipientLimits(manager, await this.notifications.claimDue(manager, SENDER_BATCH_SIZE));
      const outcomes = await inRecipientOrder(due, (notification) => this.attempt(notification));
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

  /**
   * The claimed messages whose recipients have not had NOTIFY_RECIPIENT_LIMIT messages on the channel within the window;
   * the others wait until it has passed (their attempts are not counted).
   */
  private async withinRecipientLimits(manager: EntityManager, due: Notification[]): Promise<Notification[]> {
    const { NOTIFY_RECIPIENT_LIMIT: limit, NOTIFY_RECIPIENT_WINDOW_MS: window } = this.config;
    const sent = await this.notifications.sentSince(manager, due, new Date(Date.now() - window));
    const [within, over]: [Notification[], Notification[]] = [[], []];
    for (const notification of due) {
      const key = recipientKey(notification.channel, notification.recipient);
      const count = sent.get(key) ?? 0;
      (count < limit ? within : over).push(notification);
      sent.set(key, count + 1);
    }
    if (over.length > 0) this.logger.warn(`${over.length} messages wait: their recipients had ${limit} messages within ${window} ms`);
    await this.notifications.postpone(manager, over.map((n) => n.id), new Date(Date.now() + window / limit));
    return within;
  }

  private async attempt(notification: Notification): Promise<Outcome> {
    const attempts = notification.attempts + 1;
    try {
      if (notification.channel === 'SMS') {
        await this.sms.send({ notificationId: notification.id, to: notification.recipient, text: notification.body, carrier: notification.carrier as Carrier, templateId: notification.subject });
      } else {
        await this.mail.send({ notificationId: notification.id, to: notification.recipient, subject: notification.subject, text: notification.body });
      }
      return { notification, attempts, sent: true };
    } catch (error) {
      return this.failureOf(notification, attempts, error);
    }
  }

  private failureOf(notification: Notification, attempts: number, error: unknown): Failure {
    const text = maskRecipientIn(error instanceof Error ? error.message : String(error), notification).slice(0, ERROR_LIMIT);
    return { notification, attempts, sent: false, error: text, retryAt: error instanceof SmsRefusedError ? undefined : this.retryAt(attempts) };
  }

  /** When a message that failed at attempt `attempts` is tried again; undefined once the attempts allowed are used up. */
  retryAt(attempts: number): Date | undefined {
    const { NOTIFY_MAX_ATTEMPTS, NOTIFY_BACKOFF_BASE_MS, NOTIFY_BACKOFF_CAP_MS } = this.config;
    return attempts < NOTIFY_MAX_ATTEMPTS ? new Date(Date.now() + backoffMs(attempts, NOTIFY_BACKOFF_BASE_MS, NOTIFY_BACKOFF_CAP_MS)) : undefined;
  }

  private report(outcome: Outcome): void {
    const { notification: n, attempts } = outcome;
    const what = `${n.channel} ${n.id} (${n.template}, dossier ${n.dossierCode}) to ${maskRecipient(n)}`;
    if (outcome.sent) {
      this.logger.log(`sent ${what} at attempt ${attempts}`);
    } else if (outcome.retryAt) {
      this.logger.warn(`attempt ${attempts} of ${what} failed, retrying at ${outcome.retryAt.toISOString()}: ${outcome.error}`);
    } else {
      this.logger.error(`gave up on ${what} after ${attempts} attempts: ${outcome.error}`);
    }
  }
}

/**
 * Attempts the messages of each recipient (on a channel) one after another, in the batch's order (the order they were
 * made in), and those of different recipients at once; answers the outcomes in the batch's order. Sent all at once,
 * "being processed" could reach an applicant before "received". A message that fails and will be tried again stops
 * its recipient's queue: the messages behind it stay pending, unattempted, until it has gone.
 */
async function inRecipientOrder(due: readonly Notification[], attempt: (notification: Notification) => Promise<Outcome>): Promise<Outcome[]> {
  const queues = new Map<string, Notification[]>();
  for (const notification of due) {
    const key = recipientKey(notification.channel, notification.recipient);
    const queue = queues.get(key);
    if (queue) queue.push(notification);
    else queues.set(key, [notification]);
  }
  const outcomes = new Map<Notification, Outcome>();
  await Promise.all([...queues.values()].map(async (queue) => {
    for (const notification of queue) {
      const outcome = await attempt(notification);
      outcomes.set(notification, outcome);
      if (!outcome.sent && outcome.retryAt) break;
    }
  }));
  return due.flatMap((notification) => outcomes.get(notification) ?? []);
}

const sentEventOf = (n: Notification, sentAt: Date) => ({
  notificationId: n.id,
  channel: n.channel,
  template: n.template,
  subject: n.dossierCode,
  sourceEventId: n.sourceEventId,
  sentAt: sentAt.toISOString(),
});
