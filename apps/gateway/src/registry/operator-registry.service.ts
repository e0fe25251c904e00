import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { isProvinceCode } from '@lienthong/domain-dossier';
import { agencyOfSystem, parseSystemId } from '@lienthong/domain-registry';
import { isUniqueViolation } from '@lienthong/platform-database';
import { Page } from '@lienthong/platform-http';
import { hashApiKey, keyPrefix } from '../access/api-key-hash';
import { AuditRecord } from '../audit/audit-chain';
import { AuditLog } from '../audit/audit-log.service';
import { ApiKey } from './api-key.entity';
import { readClientCertificate } from './client-certificate-pem';
import { ClientCertificate } from './client-certificate.entity';
import { ClientSystem, SystemStatus } from './client-system.entity';
import { Grant } from './grant.entity';
import { parseServiceScope } from './grant-scope';
import { AddSystemDto, GrantDto, ListSystemsQuery } from './operator-registry.dto';
import { EVERYWHERE, Permission } from './permissions';
import { RegistryException, RegistryProblem } from './registry.exception';
import { NewSystem, RegistryRepository } from './registry.repository';

export interface SystemView {
  id: string;
  name: string;
  kind: string;
  status: SystemStatus;
  agencyCode: string | null;
  xroad: { instance: string; memberClass: string; memberCode: string; subsystem: string };
  createdAt: string;
}

export interface KeyView {
  id: string;
  systemId: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface CertificateView {
  fingerprint: string;
  systemId: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  createdAt: string;
  revokedAt: string | null;
}

const systemView = (s: ClientSystem): SystemView => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  status: s.status,
  agencyCode: s.agencyCode,
  xroad: { instance: s.instance, memberClass: s.memberClass, memberCode: s.memberCode, subsystem: s.subsystem },
  createdAt: s.createdAt.toISOString(),
});

const keyView = (k: ApiKey): KeyView => ({ id: k.id, systemId: k.systemId, prefix: k.prefix, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null });

const certificateView = (c: ClientCertificate): CertificateView => ({
  fingerprint: c.fingerprint,
  systemId: c.systemId,
  subject: c.subject,
  issuer: c.issuer,
  serialNumber: c.serialNumber,
  notBefore: c.notBefore.toISOString(),
  notAfter: c.notAfter.toISOString(),
  createdAt: c.createdAt.toISOString(),
  revokedAt: c.revokedAt?.toISOString() ?? null,
});

/** A commercial member (bank, intermediary, telecom) is named by its 10- or 13-digit enterprise tax code. */
const TAX_CODE = /^\d{10}(\d{3})?$/;

/**
 * The operators' use cases on the registry. Each change runs in one transaction with its audit entry, so the
 * audit log holds exactly the changes that happened. Suspensions and revocations reach every gateway instance
 * through the database within CREDENTIAL_CACHE_MS.
 */
@Injectable()
export class OperatorRegistryService {
  constructor(private readonly dataSource: DataSource, private readonly registry: RegistryRepository, private readonly audit: AuditLog) {}

  async list(query: ListSystemsQuery): Promise<Page<SystemView>> {
    const [systems, total] = await this.registry.listSystems({ kind: query.kind, agencyCode: query.agency, status: query.status }, query.page, query.pageSize);
    return { items: systems.map(systemView), page: query.page, pageSize: query.pageSize, total };
  }

  async details(id: string): Promise<SystemView & { keys: KeyView[]; grants: Omit<Grant, 'systemId'>[]; certificates: CertificateView[] }> {
    const found = await this.registry.findSystemDetails(id);
    if (!found) throw new RegistryException(RegistryProblem.UnknownSystem, `no system ${id}`);
    return {
      ...systemView(found.system),
      keys: found.keys.map(keyView),
      grants: found.grants.map(({ permission, scope }) => ({ permission, scope })),
      certificates: found.certificates.map(certificateView),
    };
  }

  async add(actor: string, dto: AddSystemDto): Promise<SystemView> {
    const system = this.describe(dto);
    return this.change(actor, async (manager) => {
      if (system.agencyCode && !(await this.registry.agencyExists(manager, system.agencyCode))) {
        throw new RegistryException(RegistryProblem.UnknownAgency, `${dto.id} belongs to agency ${system.agencyCode}, which is not registered`);
      }
      let added: ClientSystem;
      try {
        added = await this.registry.insertSystem(manager, system);
      } catch (error) {
        if (isUniqueViolation(error)) throw new RegistryException(RegistryProblem.SystemExists, `${dto.id} is already registered`);
        throw error;
      }
      return [systemView(added), { action: 'system.added', subject: dto.id, details: { name: dto.name, kind: dto.kind, agencyCode: system.agencyCode } }];
    });
  }

