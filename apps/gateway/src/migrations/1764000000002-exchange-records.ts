import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExchangeRecords1764000000002 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.exchange_records (
      exchange_id uuid PRIMARY KEY,
      client varchar,
      service varchar NOT NULL,
      target varchar,
      method varchar NOT NULL,
      route varchar,
      subject varchar,
      status smallint NOT NULL,
      error_side varchar NOT NULL CHECK (error_side IN ('none', 'client', 'gateway', 'provider')),
      request_bytes bigint NOT NULL,
      response_bytes bigint NOT NULL,
      started_at timestamptz NOT NULL,
      ended_at timestamptz NOT NULL,
      duration_ms double precision NOT NULL,
      trace_id varchar)`);
    // operators ask "what did this system do, lately", "what happened then", "which calls failed"
    await q.query(`CREATE INDEX exchange_records_client_started_at ON gateway.exchange_records (client, started_at DESC)`);
    await q.query(`CREATE INDEX exchange_records_started_at ON gateway.exchange_records (started_at DESC)`);
    await q.query(`CREATE INDEX exchange_records_status_started_at ON gateway.exchange_records (status, started_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.exchange_records`);
  }
}
