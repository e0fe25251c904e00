import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@lienthong/platform-database';

export class Initial1763800000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'catalogue');
    // record keeps the national record whole: fields the backbone does not read yet are never dropped
    await q.query(`CREATE TABLE catalogue.procedures (
      code varchar PRIMARY KEY,
      version integer NOT NULL,
      name text NOT NULL,
      levels jsonb NOT NULL,
      content_hash char(64) NOT NULL,
      canonical jsonb NOT NULL,
      record jsonb NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX procedures_levels_idx ON catalogue.procedures USING gin (levels)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalogue.procedures`);
    await dropMessagingTables(q, 'catalogue');
  }
}
