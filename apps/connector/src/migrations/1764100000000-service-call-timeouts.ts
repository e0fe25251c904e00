import { MigrationInterface, QueryRunner } from 'typeorm';

/** A system's own limit on how long a client's call of its services may take (null: SERVICE_CALL_TIMEOUT_MS). */
export class ServiceCallTimeouts1764100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE connector.systems ADD COLUMN call_timeout_ms integer CONSTRAINT systems_call_timeout_ms_check CHECK (call_timeout_ms BETWEEN 100 AND 60000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE connector.systems DROP COLUMN call_timeout_ms`);
  }
}
