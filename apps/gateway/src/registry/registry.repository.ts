import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, IsNull } from 'typeorm';
import { Agency } from './agency.entity';
import { ApiKey } from './api-key.entity';
import { ClientCertificate } from './client-certificate.entity';
import { ClientSystem, SystemStatus } from './client-system.entity';
import { Grant } from './grant.entity';

export interface Credential {
  system: ClientSystem;
  grants: Grant[];
}

export type NewSystem = Pick<ClientSystem, 'id' | 'name' | 'kind' | 'agencyCode' | 'instance' | 'memberClass' | 'memberCode' | 'subsystem'>;

export interface SystemFilter {
  kind?: ClientSystem['kind'];
  agencyCode?: string;
  status?: SystemStatus;
}

/** A row of client_systems as pg answers it. */
interface SystemRow {
  id: string;
  name: string;
  status: SystemStatus;
  kind: ClientSystem['kind'];
  agency_code: string | null;
  instance: string;
  member_class: string;
  member_code: string;
  subsystem: string;
  created_at: Date;
}

const systemOf = (row: SystemRow): ClientSystem =>
  Object.assign(new ClientSystem(), {
    id: row.id,
    name: row.name,
    status: row.status,
    kind: row.kind,
    agencyCode: row.agency_code,
    instance: row.instance,
    memberClass: row.member_class,
    memberCode: row.member_code,
    subsystem: row.subsystem,
    createdAt: row.created_at,
  });

