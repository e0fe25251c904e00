import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each dossier's applicant contact, as its last event gave it: whom a payment's outcome is told to. */
export class DossierContacts1765000000002 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification.dossier_contacts (
      dossier_code varchar PRIMARY KEY,
      email varchar NOT NULL,
      phone varchar NOT NULL,
      submission_channel smallint,
      updated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification.dossier_contacts`);
  }
}
