import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each provider's days reconciled against its statement, and every payment they disagreed on. */
export class Reconciliation1765000000002 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payment.reconciliations (
      id uuid PRIMARY KEY,
      provider varchar NOT NULL,
      business_date date NOT NULL,
      status varchar NOT NULL CHECK (status IN ('running', 'matched', 'mismatched', 'failed')),
      ledger_count integer,
      statement_count integer,
      matched integer,
      missing integer,
      extra integer,
      amount_differs integer,
      error text,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      CONSTRAINT reconciliations_day_key UNIQUE (provider, business_date))`);
    await q.query(`CREATE TABLE payment.reconciliation_mismatches (
      reconciliation_id uuid NOT NULL REFERENCES payment.reconciliations(id) ON DELETE CASCADE,
      kind varchar NOT NULL CHECK (kind IN ('missing', 'extra', 'amount-differs')),
      reference varchar NOT NULL,
      provider_transaction varchar,
      ledger_amount integer,
      statement_amount integer,
      PRIMARY KEY (reconciliation_id, reference))`);
    await q.query(`CREATE INDEX payment_attempts_settled_idx ON payment.payment_attempts (provider, settled_at) WHERE status IN ('succeeded', 'partially-refunded', 'refunded')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX payment.payment_attempts_settled_idx`);
    await q.query(`DROP TABLE payment.reconciliation_mismatches`);
    await q.query(`DROP TABLE payment.reconciliations`);
  }
}
