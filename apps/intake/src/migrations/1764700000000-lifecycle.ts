import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every status report kept (the status is folded from them), due dates and overdue marks on dossiers, the
 * procedure's processing time in intake's copy, a detail on timeline entries, and processing steps.
 */
export class Lifecycle1764700000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.dossier_status_reports (
      id bigserial PRIMARY KEY,
      dossier_code varchar NOT NULL REFERENCES intake.dossiers(code),
      status smallint NOT NULL,
      occurred_at timestamptz NOT NULL,
      actor varchar NOT NULL,
      note text,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT dossier_status_reports_once UNIQUE (dossier_code, status, occurred_at))`);
    // the statuses applied so far were each one report
    await q.query(`INSERT INTO intake.dossier_status_reports (dossier_code, status, occurred_at, actor, note)
      SELECT dossier_code, status, occurred_at, actor, note FROM intake.dossier_timeline WHERE kind = 'status-changed'
      ON CONFLICT DO NOTHING`);
    await q.query(`ALTER TABLE intake.dossiers
      ADD COLUMN clock_started_at timestamptz,
      ADD COLUMN due_at timestamptz,
      ADD COLUMN overdue_at timestamptz`);
    await q.query(`CREATE INDEX dossiers_due_idx ON intake.dossiers (due_at) WHERE overdue_at IS NULL AND due_at IS NOT NULL`);
    await q.query(`ALTER TABLE intake.procedures ADD COLUMN processing_time jsonb`);
    await q.query(`ALTER TABLE intake.dossier_timeline ADD COLUMN detail varchar`);
    // a step sent again (steps come in chunks, and chunks are retried) is the same handler, instant and content
    await q.query(`CREATE TABLE intake.dossier_steps (
      id bigserial PRIMARY KEY,
      dossier_code varchar NOT NULL REFERENCES intake.dossiers(code),
      handler varchar(50) NOT NULL,
      position varchar(200),
      department varchar(200),
      content text NOT NULL,
      status varchar(40),
      occurred_at timestamptz NOT NULL,
      started_at timestamptz,
      due_at timestamptz,
      actor varchar NOT NULL,
      content_hash char(64) NOT NULL,
      CONSTRAINT dossier_steps_once UNIQUE (dossier_code, occurred_at, handler, content_hash))`);
    await q.query(`DROP INDEX intake.dossier_timeline_dossier_idx`);
    await q.query(`CREATE INDEX dossier_timeline_dossier_idx ON intake.dossier_timeline (dossier_code, occurred_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.dossier_steps`);
    await q.query(`DROP INDEX intake.dossier_timeline_dossier_idx`);
    await q.query(`CREATE INDEX dossier_timeline_dossier_idx ON intake.dossier_timeline (dossier_code, id)`);
    await q.query(`ALTER TABLE intake.dossier_timeline DROP COLUMN detail`);
    await q.query(`ALTER TABLE intake.procedures DROP COLUMN processing_time`);
    await q.query(`DROP INDEX intake.dossiers_due_idx`);
    await q.query(`ALTER TABLE intake.dossiers DROP COLUMN clock_started_at, DROP COLUMN due_at, DROP COLUMN overdue_at`);
    await q.query(`DROP TABLE intake.dossier_status_reports`);
  }
}
