import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApiKey } from './api-key.entity';
import { ClientSystem } from './client-system.entity';
import { Grant } from './grant.entity';

export interface Credential {
  system: ClientSystem;
  grants: Grant[];
}

@Injectable()
export class RegistryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The active system behind a live key, with its grants; null for an unknown or revoked key or a suspended system. */
  async findCredential(keyHash: string): Promise<Credential | null> {
    const key = await this.dataSource.getRepository(ApiKey).findOneBy({ keyHash });
    if (!key || key.revokedAt) return null;
    const system = await this.dataSource.getRepository(ClientSystem).findOneBy({ id: key.systemId, status: 'active' });
    if (!system) return null;
    const grants = await this.dataSource.getRepository(Grant).findBy({ systemId: system.id });
    return { system, grants };
  }

  async upsertSystem(manager: EntityManager, system: Pick<ClientSystem, 'id' | 'name'>, keyHash: string, prefix: string, keyId: string, grants: Omit<Grant, 'systemId'>[]): Promise<void> {
    await manager.query(`INSERT INTO client_systems (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`, [system.id, system.name]);
    await manager.query(`INSERT INTO api_keys (id, system_id, key_hash, prefix) VALUES ($1, $2, $3, $4) ON CONFLICT (key_hash) DO NOTHING`, [keyId, system.id, keyHash, prefix]);
    for (const grant of grants) {
      await manager.query(`INSERT INTO grants (system_id, permission, scope) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [system.id, grant.permission, grant.scope]);
    }
  }
}
