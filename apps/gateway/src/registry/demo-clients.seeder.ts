import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PROVINCES } from '@lienthong/domain-dossier';
import { PROVIDER_KINDS } from '@lienthong/domain-payment';
import {
  agencyCatalogue,
  CIVIL_REGISTRY_SYSTEM,
  demoApiKeyOf,
  DOSSIER_LOOKUP_SERVICE,
  NATIONAL_PORTAL_SYSTEM,
  oneStopSystemOf,
  OPERATOR_SYSTEM,
  Participant,
  participantCatalogue,
  parseSystemId,
} from '@lienthong/domain-registry';
import { hashApiKey, keyPrefix } from '../access/api-key-hash';
import { AuditLog } from '../audit/audit-log.service';
import { GatewayEnv } from '../config';
import { serviceScope } from './grant-scope';
import { EVERYWHERE, Permission } from './permissions';
import { RegistryRepository } from './registry.repository';

/** The provinces' dossier lookup (TraCuuHoSo of each one-stop system), one grant per province. */
const dossierLookups = (): { permission: Permission; scope: string }[] =>
  Object.keys(PROVINCES).map((province) => ({ permission: Permission.CallService, scope: serviceScope({ provider: oneStopSystemOf(province), service: DOSSIER_LOOKUP_SERVICE }) }));

/** Who reports on payments: the payment platform, the banks and the intermediaries. */
const PAYMENT_PROVIDER_KINDS: ReadonlySet<string> = new Set(PROVIDER_KINDS);

/** The subsystem of a ministry's administrative-procedure system (hệ thống giải quyết TTHC). */
const MINISTRY_PROCEDURE_SUBSYSTEM = 'DVC';

/** The ministries' procedure-handling systems and the civil-registry database follow dossiers the provinces handle. */
const looksUpProvincialDossiers = (system: Participant): boolean =>
  system.kind === 'ministry' && (parseSystemId(system.id)?.subsystem === MINISTRY_PROCEDURE_SUBSYSTEM || system.id === CIVIL_REGISTRY_SYSTEM);

/**
 * Least privilege for the demo participants. The portal submits and reads dossiers, pays their fees and records
 * applicants' opt-outs everywhere, and
 * looks them up in the provinces' one-stop systems; the operators manage the registry, reconcile and refund payments, follow notifications and write their templates; a one-stop system submits
 * (syncs), reads and updates its own province's dossiers and reads their fees, and tracks any (a citizen asks at any
 * counter); the payment platform, banks and intermediaries report on payments, the SMS gateway on deliveries; an LGSP relays the procedure catalogue
 * to its province's systems and tracks dossiers; the ministries' procedure-handling systems and the civil-registry
 * database look dossiers up in the provinces' one-stop systems.
 * Everybody else holds nothing until an operator grants it.
 */
function demoGrantsOf(system: Participant): { permission: Permission; scope: string }[] {
  if (system.id === NATIONAL_PORTAL_SYSTEM) {
    return [
      ...[Permission.SubmitDossier, Permission.ReadDossier, Permission.TrackDossier, Permission.ReadProcedure, Permission.ReadPayment, Permission.PayFee, Permission.ManageOptOuts].map((permission) => ({
        permission,
        scope: EVERYWHERE,
      })),
      ...dossierLookups(),
    ];
  }
  if (looksUpProvincialDossiers(system)) return dossierLookups();
  if (system.id === OPERATOR_SYSTEM) return [Permission.ManageRegistry, Permission.ReadExchanges, Permission.ReconcilePayments, Permission.RefundPayments, Permission.ReadNotifications, Permission.ManageTemplates].map((permission) => ({ permission, scope: EVERYWHERE }));
  if (system.kind === 'one-stop') {
    const province = system.agencyCode!;
    return [
      { permission: Permission.SubmitDossier, scope: province },
      { permission: Permission.ReadDossier, scope: province },
      { permission: Permission.UpdateDossierStatus, scope: province },
      { permission: Permission.ReadPayment, scope: province },
      { permission: Permission.TrackDossier, scope: EVERYWHERE },
      { permission: Permission.ReadProcedure, scope: EVERYWHERE },
    ];
  }
  if (system.kind === 'sms-gateway') return [{ permission: Permission.ReportDelivery, scope: EVERYWHERE }];
  if (PAYMENT_PROVIDER_KINDS.has(system.kind)) return [{ permission: Permission.ReportPayment, scope: EVERYWHERE }];
  if (system.kind === 'lgsp') return [Permission.TrackDossier, Permission.ReadProcedure].map((permission) => ({ permission, scope: EVERYWHERE }));
  return [];
}

/**
 * Seeds the agencies and the demo participants (participantCatalogue: at least 137 systems) with API keys derived
 * from DEMO_SEED_SECRET. Idempotent: a re-run adds only what is missing and never re-activates a system an
 * operator suspended; new systems are recorded in the audit log in the same transaction.
 */
@Injectable()
export class DemoClientsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoClientsSeeder');

  constructor(private readonly config: GatewayEnv, private readonly dataSource: DataSource, private readonly registry: RegistryRepository, private readonly audit: AuditLog) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.GATEWAY_SEED_DEMO_CLIENTS) return;
    const participants = participantCatalogue(PROVINCES);
    const added = await this.dataSource.transaction(async (manager) => {
      await this.registry.upsertAgencies(manager, agencyCatalogue(PROVINCES));
      const systems = participants.map((p) => ({ id: p.id, name: p.name, kind: p.kind, agencyCode: p.agencyCode, ...parseSystemId(p.id)! }));
      const keys = participants.map((p) => {
        const key = demoApiKeyOf(this.config.DEMO_SEED_SECRET, p.id);
        return { id: randomUUID(), systemId: p.id, keyHash: hashApiKey(key), prefix: keyPrefix(key) };
      });
      const grants = participants.flatMap((p) => demoGrantsOf(p).map((g) => ({ systemId: p.id, ...g })));
      const inserted = await this.registry.upsertSystems(manager, systems, keys, grants);
      if (inserted.length > 0) {
        await this.audit.append(manager, { actor: 'gateway', action: 'registry.demo-seeded', subject: 'registry', details: { systemsAdded: inserted.length } });
      }
      return inserted.length;
    });
    this.logger.log(`demo participants seeded: ${participants.length} systems, ${added} new`);
  }
}
