import { MigrationInterface, QueryRunner } from 'typeorm';
import type { CanonicalProcedure } from '@lienthong/domain-procedure';
import { searchColumnsOf } from '../procedures/procedure-search-columns';

/** Every published version kept; folded search columns, with trigram indexes where pg_trgm is installable. */
export class VersionsAndSearch1764700000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE catalogue.procedure_versions (
      code varchar NOT NULL REFERENCES catalogue.procedures (code),
      version integer NOT NULL,
      content_hash char(64) NOT NULL,
      canonical jsonb NOT NULL,
      record jsonb NOT NULL,
      published_at timestamptz NOT NULL,
      PRIMARY KEY (code, version))`);
    await q.query(`INSERT INTO catalogue.procedure_versions (code, version, content_hash, canonical, record, published_at)
      SELECT code, version, content_hash, canonical, record, updated_at FROM catalogue.procedures`);
    await q.query(`ALTER TABLE catalogue.procedures
      ADD COLUMN search_text text NOT NULL DEFAULT '',
      ADD COLUMN agency_codes text[] NOT NULL DEFAULT '{}',
      ADD COLUMN agency_text text NOT NULL DEFAULT '',
      ADD COLUMN field_codes text[] NOT NULL DEFAULT '{}',
      ADD COLUMN field_text text NOT NULL DEFAULT ''`);
    const rows: { code: string; canonical: CanonicalProcedure }[] = await q.query(`SELECT code, canonical FROM catalogue.procedures`);
    for (const { code, canonical } of rows) {
      const c = searchColumnsOf(canonical);
      await q.query(`UPDATE catalogue.procedures SET search_text = $2, agency_codes = $3, agency_text = $4, field_codes = $5, field_text = $6 WHERE code = $1`, [
        code, c.searchText, c.agencyCodes, c.agencyText, c.fieldCodes, c.fieldText,
      ]);
    }
    await q.query(`CREATE INDEX procedures_agency_codes_idx ON catalogue.procedures USING gin (agency_codes)`);
    await q.query(`CREATE INDEX procedures_field_codes_idx ON catalogue.procedures USING gin (field_codes)`);
    const trigrams = await this.trigramSchema(q);
    // without pg_trgm a search scans the table: correct, and fast enough for the national catalogue's ~6,000 procedures
    if (trigrams) await q.query(`CREATE INDEX procedures_search_text_idx ON catalogue.procedures USING gin (search_text "${trigrams}".gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // the extension is left installed: other schemas of the database may use it
    await q.query(`DROP INDEX IF EXISTS catalogue.procedures_search_text_idx`);
    await q.query(`DROP INDEX catalogue.procedures_field_codes_idx`);
    await q.query(`DROP INDEX catalogue.procedures_agency_codes_idx`);
    await q.query(`ALTER TABLE catalogue.procedures DROP COLUMN search_text, DROP COLUMN agency_codes, DROP COLUMN agency_text, DROP COLUMN field_codes, DROP COLUMN field_text`);
    await q.query(`DROP TABLE catalogue.procedure_versions`);
  }

  /** The schema pg_trgm lives in, installing it in catalogue when the server has it and it is not there yet. */
  private async trigramSchema(q: QueryRunner): Promise<string | undefined> {
    const installed = async (): Promise<string | undefined> =>
      (await q.query(`SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`))[0]?.schema;
    const schema = await installed();
    if (schema) return schema;
    const [{ available }] = await q.query(`SELECT count(*) > 0 AS available FROM pg_available_extensions WHERE name = 'pg_trgm'`);
    if (!available) return undefined;
    await q.query(`CREATE EXTENSION pg_trgm WITH SCHEMA catalogue`);
    return installed();
  }
}
