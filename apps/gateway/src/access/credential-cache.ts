import { Injectable } from '@nestjs/common';
import { GatewayEnv } from '../config';
import { Credential } from '../registry/registry.repository';

/**
 * Registry lookups behind every credential (API key or access token), reused for CREDENTIAL_CACHE_MS (a few seconds):
 * a revoked key or a suspended system is refused within that time on every gateway instance, even with a live token.
 */
@Injectable()
export class CredentialCache {
  private readonly entries = new Map<string, { credential: Credential | null; until: number }>();

  constructor(private readonly config: GatewayEnv) {}

  async get(key: string, load: () => Promise<Credential | null>): Promise<Credential | null> {
    const now = Date.now();
    let cached = this.entries.get(key);
    if (!cached || cached.until < now) {
      cached = { credential: await load(), until: now + this.config.CREDENTIAL_CACHE_MS };
      this.entries.set(key, cached);
      this.evictExpired(now);
    }
    return cached.credential;
  }

  private evictExpired(now: number): void {
    if (this.entries.size < 10_000) return;
    for (const [key, entry] of this.entries) if (entry.until < now) this.entries.delete(key);
  }
}
