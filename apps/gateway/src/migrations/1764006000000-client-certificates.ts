import { MigrationInterface, QueryRunner } from 'typeorm';

/** Client certificates for mutual TLS, registered per system by the SHA-256 of their DER form. */
export class ClientCertificates1764006000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.client_certificates (
      fingerprint char(64) PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
      system_id varchar NOT NULL REFERENCES gateway.client_systems(id),
      subject text NOT NULL,
      issuer text NOT NULL,
      serial_number varchar NOT NULL,
      not_before timestamptz NOT NULL,
      not_after timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz)`);
    await q.query(`CREATE INDEX client_certificates_system ON gateway.client_certificates (system_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.client_certificates`);
  }
}
