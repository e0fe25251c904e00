import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { DataSource, EntityManager } from 'typeorm';

export interface NewSigningKey {
  kid: string;
  publicJwk: JWK;
  sealedPrivateJwk: string;
}

export interface SigningKeyRow extends NewSigningKey {
  activatedAt: Date;
  retiredAt: Date | null;
}

/** Serialises key creation and rotation across gateway instances. */
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('gateway.signing_keys'))`;
const COLUMNS = `kid, public_jwk AS "publicJwk", sealed_private_jwk AS "sealedPrivateJwk", activated_at AS "activatedAt", retired_at AS "retiredAt"`;

@Injectable()
export class SigningKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the first key unless one is active; two instances booting together create only one. */
  async ensureActive(create: () => Promise<NewSigningKey>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(LOCK);
      const active: unknown[] = await manager.query(`SELECT kid FROM signing_keys WHERE activated_at IS NOT NULL AND retired_at IS NULL`);
      if (active.length === 0) await this.activate(manager, await create());
    });
  }

  /** Retires the active key and activates `key` in its place, in one transaction with `record` (the audit entry). */
  async rotate(key: NewSigningKey, record: (manager: EntityManager, retired: string[]) => Promise<unknown>): Promise<SigningKeyRow> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(LOCK);
      const [retired]: [{ kid: string }[], number] = await manager.query(
        `UPDATE signing_keys SET retired_at = now() WHERE activated_at IS NOT NULL AND retired_at IS NULL RETURNING kid`,
      );
      const activated = await this.activate(manager, key);
      await record(manager, retired.map((row) => row.kid));
      return activated;
    });
  }

  /** The active key and the keys retired after `retiredAfter`, newest first. */
  published(retiredAfter: Date): Promise<SigningKeyRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM signing_keys WHERE activated_at IS NOT NULL AND (retired_at IS NULL OR retired_at > $1) ORDER BY activated_at DESC`,
      [retiredAfter],
    );
  }

  private async activate(manager: EntityManager, key: NewSigningKey): Promise<SigningKeyRow> {
    const [row] = await manager.query(
      `INSERT INTO signing_keys (kid, public_jwk, sealed_private_jwk, activated_at) VALUES ($1, $2, $3, now()) RETURNING ${COLUMNS}`,
      [key.kid, JSON.stringify(key.publicJwk), key.sealedPrivateJwk],
    );
    return row;
  }
}
