import { MigrationInterface, QueryRunner } from 'typeorm';

/** Operators' versions of the message templates (version 1 of each is the one in the code), and the version each message used. */
export class Templates1765000000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.notifications ADD COLUMN template_version integer NOT NULL DEFAULT 1`);
    await q.query(`CREATE TABLE notification.templates (
      template varchar NOT NULL,
      channel varchar NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
      submission_channel smallint NOT NULL CHECK (submission_channel BETWEEN 0 AND 3),
      version integer NOT NULL CHECK (version >= 2),
      subject text NOT NULL,
      lines jsonb NOT NULL,
      created_by varchar NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (template, channel, submission_channel, version))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification.templates`);
    await q.query(`ALTER TABLE notification.notifications DROP COLUMN template_version`);
  }
}