  suspend(actor: string, id: string, reason: string | undefined): Promise<SystemView> {
    if (id === actor) throw new RegistryException(RegistryProblem.OwnSystem, `${id} is the system this call comes from`);
    return this.setStatus(actor, id, 'suspended', reason === undefined ? {} : { reason });
  }

  activate(actor: string, id: string): Promise<SystemView> {
    return this.setStatus(actor, id, 'active', {});
  }

  /** A new random key for the system, answered once: only its SHA-256 and prefix are stored. */
  async issueKey(actor: string, systemId: string): Promise<KeyView & { apiKey: string }> {
    const apiKey = `lt_${randomBytes(24).toString('base64url')}`;
    return this.change(actor, async (manager) => {
      await this.lockedSystem(manager, systemId);
      const key = await this.registry.insertKey(manager, { id: randomUUID(), systemId, keyHash: hashApiKey(apiKey), prefix: keyPrefix(apiKey) });
      return [{ ...keyView(key), apiKey }, { action: 'api-key.issued', subject: systemId, details: { keyId: key.id, prefix: key.prefix } }];
    });
  }

  async revokeKey(actor: string, systemId: string, keyId: string): Promise<KeyView> {
    return this.change(actor, async (manager) => {
      const key = await this.registry.findKeyForUpdate(manager, systemId, keyId);
      if (!key) throw new RegistryException(RegistryProblem.UnknownKey, `${systemId} has no key ${keyId}`);
      if (key.revokedAt) throw new RegistryException(RegistryProblem.KeyRevoked, `key ${keyId} was revoked at ${key.revokedAt.toISOString()}`);
      const revoked = await this.registry.revokeKey(manager, keyId);
      return [keyView(revoked), { action: 'api-key.revoked', subject: systemId, details: { keyId, prefix: key.prefix } }];
    });
  }

  /** A client certificate that stands for the system over mutual TLS. A certificate is registered once: never again after its revocation. */
  async registerCertificate(actor: string, systemId: string, pem: string): Promise<CertificateView> {
    const read = readClientCertificate(pem, new Date());
    return this.change(actor, async (manager) => {
      await this.lockedSystem(manager, systemId);
      const registered = await this.registry.insertCertificate(manager, { ...read, systemId });
      if (!registered) throw new RegistryException(RegistryProblem.CertificateExists, `certificate ${read.fingerprint} is registered already (a revoked one cannot come back)`);
      const details = { fingerprint: read.fingerprint, subject: read.subject, notAfter: read.notAfter.toISOString() };
      return [certificateView(registered), { action: 'client-certificate.registered', subject: systemId, details }];
    });
  }

  async revokeCertificate(actor: string, systemId: string, fingerprint: string): Promise<CertificateView> {
    return this.change(actor, async (manager) => {
      const certificate = await this.registry.findCertificateForUpdate(manager, systemId, fingerprint);
      if (!certificate) throw new RegistryException(RegistryProblem.UnknownCertificate, `${systemId} has no certificate ${fingerprint}`);
      if (certificate.revokedAt) throw new RegistryException(RegistryProblem.CertificateRevoked, `certificate ${fingerprint} was revoked at ${certificate.revokedAt.toISOString()}`);
      const revoked = await this.registry.revokeCertificate(manager, fingerprint);
      return [certificateView(revoked), { action: 'client-certificate.revoked', subject: systemId, details: { fingerprint, subject: certificate.subject } }];
    });
  }

  async addGrant(actor: string, systemId: string, dto: GrantDto): Promise<Omit<Grant, 'systemId'>> {
    const provider = this.checkScope(dto);
    return this.change(actor, async (manager) => {
      await this.lockedSystem(manager, systemId);
      // a grant of a provider's services names a registered provider: a typo would otherwise grant nothing, silently
      if (provider && !(await this.registry.systemExists(manager, provider))) {
        throw new RegistryException(RegistryProblem.UnknownProvider, `${provider} is not a registered system`);
      }
      const grant = { systemId, permission: dto.permission, scope: dto.scope };
      if (!(await this.registry.insertGrant(manager, grant))) {
        throw new RegistryException(RegistryProblem.GrantExists, `${systemId} already holds ${dto.permission} on ${dto.scope}`);
      }
      return [{ permission: dto.permission, scope: dto.scope }, { action: 'grant.added', subject: systemId, details: { permission: dto.permission, scope: dto.scope } }];
    });
  }

