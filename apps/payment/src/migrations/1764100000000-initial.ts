import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@lienthong/platform-database';

export class Initial1764100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'payment');
    await q.query(`CREATE TABLE payment.procedure_fees (
      code varchar PRIMARY KEY,
      version integer NOT NULL,
      name text NOT NULL,
      fees jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE payment.payment_requests (
      id uuid PRIMARY KEY,
      source_event_id varchar NOT NULL,
      dossier_code varchar NOT NULL,
      procedure_code varchar NOT NULL,
      amount integer NOT NULL CHECK (amount >= 0),
      fee_lines jsonb NOT NULL,
      currency char(3) NOT NULL,
      status varchar NOT NULL,
      requested_at timestamptz NOT NULL,
      CONSTRAINT payment_requests_source_event_key UNIQUE (source_event_id))`);
    await q.query(`CREATE INDEX payment_requests_dossier_idx ON payment.payment_requests (dossier_code, requested_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment.payment_requests`);
    await q.query(`DROP TABLE payment.procedure_fees`);
    await dropMessagingTables(q, 'payment');
  }
}
