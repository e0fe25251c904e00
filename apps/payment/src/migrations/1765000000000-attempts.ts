import { MigrationInterface, QueryRunner } from 'typeorm';

/** Attempts to pay a requested fee through a provider, and every report the providers made on them, refused ones too. */
export class Attempts1765000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment.payment_requests DROP CONSTRAINT IF EXISTS payment_requests_status_check`);
    await q.query(`ALTER TABLE payment.payment_requests ADD CONSTRAINT payment_requests_status_check CHECK (status IN ('requested', 'paid'))`);
    await q.query(`CREATE TABLE payment.payment_attempts (
      id uuid PRIMARY KEY,
      request_id uuid NOT NULL REFERENCES payment.payment_requests(id),
      dossier_code varchar NOT NULL,
      number integer NOT NULL CHECK (number >= 1),
      reference varchar(100) NOT NULL,
      provider varchar NOT NULL,
      partner varchar NOT NULL,
      amount integer NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL,
      status varchar NOT NULL CHECK (status IN ('created', 'pending', 'succeeded', 'failed', 'expired', 'partially-refunded', 'refunded')),
      provider_transaction varchar(100),
      error_code varchar(20),
      refunded_amount integer NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
      payment_url text,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      settled_at timestamptz,
      CONSTRAINT payment_attempts_reference_key UNIQUE (reference),
      CONSTRAINT payment_attempts_number_key UNIQUE (request_id, number))`);
    await q.query(`CREATE INDEX payment_attempts_dossier_idx ON payment.payment_attempts (dossier_code, created_at)`);
    await q.query(`CREATE TABLE payment.provider_reports (
      id uuid PRIMARY KEY,
      provider varchar NOT NULL,
      reference varchar(200) NOT NULL,
      attempt_id uuid REFERENCES payment.payment_attempts(id),
      verdict varchar NOT NULL,
      reason varchar,
      detail text,
      message jsonb NOT NULL,
      received_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX provider_reports_reference_idx ON payment.provider_reports (reference, received_at)`);
    await q.query(`CREATE INDEX provider_reports_refused_idx ON payment.provider_reports (received_at) WHERE verdict = 'refused'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment.provider_reports`);
    await q.query(`DROP TABLE payment.payment_attempts`);
    await q.query(`ALTER TABLE payment.payment_requests DROP CONSTRAINT payment_requests_status_check`);
  }
}
