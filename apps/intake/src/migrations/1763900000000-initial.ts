import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@lienthong/platform-database';

export class Initial1763900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'intake');
    await q.query(`CREATE TABLE intake.procedures (
      code varchar PRIMARY KEY,
      version integer NOT NULL,
      name text NOT NULL,
      submission_methods jsonb NOT NULL,
      cases jsonb NOT NULL,
      fees jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE intake.dossier_sequences (
      agency_code varchar NOT NULL,
      day char(6) NOT NULL,
      last_value integer NOT NULL,
      PRIMARY KEY (agency_code, day))`);
    await q.query(`CREATE TABLE intake.dossiers (
      code varchar PRIMARY KEY,
      source_system varchar NOT NULL,
      partner_reference varchar NOT NULL,
      procedure_code varchar NOT NULL,
      procedure_name text NOT NULL,
      case_code varchar,
      agency_code varchar NOT NULL,
      province_code char(3) NOT NULL,
      channel smallint NOT NULL,
      applicant jsonb NOT NULL,
      contact jsonb NOT NULL,
      summary varchar(1000) NOT NULL,
      status smallint NOT NULL,
      submitted_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT dossiers_partner_reference_key UNIQUE (source_system, partner_reference))`);
    await q.query(`CREATE INDEX dossiers_province_idx ON intake.dossiers (province_code, submitted_at)`);
    await q.query(`CREATE TABLE intake.dossier_timeline (
      id bigserial PRIMARY KEY,
      dossier_code varchar NOT NULL REFERENCES intake.dossiers(code),
      kind varchar NOT NULL,
      status smallint NOT NULL,
      previous_status smallint,
      note text,
      actor varchar NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX dossier_timeline_dossier_idx ON intake.dossier_timeline (dossier_code, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.dossier_timeline`);
    await q.query(`DROP TABLE intake.dossiers`);
    await q.query(`DROP TABLE intake.dossier_sequences`);
    await q.query(`DROP TABLE intake.procedures`);
    await dropMessagingTables(q, 'intake');
  }
}
