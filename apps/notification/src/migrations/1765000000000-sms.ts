import { MigrationInterface, QueryRunner } from 'typeorm';

/** SMS beside e-mail: the carrier and delivery of each message, skipped messages, and the recipients who opted out. */
export class Sms1765000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.notifications DROP CONSTRAINT notifications_status_check`);
    await q.query(`ALTER TABLE notification.notifications ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'delivered', 'failed', 'skipped'))`);
    await q.query(`ALTER TABLE notification.notifications ADD COLUMN carrier varchar, ADD COLUMN delivered_at timestamptz`);
    await q.query(`CREATE INDEX notifications_recipient_sent_idx ON notification.notifications (recipient, sent_at) WHERE sent_at IS NOT NULL`);
    await q.query(`CREATE TABLE notification.opt_outs (
      channel varchar NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
      recipient varchar NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (channel, recipient))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification.opt_outs`);
    await q.query(`DROP INDEX notification.notifications_recipient_sent_idx`);
    await q.query(`ALTER TABLE notification.notifications DROP COLUMN delivered_at, DROP COLUMN carrier`);
    await q.query(`ALTER TABLE notification.notifications DROP CONSTRAINT notifications_status_check`);
    await q.query(`ALTER TABLE notification.notifications ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'failed'))`);
  }
}
