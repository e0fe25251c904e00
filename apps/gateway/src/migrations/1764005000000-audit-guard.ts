import { MigrationInterface, QueryRunner } from 'typeorm';

const GUARDED = ['audit_log', 'audit_anchors'];

/**
 * The audit log and its anchors are append-only in the database itself, not only in the code that writes them: an
 * UPDATE, DELETE or TRUNCATE is refused whoever sends it. A superuser can still switch the guard off; the hash chain
 * and the anchors witnessed outside the database are what catch that.
 */
export class AuditGuard1764005000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION gateway.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '%.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'restrict_violation', HINT = 'audit entries and anchors are evidence; they are never changed or removed';
      END $$`);
    for (const table of GUARDED) {
      // per statement: refused before any row is touched, and no cost per row
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON gateway.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION gateway.refuse_audit_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of GUARDED) await q.query(`DROP TRIGGER ${table}_append_only ON gateway.${table}`);
    await q.query(`DROP FUNCTION gateway.refuse_audit_change()`);
  }
}
