import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pull mode, for systems that cannot push their dossiers' statuses: a system's sync mode and poll interval; per dossier
 * delivered, what its system last answered to a look-up; the dossiers the backbone has finished, never looked up again.
 */
export class PullMode1764800000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE connector.systems ADD COLUMN sync_mode varchar NOT NULL DEFAULT 'push' CONSTRAINT systems_sync_mode_check CHECK (sync_mode IN ('push', 'pull'))`);
    await q.query(
      `ALTER TABLE connector.systems ADD COLUMN poll_interval_ms integer NOT NULL DEFAULT 60000 CONSTRAINT systems_poll_interval_ms_check CHECK (poll_interval_ms BETWEEN 100 AND 86400000)`,
    );
    await q.query(`CREATE TABLE connector.status_watches (
      system_code varchar NOT NULL,
      dossier_code varchar NOT NULL,
      seen_status varchar NOT NULL,
      seen_occurred_at timestamptz,
      next_poll_at timestamptz NOT NULL DEFAULT now(),
      polled_at timestamptz,
      last_error text,
      PRIMARY KEY (system_code, dossier_code))`);
    await q.query(`CREATE INDEX status_watches_due_idx ON connector.status_watches (system_code, next_poll_at)`);
    await q.query(`CREATE INDEX status_watches_dossier_idx ON connector.status_watches (dossier_code)`);
    await q.query(`CREATE TABLE connector.settled_dossiers (
      code varchar PRIMARY KEY,
      status smallint NOT NULL,
      settled_at timestamptz NOT NULL DEFAULT now())`);
    // what was delivered before is watched too, from the status it was delivered with, should its system switch to pull
    await q.query(`INSERT INTO connector.status_watches (system_code, dossier_code, seen_status)
      SELECT system_code, subject, payload->>'status' FROM connector.deliveries WHERE status = 'delivered' ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE connector.settled_dossiers`);
    await q.query(`DROP TABLE connector.status_watches`);
    await q.query(`ALTER TABLE connector.systems DROP COLUMN poll_interval_ms`);
    await q.query(`ALTER TABLE connector.systems DROP COLUMN sync_mode`);
  }
}
