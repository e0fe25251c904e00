import { MigrationInterface, QueryRunner } from 'typeorm';

/** A recipient's pending messages in the order they were made: a sender holds back a message while an older one waits. */
export class RecipientQueue1765000000004 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notifications_recipient_pending_idx ON notification.notifications (recipient, channel, position) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification.notifications_recipient_pending_idx`);
  }
}
