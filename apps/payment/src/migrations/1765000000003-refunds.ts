import { MigrationInterface, QueryRunner } from 'typeorm';

/** Refunds of paid attempts, in part or in full, each with who asked and why. */
export class Refunds1765000000003 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payment.refunds (
      id uuid PRIMARY KEY,
      attempt_id uuid NOT NULL REFERENCES payment.payment_attempts(id),
      amount integer NOT NULL CHECK (amount > 0),
      reason text NOT NULL,
      requested_by varchar NOT NULL,
      refunded_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX refunds_attempt_idx ON payment.refunds (attempt_id, refunded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment.refunds`);
  }
}
