import { MigrationInterface, QueryRunner } from 'typeorm';

/** OAuth2 client credentials: client secrets (scrypt hashes) and the gateway's token signing keys. */
export class OAuth1764004000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.client_secrets (
      id uuid PRIMARY KEY,
      system_id varchar NOT NULL REFERENCES gateway.client_systems(id),
      salt varchar NOT NULL,
      secret_hash varchar NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz)`);
    await q.query(`CREATE INDEX client_secrets_live_idx ON gateway.client_secrets (system_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE TABLE gateway.signing_keys (
      kid varchar PRIMARY KEY,
      public_jwk jsonb NOT NULL,
      sealed_private_jwk text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      activated_at timestamptz,
      retired_at timestamptz)`);
    // at most one key signs at a time
    await q.query(`CREATE UNIQUE INDEX signing_keys_one_active_idx ON gateway.signing_keys ((true)) WHERE activated_at IS NOT NULL AND retired_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.signing_keys`);
    await q.query(`DROP TABLE gateway.client_secrets`);
  }
}
