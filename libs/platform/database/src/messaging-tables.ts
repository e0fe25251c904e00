import { QueryRunner } from 'typeorm';

/** The outbox and inbox tables every service owns in its schema; called from each service's first migration. */
export async function createMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await runner.query(`CREATE TABLE "${schema}".outbox (
    id uuid PRIMARY KEY,
    position bigserial NOT NULL UNIQUE,
    topic varchar NOT NULL,
    type varchar NOT NULL,
    key varchar NOT NULL,
    payload jsonb NOT NULL,
    traceparent varchar,
    created_at timestamptz NOT NULL DEFAULT now())`);
  await runner.query(`CREATE TABLE "${schema}".inbox (
    event_id varchar NOT NULL,
    consumer varchar NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer))`);
}

export async function dropMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}".inbox`);
  await runner.query(`DROP TABLE "${schema}".outbox`);
}
