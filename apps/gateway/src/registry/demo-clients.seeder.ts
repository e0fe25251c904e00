import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PROVINCES } from '@lienthong/domain-dossier';
import { demoApiKeyOf, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf, OPERATOR_SYSTEM } from '@lienthong/domain-registry';
import { hashApiKey, keyPrefix } from '../access/api-key-hash';
import { GatewayEnv } from '../config';
import { EVERYWHERE, Permission } from './permissions';
import { RegistryRepository } from './registry.repository';

/**
 * Seeds the demo participants: the national portal (submits and reads dossiers everywhere), the operators, and the 34
 * provincial one-stop systems (read and update the dossiers of their own province only). Idempotent.
 */
@Injectable()
export class DemoClientsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoClientsSeeder');

  constructor(private readonly config: GatewayEnv, private readonly dataSource: DataSource, private readonly registry: RegistryRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.GATEWAY_SEED_DEMO_CLIENTS) return;
    await this.dataSource.transaction(async (manager) => {
      await this.seed(manager, NATIONAL_PORTAL_SYSTEM, 'Cổng Dịch vụ công quốc gia', [
        { permission: Permission.SubmitDossier, scope: EVERYWHERE },
        { permission: Permission.ReadDossier, scope: EVERYWHERE },
        { permission: Permission.ReadProcedure, scope: EVERYWHERE },
      ]);
      await this.seed(manager, OPERATOR_SYSTEM, 'Vận hành trục Lienthong', [
        { permission: Permission.ManageRegistry, scope: EVERYWHERE },
        { permission: Permission.ReadExchanges, scope: EVERYWHERE },
      ]);
      for (const [code, name] of Object.entries(PROVINCES)) {
        await this.seed(manager, oneStopSystemOf(code), `Phần mềm một cửa – ${name}`, [
          { permission: Permission.ReadDossier, scope: code },
          { permission: Permission.UpdateDossierStatus, scope: code },
          { permission: Permission.ReadProcedure, scope: EVERYWHERE },
        ]);
      }
    });
    this.logger.log(`demo clients seeded: the national portal and ${Object.keys(PROVINCES).length} provincial one-stop systems`);
  }

  private seed(manager: Parameters<RegistryRepository['upsertSystem']>[0], id: string, name: string, grants: { permission: Permission; scope: string }[]) {
    const key = demoApiKeyOf(this.config.DEMO_SEED_SECRET, id);
    return this.registry.upsertSystem(manager, { id, name }, hashApiKey(key), keyPrefix(key), randomUUID(), grants);
  }
}
