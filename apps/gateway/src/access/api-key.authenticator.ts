import { Injectable } from '@nestjs/common';
import { GatewayEnv } from '../config';
import { Credential, RegistryRepository } from '../registry/registry.repository';
import { AccessException, AccessProblem } from './access.exception';
import { hashApiKey } from './api-key-hash';

/**
 * Finds the system behind an API key. Lookups are reused for CREDENTIAL_CACHE_MS (a few seconds), so that
 * a revoked key or a suspended system is refused within that time on every gateway instance.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, { credential: Credential | null; until: number }>();

  constructor(private readonly registry: RegistryRepository, private readonly config: GatewayEnv) {}

  async authenticate(apiKey: string | undefined): Promise<Credential> {
    if (!apiKey) throw new AccessException(AccessProblem.MissingCredentials, 'send the API key in the x-api-key header');
    const hash = hashApiKey(apiKey);
    const now = Date.now();
    let cached = this.cache.get(hash);
    if (!cached || cached.until < now) {
      cached = { credential: await this.registry.findCredential(hash), until: now + this.config.CREDENTIAL_CACHE_MS };
      this.cache.set(hash, cached);
      this.evictExpired(now);
    }
    if (!cached.credential) throw new AccessException(AccessProblem.InvalidCredentials, 'the API key is unknown, revoked, or its system is suspended');
    return cached.credential;
  }

  private evictExpired(now: number): void {
    if (this.cache.size < 10_000) return;
    for (const [hash, entry] of this.cache) if (entry.until < now) this.cache.delete(hash);
  }
}
