import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { demoApiKeyOf, demoClientSecretOf } from '@lienthong/domain-registry';
import { hashApiKey } from '../access/api-key-hash';
import { GatewayEnv } from '../config';
import { hashClientSecret } from './client-secret-hash';
import { ClientSecretRepository } from './client-secret.repository';

/**
 * The same id on every instance for one system and seed secret, so instances booting together seed each secret
 * once, and a database shared by several seed secrets (tests) holds one demo secret per seed, as it holds one key.
 */
const demoSecretIdOf = (seedSecret: string, systemId: string): string =>
  createHash('sha256').update(`client-secret:${seedSecret}:${systemId}`).digest('hex').slice(0, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Gives every seeded demo system (recognised by its derived demo API key) a client secret derived the same way, unless
 * it already has that one (scrypt is slow on purpose: only missing secrets are hashed). It runs after the demo systems
 * are seeded: this module's bootstrap hooks follow those of the global access module, which holds the demo seeder.
 */
@Injectable()
export class DemoClientSecretsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoClientSecretsSeeder');

  constructor(private readonly config: GatewayEnv, private readonly secrets: ClientSecretRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.GATEWAY_SEED_DEMO_CLIENTS) return;
    const seed = this.config.DEMO_SEED_SECRET;
    const missing = (await this.secrets.systemKeys()).filter(
      ({ systemId, keyHash, secretIds }) => hashApiKey(demoApiKeyOf(seed, systemId)) === keyHash && !secretIds.includes(demoSecretIdOf(seed, systemId)),
    );
    if (missing.length === 0) return;
    const rows = await Promise.all(
      missing.map(async ({ systemId }) => ({ id: demoSecretIdOf(seed, systemId), systemId, secret: await hashClientSecret(demoClientSecretOf(seed, systemId)) })),
    );
    await this.secrets.insertMany(rows);
    this.logger.log(`demo client secrets seeded for ${rows.length} systems`);
  }
}
