import { MigrationInterface, QueryRunner } from 'typeorm';

/** Status 6 of a dossier whose procedure payment does not know yet: held here until procedure.published.v1 brings its fees. */
export class AwaitingProcedure1765000000005 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payment.fee_requests_awaiting_procedure (
      source_event_id varchar PRIMARY KEY,
      dossier_code varchar NOT NULL,
      procedure_code varchar NOT NULL,
      requested_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX fee_requests_awaiting_procedure_code_idx ON payment.fee_requests_awaiting_procedure (procedure_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment.fee_requests_awaiting_procedure`);
  }
}
