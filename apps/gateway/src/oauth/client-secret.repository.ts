import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { HashedSecret } from './client-secret-hash';

export interface StoredClientSecret extends HashedSecret {
  id: string;
  systemId: string;
  createdAt: Date;
}

export interface SystemKeyHash {
  systemId: string;
  keyHash: string;
}

const COLUMNS = `id, system_id AS "systemId", salt, secret_hash AS hash, created_at AS "createdAt"`;

@Injectable()
export class ClientSecretRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when no system has that id. */
  async insert(manager: EntityManager, id: string, systemId: string, secret: HashedSecret): Promise<StoredClientSecret | null> {
    const rows: StoredClientSecret[] = await manager.query(
      `INSERT INTO client_secrets (id, system_id, salt, secret_hash) SELECT $1, id, $3, $4 FROM client_systems WHERE id = $2 RETURNING ${COLUMNS}`,
      [id, systemId, secret.salt, secret.hash],
    );
    return rows[0] ?? null;
  }

  /** The system whose secret it was; idempotent for a revoked secret, null for an unknown one. */
  async revoke(manager: EntityManager, id: string): Promise<string | null> {
    const [rows]: [{ systemId: string }[], number] = await manager.query(
      `UPDATE client_secrets SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING system_id AS "systemId"`,
      [id],
    );
    return rows[0]?.systemId ?? null;
  }

  liveSecretsOf(systemId: string): Promise<StoredClientSecret[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM client_secrets WHERE system_id = $1 AND revoked_at IS NULL`, [systemId]);
  }

  /** Systems that never had a client secret, with the hashes of their API keys (the demo seeder recognises its own by them). */
  /** Every API key of every system, with the ids of the client secrets that system holds. */
  systemKeys(): Promise<(SystemKeyHash & { secretIds: string[] })[]> {
    return this.dataSource.query(
      `SELECT k.system_id AS "systemId", k.key_hash AS "keyHash",
              COALESCE((SELECT array_agg(s.id::text) FROM client_secrets s WHERE s.system_id = k.system_id), '{}') AS "secretIds"
       FROM api_keys k`,
    );
  }

  async insertMany(secrets: { id: string; systemId: string; secret: HashedSecret }[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO client_secrets (id, system_id, salt, secret_hash) SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[]) ON CONFLICT (id) DO NOTHING`,
      [secrets.map((s) => s.id), secrets.map((s) => s.systemId), secrets.map((s) => s.secret.salt), secrets.map((s) => s.secret.hash)],
    );
  }
}
