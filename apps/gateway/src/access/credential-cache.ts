import { Injectable } from '@nestjs/common';
import { GatewayEnv } from '../config';
import { Credential } from '../registry/registry.repository';

type Load = () => Promise<Credential | null>;

interface Entry {
  credential: Credential | null;
  /** From then on a call starts a reload in the background and is answered from the entry meanwhile. */
  refreshAt: number;
  /** From then on the entry is no answer: a call waits for the reload. */
  until: number;
}

/**
 * Registry lookups behind every credential (API key or access token), reused for CREDENTIAL_CACHE_MS (a few seconds):
 * a revoked key or a suspended system is refused within that time on every gateway instance, even with a live token.
 * One lookup per key at a time, whatever the number of calls that need it: when an entry expired under load, every
 * call until the lookup came back started its own (hundreds of queries a second at a few thousand calls a second, and
 * their calls waited for them). A key in use is looked up again from half of its time on, so its calls never wait.
 */
@Injectable()
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loads = new Map<string, Promise<Credential | null>>();

  constructor(private readonly config: GatewayEnv) {}

  async get(key: string, load: Load): Promise<Credential | null> {
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && now < cached.until) {
      // once per renewal, not once per call while it is in flight; a failed one leaves the entry until it expires
      if (now >= cached.refreshAt && !this.loads.has(key)) this.reload(key, load).catch(() => undefined);
      return cached.credential;
    }
    return this.reload(key, load);
  }

  private reload(key: string, load: Load): Promise<Credential | null> {
    const inFlight = this.loads.get(key);
    if (inFlight) return inFlight;
    const loading = load()
      .then((credential) => {
        const loadedAt = Date.now();
        this.entries.set(key, { credential, refreshAt: loadedAt + this.config.CREDENTIAL_CACHE_MS / 2, until: loadedAt + this.config.CREDENTIAL_CACHE_MS });
        this.evictExpired(loadedAt);
        return credential;
      })
      .finally(() => this.loads.delete(key));
    this.loads.set(key, loading);
    return loading;
  }

  private evictExpired(now: number): void {
    if (this.entries.size < 10_000) return;
    for (const [key, entry] of this.entries) if (entry.until < now) this.entries.delete(key);
  }
}
