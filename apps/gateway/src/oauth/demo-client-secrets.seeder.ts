import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { demoApiKeyOf, demoSecretFor } from '@lienthong/domain-registry';
import { hashApiKey } from '../access/api-key-hash';
import { GatewayEnv } from '../config';
import { hashClientSecret } from './client-secret-hash';
import { ClientSecretRepository } from './client-secret.repository';

export const demoClientSecretOf = (seedSecret: string, systemId: string): string => demoSecretFor(seedSecret, `client-secret:${systemId}`);

/** The same id on every instance, so instances booting together seed each secret once. */
const demoSecretIdOf = (systemId: string): string =>
  createHash('sha256').update(`client-secret:${systemId}`).digest('hex').slice(0, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Gives every seeded demo system (recognised by its derived demo API key) a client secret derived the same way, unless
 * it already has one. It runs after the demo systems are seeded: this module's bootstrap hooks follow those of the
 * global registry module.
 */
@Injectable()
export class DemoClientSecretsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoClientSecretsSeeder');

  constructor(private readonly config: GatewayEnv, private readonly secrets: ClientSecretRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.GATEWAY_SEED_DEMO_CLIENTS) return;
    const seed = this.config.DEMO_SEED_SECRET;
    const demoSystems = (await this.secrets.systemsWithoutSecret()).filter(({ systemId, keyHash }) => hashApiKey(demoApiKeyOf(seed, systemId)) === keyHash);
    if (demoSystems.length === 0) return;
    const rows = await Promise.all(
      demoSystems.map(async ({ systemId }) => ({ id: demoSecretIdOf(systemId), systemId, secret: await hashClientSecret(demoClientSecretOf(seed, systemId)) })),
    );
    await this.secrets.insertMany(rows);
    this.logger.log(`demo client secrets seeded for ${rows.length} systems`);
  }
}