@Injectable()
export class RegistryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The active system behind a live key, with its grants; null for an unknown or revoked key or a suspended system. */
  findCredential(keyHash: string): Promise<Credential | null> {
    // a join from the key's unique index: as EXISTS over the systems, the planner probed the index once per system
    return this.credentialWhere(`k.key_hash = $1 AND k.revoked_at IS NULL`, keyHash, `api_keys k JOIN client_systems s ON s.id = k.system_id`);
  }

  /** The active system with its grants, for a caller identified without an API key (an access token); null when suspended or unknown. */
  findSystemCredential(systemId: string): Promise<Credential | null> {
    return this.credentialWhere(`s.id = $1`, systemId);
  }

  /**
   * The active system a condition on `s` (client_systems) finds, with its grants, in one statement: every
   * gateway instance asks again for each credential in use every second or so (CredentialCache).
   */
  private async credentialWhere(condition: string, value: string, from = 'client_systems s'): Promise<Credential | null> {
    const [row]: (SystemRow & { grants: Grant[] })[] = await this.dataSource.query(
      `SELECT s.*, coalesce((SELECT json_agg(json_build_object('systemId', g.system_id, 'permission', g.permission, 'scope', g.scope)) FROM grants g WHERE g.system_id = s.id), '[]') AS grants
         FROM ${from} WHERE s.status = 'active' AND ${condition}`,
      [value],
    );
    return row ? { system: systemOf(row), grants: row.grants } : null;
  }

  /** The active system behind a live registered client certificate, with its grants; null otherwise. */
  async findCertificateCredential(fingerprint: string): Promise<Credential | null> {
    const certificate = await this.dataSource.getRepository(ClientCertificate).findOneBy({ fingerprint, revokedAt: IsNull() });
    return certificate ? this.findSystemCredential(certificate.systemId) : null;
  }

  /** Inserts the agencies, or renames them: reference data the seeder keeps in step. */
  async upsertAgencies(manager: EntityManager, agencies: Agency[]): Promise<void> {
    await manager.query(
      `INSERT INTO agencies (code, name, kind, parent_code) SELECT * FROM unnest($1::varchar[], $2::text[], $3::varchar[], $4::varchar[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code`,
      [agencies.map((a) => a.code), agencies.map((a) => a.name), agencies.map((a) => a.kind), agencies.map((a) => a.parentCode)],
    );
  }

  /**
   * Inserts systems, or updates their description (never their status: an operator's suspension outlives a
   * re-seed), with their keys and grants where missing. Answers the ids that were new.
   */
  async upsertSystems(manager: EntityManager, systems: NewSystem[], keys: Omit<ApiKey, 'createdAt' | 'revokedAt'>[], grants: Grant[]): Promise<string[]> {
    const rows: { id: string; inserted: boolean }[] = await manager.query(
      `INSERT INTO client_systems (id, name, kind, agency_code, instance, member_class, member_code, subsystem)
       SELECT * FROM unnest($1::varchar[], $2::text[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[])
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, agency_code = EXCLUDED.agency_code,
         instance = EXCLUDED.instance, member_class = EXCLUDED.member_class, member_code = EXCLUDED.member_code, subsystem = EXCLUDED.subsystem
       RETURNING id, (xmax = 0) AS inserted`,
      [
        systems.map((s) => s.id),
        systems.map((s) => s.name),
        systems.map((s) => s.kind),
        systems.map((s) => s.agencyCode),
        ...(['instance', 'memberClass', 'memberCode', 'subsystem'] as const).map((part) => systems.map((s) => s[part])),
      ],
    );
    await manager.query(
      `INSERT INTO api_keys (id, system_id, key_hash, prefix) SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::char(64)[], $4::varchar[]) ON CONFLICT (key_hash) DO NOTHING`,
      [keys.map((k) => k.id), keys.map((k) => k.systemId), keys.map((k) => k.keyHash), keys.map((k) => k.prefix)],
    );
    await manager.query(`INSERT INTO grants (system_id, permission, scope) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) ON CONFLICT DO NOTHING`, [
      grants.map((g) => g.systemId),
      grants.map((g) => g.permission),
      grants.map((g) => g.scope),
    ]);
    return rows.filter((row) => row.inserted).map((row) => row.id);
  }

  /** One page of systems, filtered by kind, agency and status, in id order. */
  listSystems(filter: SystemFilter, page: number, pageSize: number): Promise<[ClientSystem[], number]> {
    const where: FindOptionsWhere<ClientSystem> = {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.agencyCode ? { agencyCode: filter.agencyCode } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    return this.dataSource.getRepository(ClientSystem).findAndCount({ where, order: { id: 'ASC' }, skip: (page - 1) * pageSize, take: pageSize });
  }

  /** The system, locked for the rest of the transaction so that concurrent changes to it queue. */
  findSystemForUpdate(manager: EntityManager, id: string): Promise<ClientSystem | null> {
    return manager.getRepository(ClientSystem).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async findSystemDetails(id: string): Promise<{ system: ClientSystem; keys: ApiKey[]; grants: Grant[]; certificates: ClientCertificate[] } | null> {
    const system = await this.dataSource.getRepository(ClientSystem).findOneBy({ id });
    if (!system) return null;
    const keys = await this.dataSource.getRepository(ApiKey).find({ where: { systemId: id }, order: { createdAt: 'ASC' } });
    const grants = await this.dataSource.getRepository(Grant).find({ where: { systemId: id }, order: { permission: 'ASC', scope: 'ASC' } });
    const certificates = await this.dataSource.getRepository(ClientCertificate).find({ where: { systemId: id }, order: { createdAt: 'ASC' } });
    return { system, keys, grants, certificates };
  }

  async agencyExists(manager: EntityManager, code: string): Promise<boolean> {
    return manager.getRepository(Agency).existsBy({ code });
  }

  async systemExists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.getRepository(ClientSystem).existsBy({ id });
  }

  async insertSystem(manager: EntityManager, system: NewSystem): Promise<ClientSystem> {
    const repository = manager.getRepository(ClientSystem);
    await repository.insert({ ...system, status: 'active' });
    return repository.findOneByOrFail({ id: system.id });
  }

  async setStatus(manager: EntityManager, id: string, status: SystemStatus): Promise<void> {
    await manager.getRepository(ClientSystem).update({ id }, { status });
  }

  async insertKey(manager: EntityManager, key: Omit<ApiKey, 'createdAt' | 'revokedAt'>): Promise<ApiKey> {
    const repository = manager.getRepository(ApiKey);
    await repository.insert(key);
    return repository.findOneByOrFail({ id: key.id });
  }

  findKeyForUpdate(manager: EntityManager, systemId: string, keyId: string): Promise<ApiKey | null> {
    return manager.getRepository(ApiKey).findOne({ where: { id: keyId, systemId }, lock: { mode: 'pessimistic_write' } });
  }

  async revokeKey(manager: EntityManager, keyId: string): Promise<ApiKey> {
    const repository = manager.getRepository(ApiKey);
    await repository.update({ id: keyId }, { revokedAt: () => 'now()' });
    return repository.findOneByOrFail({ id: keyId });
  }

  /** Null when the certificate is registered already, to any system, revoked or not. */
  async insertCertificate(manager: EntityManager, certificate: Omit<ClientCertificate, 'createdAt' | 'revokedAt'>): Promise<ClientCertificate | null> {
    const { fingerprint, systemId, subject, issuer, serialNumber, notBefore, notAfter } = certificate;
    const rows: unknown[] = await manager.query(
      `INSERT INTO client_certificates (fingerprint, system_id, subject, issuer, serial_number, not_before, not_after) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [fingerprint, systemId, subject, issuer, serialNumber, notBefore, notAfter],
    );
    return rows.length > 0 ? manager.getRepository(ClientCertificate).findOneByOrFail({ fingerprint }) : null;
  }

  findCertificateForUpdate(manager: EntityManager, systemId: string, fingerprint: string): Promise<ClientCertificate | null> {
    return manager.getRepository(ClientCertificate).findOne({ where: { fingerprint, systemId }, lock: { mode: 'pessimistic_write' } });
  }

  async revokeCertificate(manager: EntityManager, fingerprint: string): Promise<ClientCertificate> {
    const repository = manager.getRepository(ClientCertificate);
    await repository.update({ fingerprint }, { revokedAt: () => 'now()' });
    return repository.findOneByOrFail({ fingerprint });
  }

  /** False when the system already holds the grant. */
  async insertGrant(manager: EntityManager, grant: Grant): Promise<boolean> {
    const rows: unknown[] = await manager.query(`INSERT INTO grants (system_id, permission, scope) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`, [
      grant.systemId,
      grant.permission,
      grant.scope,
    ]);
    return rows.length > 0;
  }

  /** False when the system held no such grant. */
  async deleteGrant(manager: EntityManager, grant: Grant): Promise<boolean> {
    const result = await manager.getRepository(Grant).delete({ systemId: grant.systemId, permission: grant.permission, scope: grant.scope });
    return (result.affected ?? 0) > 0;
  }
}
