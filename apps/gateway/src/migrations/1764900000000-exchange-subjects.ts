import { MigrationInterface, QueryRunner } from 'typeorm';

/** Operators follow one dossier's calls: exchange records by subject, latest first. */
export class ExchangeSubjects1764900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX exchange_records_subject_started_at ON gateway.exchange_records (subject, started_at DESC) WHERE subject IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX gateway.exchange_records_subject_started_at`);
  }
}
