import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@lienthong/platform-database';

export class Initial1763900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'gateway');
    await q.query(`CREATE TABLE gateway.client_systems (
      id varchar PRIMARY KEY,
      name text NOT NULL,
      status varchar NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE gateway.api_keys (
      id uuid PRIMARY KEY,
      system_id varchar NOT NULL REFERENCES gateway.client_systems(id),
      key_hash char(64) NOT NULL UNIQUE,
      prefix varchar(12) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz)`);
    await q.query(`CREATE TABLE gateway.grants (
      system_id varchar NOT NULL REFERENCES gateway.client_systems(id),
      permission varchar NOT NULL,
      scope varchar NOT NULL,
      PRIMARY KEY (system_id, permission, scope))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.grants`);
    await q.query(`DROP TABLE gateway.api_keys`);
    await q.query(`DROP TABLE gateway.client_systems`);
    await dropMessagingTables(q, 'gateway');
  }
}