  async removeGrant(actor: string, systemId: string, dto: GrantDto): Promise<void> {
    await this.change(actor, async (manager) => {
      await this.lockedSystem(manager, systemId);
      if (!(await this.registry.deleteGrant(manager, { systemId, permission: dto.permission, scope: dto.scope }))) {
        throw new RegistryException(RegistryProblem.UnknownGrant, `${systemId} holds no ${dto.permission} on ${dto.scope}`);
      }
      return [undefined, { action: 'grant.removed', subject: systemId, details: { permission: dto.permission, scope: dto.scope } }];
    });
  }

  private setStatus(actor: string, id: string, status: SystemStatus, details: Record<string, unknown>): Promise<SystemView> {
    return this.change(actor, async (manager) => {
      const system = await this.lockedSystem(manager, id);
      if (system.status === status) throw new RegistryException(RegistryProblem.StatusUnchanged, `${id} is already ${status}`);
      await this.registry.setStatus(manager, id, status);
      return [systemView({ ...system, status }), { action: status === 'active' ? 'system.activated' : 'system.suspended', subject: id, details }];
    });
  }

  /** Runs one change and its audit entry in one transaction. */
  private change<T>(actor: string, work: (manager: EntityManager) => Promise<[T, Omit<AuditRecord, 'actor'>]>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const [result, record] = await work(manager);
      await this.audit.append(manager, { actor, ...record });
      return result;
    });
  }

  private async lockedSystem(manager: EntityManager, id: string): Promise<ClientSystem> {
    const system = await this.registry.findSystemForUpdate(manager, id);
    if (!system) throw new RegistryException(RegistryProblem.UnknownSystem, `no system ${id}`);
    return system;
  }

  /** The X-Road parts and agency of a new system: VN instance, a GOV unit of a known agency or a COM member by tax code. */
  private describe(dto: AddSystemDto): NewSystem {
    const parts = parseSystemId(dto.id);
    if (!parts || parts.instance !== 'VN') throw new RegistryException(RegistryProblem.InvalidSystemId, `${dto.id} is not in the VN instance`);
    const agencyCode = agencyOfSystem(parts);
    if (parts.memberClass === 'GOV' && !agencyCode) {
      throw new RegistryException(RegistryProblem.InvalidSystemId, `a GOV member code is an agency unit code such as 000.00.06.H56, not ${parts.memberCode}`);
    }
    if (parts.memberClass === 'COM' && !TAX_CODE.test(parts.memberCode)) {
      throw new RegistryException(RegistryProblem.InvalidSystemId, `a COM member code is a 10- or 13-digit tax code, not ${parts.memberCode}`);
    }
    if (parts.memberClass !== 'GOV' && parts.memberClass !== 'COM') {
      throw new RegistryException(RegistryProblem.InvalidSystemId, `member class must be GOV or COM, not ${parts.memberClass}`);
    }
    return { id: dto.id, name: dto.name, kind: dto.kind, agencyCode: agencyCode ?? null, ...parts };
  }

  /**
   * service:call is scoped to a provider's services, every other permission to a province; '*' fits both. Answers the
   * provider a service:call grant names.
   */
  private checkScope({ permission, scope }: GrantDto): string | undefined {
    if (scope === EVERYWHERE) return undefined;
    const service = parseServiceScope(scope);
    if (permission === Permission.CallService) {
      if (!service) throw new RegistryException(RegistryProblem.ScopeMismatch, `${permission} is scoped <provider system id>/<service code> or <provider system id>/*, not ${scope}`);
      return service.provider;
    }
    if (service) throw new RegistryException(RegistryProblem.ScopeMismatch, `${permission} is scoped to a province or '*', not to a service`);
    if (!isProvinceCode(scope)) throw new RegistryException(RegistryProblem.UnknownProvince, `${scope} is not one of the 34 province codes`);
    return undefined;
  }
}
