import { MigrationInterface, QueryRunner } from 'typeorm';

/** When each attempt was last looked up (QUERY), where each report came from, and the receipts (GET_BILL) kept. */
export class QueriesReceipts1765000000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment.payment_attempts ADD COLUMN queried_at timestamptz`);
    await q.query(`CREATE INDEX payment_attempts_awaiting_idx ON payment.payment_attempts (created_at) WHERE status IN ('created', 'pending')`);
    await q.query(`ALTER TABLE payment.provider_reports ADD COLUMN source varchar NOT NULL DEFAULT 'callback' CHECK (source IN ('callback', 'query'))`);
    await q.query(`CREATE TABLE payment.receipts (
      attempt_id uuid PRIMARY KEY REFERENCES payment.payment_attempts(id),
      content bytea,
      content_type varchar,
      sha256 char(64),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      next_attempt_at timestamptz NOT NULL,
      fetched_at timestamptz)`);
    await q.query(`CREATE INDEX receipts_due_idx ON payment.receipts (next_attempt_at) WHERE fetched_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment.receipts`);
    await q.query(`ALTER TABLE payment.provider_reports DROP COLUMN source`);
    await q.query(`DROP INDEX payment.payment_attempts_awaiting_idx`);
    await q.query(`ALTER TABLE payment.payment_attempts DROP COLUMN queried_at`);
  }
}
