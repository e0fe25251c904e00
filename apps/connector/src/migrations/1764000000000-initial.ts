import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@lienthong/platform-database';

export class Initial1764000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'connector');
    await q.query(`CREATE TABLE connector.systems (
      code varchar PRIMARY KEY,
      name text NOT NULL,
      agency_code varchar NOT NULL,
      province_code char(3),
      protocol varchar NOT NULL CHECK (protocol IN ('DVCQG_SESSION')),
      endpoint text NOT NULL,
      username varchar NOT NULL,
      credentials_ref varchar NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX systems_province_idx ON connector.systems (province_code) WHERE enabled`);
    await q.query(`CREATE TABLE connector.deliveries (
      id uuid PRIMARY KEY,
      source_event_id varchar NOT NULL CONSTRAINT deliveries_source_event_id_key UNIQUE,
      system_code varchar NOT NULL,
      subject varchar NOT NULL,
      payload jsonb NOT NULL,
      status varchar NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX deliveries_due_idx ON connector.deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX deliveries_listing_idx ON connector.deliveries (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX deliveries_system_idx ON connector.deliveries (system_code, created_at DESC)`);
    await q.query(`CREATE INDEX deliveries_subject_idx ON connector.deliveries (subject)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE connector.deliveries`);
    await q.query(`DROP TABLE connector.systems`);
    await dropMessagingTables(q, 'connector');
  }
}
