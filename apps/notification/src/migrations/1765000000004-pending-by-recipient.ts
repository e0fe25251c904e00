import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each recipient's queue of pending messages in the order they were made: a sender claims only its head (and what follows). */
export class PendingByRecipient1765000000004 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notifications_pending_by_recipient_idx ON notification.notifications (recipient, channel, position) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification.notifications_pending_by_recipient_idx`);
  }
}
