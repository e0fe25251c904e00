import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@lienthong/platform-database';

export class Initial1764100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'notification');
    await q.query(`CREATE TABLE notification.notifications (
      id uuid PRIMARY KEY,
      source_event_id varchar NOT NULL,
      channel varchar NOT NULL,
      template varchar NOT NULL,
      recipient varchar NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      dossier_code varchar NOT NULL,
      status varchar NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT notifications_source_event_channel_key UNIQUE (source_event_id, channel))`);
    // the sender only ever scans what is still due
    await q.query(`CREATE INDEX notifications_due_idx ON notification.notifications (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX notifications_dossier_idx ON notification.notifications (dossier_code, created_at)`);
    await q.query(`CREATE INDEX notifications_status_idx ON notification.notifications (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification.notifications`);
    await dropMessagingTables(q, 'notification');
  }
}
