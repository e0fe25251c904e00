import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { PROVINCES } from '@lienthong/domain-dossier';
import { oneStopSystemOf } from '@lienthong/domain-registry';
import { ConnectorEnv } from '../config';
import { DEMO_CREDENTIALS_REF } from './system-credentials';
import { SystemRepository } from './system.repository';

/** Registers the 34 simulated provincial one-stop systems (legacy-sim) so a local backbone delivers out of the box. */
@Injectable()
export class DemoSystemsSeeder implements OnModuleInit {
  private readonly logger = new Logger('DemoSystemsSeeder');

  constructor(private readonly config: ConnectorEnv, private readonly systems: SystemRepository) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.CONNECTOR_SEED_DEMO_SYSTEMS) return;
    const base = this.config.ONE_STOP_BASE_URL.replace(/\/+$/, '');
    const provinces = Object.keys(PROVINCES);
    await this.systems.upsert(
      provinces.map((p) => ({
        code: oneStopSystemOf(p),
        name: `Hệ thống một cửa điện tử — ${PROVINCES[p]}`,
        agencyCode: `000.00.00.${p}`,
        provinceCode: p,
        protocol: 'DVCQG_SESSION',
        endpoint: `${base}/${p}`,
        username: 'lienthong',
        credentialsRef: DEMO_CREDENTIALS_REF,
      })),
    );
    this.logger.log(`${provinces.length} demo one-stop systems registered at ${base}`);
  }
}
