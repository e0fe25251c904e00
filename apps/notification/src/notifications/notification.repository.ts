import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Notification, NotificationChannel, NotificationStatus, recipientKey } from './notification.entity';

export interface NotificationFilter {
  dossierCode?: string;
  status?: NotificationStatus;
  channel?: NotificationChannel;
}

/** A message to insert: what its event made of it, and whether its recipient's opt-out covers it. */
export type NewMessage = Pick<Notification, 'id' | 'sourceEventId' | 'channel' | 'template' | 'templateVersion' | 'recipient' | 'carrier' | 'subject' | 'body' | 'dossierCode'> & {
  refusable: boolean;
};

export interface Page {
  page: number;
  pageSize: number;
}

@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts messages due now in one statement, in their order, each unless its event already produced a message on its
   * channel: one its recipient opted out of on its channel is kept as skipped instead, unless it is not `refusable`.
   */
  async insertOnce(manager: EntityManager, messages: readonly NewMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await manager.query(
      `INSERT INTO notifications (id, source_event_id, channel, template, template_version, recipient, carrier, subject, body, dossier_code, status, attempts, next_attempt_at, last_error)
       SELECT m.id, m.source_event_id, m.channel, m.template, m.template_version, m.recipient, m.carrier, m.subject, m.body, m.dossier_code,
              CASE WHEN o.recipient IS NULL THEN 'pending' ELSE 'skipped' END, 0, now(), CASE WHEN o.recipient IS NULL THEN NULL ELSE 'the recipient opted out' END
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::int[], $6::varchar[], $7::varchar[], $8::text[], $9::text[], $10::varchar[], $11::boolean[])
              WITH ORDINALITY AS m(id, source_event_id, channel, template, template_version, recipient, carrier, subject, body, dossier_code, refusable, n)
         LEFT JOIN opt_outs o ON m.refusable AND o.channel = m.channel AND o.recipient = m.recipient
        ORDER BY m.n
       ON CONFLICT DO NOTHING`,
      [
        messages.map((m) => m.id),
        messages.map((m) => m.sourceEventId),
        messages.map((m) => m.channel),
        messages.map((m) => m.template),
        messages.map((m) => m.templateVersion),
        messages.map((m) => m.recipient),
        messages.map((m) => m.carrier),
        messages.map((m) => m.subject),
        messages.map((m) => m.body),
        messages.map((m) => m.dossierCode),
        messages.map((m) => m.refusable),
      ],
    );
  }

  /**
   * Up to `limit` due messages, locked for the caller's transaction, in the order they are to be sent. Each is the head of
   * its recipient's queue on its channel (their oldest pending message), most overdue first, other senders skipping the
   * heads they hold; then the due messages queued behind those heads, in their order. A message whose recipient has an
   * older one pending (another sender is sending it, or it waits for its retry) is left alone, so that a recipient hears
   * their messages in the order they were made, whichever sender sends them and however often one fails.
   */
  async claimDue(manager: EntityManager, limit: number): Promise<Notification[]> {
    const heads = await manager
      .createQueryBuilder(Notification, 'n')
      .where(`n.status = 'pending'`)
      .andWhere('n.next_attempt_at <= now()')
      .andWhere(`NOT EXISTS (SELECT 1 FROM notifications o WHERE o.recipient = n.recipient AND o.channel = n.channel AND o.status = 'pending' AND o.position < n.position)`)
      .orderBy('n.next_attempt_at')
      .addOrderBy('n.position')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (heads.length === 0 || heads.length >= limit) return heads;
    // no other sender can hold these: it would have had to claim their heads first
    const behind = await manager
      .createQueryBuilder(Notification, 'n')
      .where(`n.status = 'pending'`)
      .andWhere(`(n.recipient, n.channel) IN (SELECT * FROM unnest(:recipients::varchar[], :channels::varchar[]))`, { recipients: heads.map((h) => h.recipient), channels: heads.map((h) => h.channel) })
      .andWhere('n.id <> ALL(:heads::uuid[])', { heads: heads.map((h) => h.id) })
      .orderBy('n.position')
      .limit(limit - heads.length)
      .setLock('pessimistic_write')
      .getMany();
    return [...heads, ...dueInTurn(behind)];
  }

  /** Marks the messages sent, each at its next attempt, in one statement. */
  async markSent(manager: EntityManager, ids: string[], sentAt: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager.update(Notification, { id: In(ids) }, { status: 'sent', attempts: () => 'attempts + 1', sentAt, lastError: null });
  }

  /** Records a failed attempt: retried at `retryAt`, or given up (`failed`) when there is none. */
  async markAttemptFailed(manager: EntityManager, id: string, attempts: number, error: string, retryAt: Date | undefined): Promise<void> {
    await manager.update(Notification, { id }, { attempts, lastError: error, ...(retryAt ? { nextAttemptAt: retryAt } : { status: 'failed' }) });
  }

  /**
   * How many messages went to each of these recipients (on the message's channel) since `since`, by `channel:recipient`.
   * A count per recipient, each an index scan of its own messages whatever the table's statistics say: as a join, a
   * planner that misjudged the table (never analysed, say) scanned every message ever sent, once per batch.
   */
  async sentSince(manager: EntityManager, messages: readonly Notification[], since: Date): Promise<Map<string, number>> {
    if (messages.length === 0) return new Map();
    const rows: { key: string; sent: number }[] = await manager.query(
      `SELECT m.channel || ':' || m.recipient AS key,
              (SELECT count(*)::int FROM notifications n WHERE n.recipient = m.recipient AND n.channel = m.channel AND n.sent_at > $3) AS sent
       FROM (SELECT DISTINCT * FROM unnest($1::varchar[], $2::varchar[])) AS m(channel, recipient)`,
      [messages.map((m) => m.channel), messages.map((m) => m.recipient), since],
    );
    return new Map(rows.map((r) => [r.key, r.sent]));
  }

  /** Puts messages off until `until`, without counting an attempt: their recipients had enough for now. */
  async postpone(manager: EntityManager, ids: string[], until: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager.update(Notification, { id: In(ids) }, { nextAttemptAt: until });
  }

  /** The messages with these ids, locked for the rest of the transaction in id order, so that two batches never wait on each other. */
  findAllForUpdate(manager: EntityManager, ids: string[]): Promise<Notification[]> {
    return manager.createQueryBuilder(Notification, 'n').where('n.id IN (:...ids)', { ids }).orderBy('n.id').setLock('pessimistic_write').getMany();
  }

  /** Writes what the carrier's receipts made of each message (status, delivery time, next attempt, error) in one statement. */
  async saveReceiptOutcomes(manager: EntityManager, notifications: Notification[]): Promise<void> {
    if (notifications.length === 0) return;
    await manager.query(
      `UPDATE notifications n SET status = u.status, delivered_at = u.delivered_at, next_attempt_at = u.next_attempt_at, last_error = u.last_error
       FROM unnest($1::uuid[], $2::varchar[], $3::timestamptz[], $4::timestamptz[], $5::text[]) AS u(id, status, delivered_at, next_attempt_at, last_error)
       WHERE n.id = u.id`,
      [notifications.map((n) => n.id), notifications.map((n) => n.status), notifications.map((n) => n.deliveredAt), notifications.map((n) => n.nextAttemptAt), notifications.map((n) => n.lastError)],
    );
  }

  findPage(filter: NotificationFilter, { page, pageSize }: Page): Promise<[Notification[], number]> {
    return this.dataSource.getRepository(Notification).findAndCount({
      where: { ...(filter.dossierCode && { dossierCode: filter.dossierCode }), ...(filter.status && { status: filter.status }), ...(filter.channel && { channel: filter.channel }) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }
}

/** The messages of each recipient's queue up to the first one not due yet (a retry, say): none may overtake it. */
function dueInTurn(queued: readonly Notification[]): Notification[] {
  const now = Date.now();
  const stopped = new Set<string>();
  return queued.filter((n) => {
    const key = recipientKey(n.channel, n.recipient);
    if (!stopped.has(key) && n.nextAttemptAt.getTime() > now) stopped.add(key);
    return !stopped.has(key);
  });
}
