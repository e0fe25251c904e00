import { MigrationInterface, QueryRunner } from 'typeorm';

/** An attempt that paid a fee another attempt had already paid: the money it took is owed back to the applicant. */
export class SecondPayments1765000000004 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment.payment_attempts ADD COLUMN second_payment_of uuid NULL REFERENCES payment.payment_attempts(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment.payment_attempts DROP COLUMN second_payment_of`);
  }
}
