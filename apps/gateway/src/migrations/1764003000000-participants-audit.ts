import { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies, systems with their kind, agency and X-Road parts, and the hash-chained audit log with its anchors. */
export class ParticipantsAudit1764003000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.agencies (
      code varchar PRIMARY KEY,
      name text NOT NULL,
      kind varchar NOT NULL CHECK (kind IN ('central', 'ministry', 'province', 'commune')),
      parent_code varchar REFERENCES gateway.agencies(code))`);
    await q.query(`ALTER TABLE gateway.client_systems
      ADD COLUMN kind varchar CHECK (kind IN ('one-stop', 'lgsp', 'ministry', 'portal', 'operator', 'payment-platform', 'bank', 'intermediary', 'sms-gateway')),
      ADD COLUMN agency_code varchar REFERENCES gateway.agencies(code),
      ADD COLUMN instance varchar,
      ADD COLUMN member_class varchar,
      ADD COLUMN member_code varchar,
      ADD COLUMN subsystem varchar`);
    // rows before this migration came only from the demo seeder, which made exactly these three kinds; any other
    // row stays without a kind and the NOT NULL below stops the migration rather than guess
    await q.query(`UPDATE gateway.client_systems SET
      instance = split_part(id, '/', 1), member_class = split_part(id, '/', 2), member_code = split_part(id, '/', 3), subsystem = split_part(id, '/', 4),
      kind = CASE split_part(id, '/', 4) WHEN 'MOTCUA' THEN 'one-stop' WHEN 'DVCQG' THEN 'portal' WHEN 'LIENTHONG-OPS' THEN 'operator' END`);
    for (const column of ['kind', 'instance', 'member_class', 'member_code', 'subsystem']) {
      await q.query(`ALTER TABLE gateway.client_systems ALTER COLUMN ${column} SET NOT NULL`);
    }
    await q.query(`CREATE INDEX client_systems_kind_agency ON gateway.client_systems (kind, agency_code)`);
    await q.query(`CREATE INDEX api_keys_system ON gateway.api_keys (system_id)`);
    await q.query(`CREATE TABLE gateway.audit_log (
      seq bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      actor varchar NOT NULL,
      action varchar NOT NULL,
      subject varchar NOT NULL,
      details jsonb NOT NULL,
      prev_hash char(64) NOT NULL,
      hash char(64) NOT NULL UNIQUE)`);
    await q.query(`CREATE TABLE gateway.audit_anchors (
      seq bigint PRIMARY KEY,
      hash char(64) NOT NULL,
      anchored_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.audit_anchors`);
    await q.query(`DROP TABLE gateway.audit_log`);
    await q.query(`DROP INDEX gateway.api_keys_system`);
    await q.query(`DROP INDEX gateway.client_systems_kind_agency`);
    await q.query(`ALTER TABLE gateway.client_systems DROP COLUMN subsystem, DROP COLUMN member_code, DROP COLUMN member_class, DROP COLUMN instance, DROP COLUMN agency_code, DROP COLUMN kind`);
    await q.query(`DROP TABLE gateway.agencies`);
  }
}
