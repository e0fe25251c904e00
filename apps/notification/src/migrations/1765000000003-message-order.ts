import { MigrationInterface, QueryRunner } from 'typeorm';

/** The order messages were made in: the rows of one batch share their created_at, and a recipient hears them in that order. */
export class MessageOrder1765000000003 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.notifications ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.notifications DROP COLUMN position`);
  }
}
