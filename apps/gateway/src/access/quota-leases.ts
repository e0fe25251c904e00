import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** What one call learns of a quota. */
export interface QuotaTake {
  admitted: boolean;
  /** As far as this instance knows: the points below the limit at its last lease, plus what its lease still holds. */
  remaining: number;
  msBeforeReset: number;
}

/**
 * Points taken from the store in one go. A lease's unused points are lost when its window ends, and the other
 * instances cannot have them meanwhile: a system spread over K instances may be refused up to K × (lease − 1)
 * calls short of its limit, K/20 of it with a twentieth. Smaller leases waste less but ask the store more often; a
 * twentieth has one store call serve 20 calls under load. Under a limit of 20 the lease is one point: every call
 * asks the store, and the limit is met exactly.
 */
export const leaseSizeFor = (limit: number): number => Math.min(1000, Math.max(1, Math.floor(limit / 20)));

interface Lease {
  points: number;
  belowLimit: number;
  expiresAt: number;
}

/**
 * A quota counted in a shared rate-limiter-flexible store, taken by this instance in leases of several points so
 * that most calls are answered from memory. The store adds every lease to the window's total at once, so the sum
 * granted over all instances never exceeds the limit.
 */
export class QuotaLeases {
  private readonly leaseSize: number;
  private readonly leases = new Map<string, Lease>();
  private readonly renewals = new Map<string, Promise<void>>();

  constructor(private readonly limiter: RateLimiterAbstract) {
    this.leaseSize = leaseSizeFor(limiter.points);
  }

  /** Synchronous while the key's lease holds points, or while its window is known to be used up. */
  take(key: string): QuotaTake | Promise<QuotaTake> {
    const now = Date.now();
    const lease = this.leases.get(key);
    if (lease && now < lease.expiresAt) {
      if (lease.points > 0) {
        lease.points--;
        return { admitted: true, remaining: lease.belowLimit + lease.points, msBeforeReset: lease.expiresAt - now };
      }
      // nothing is left in the window for any instance: asking the store again would only add to its count
      if (lease.belowLimit === 0) return { admitted: false, remaining: 0, msBeforeReset: lease.expiresAt - now };
    }
    return this.renew(key).then(() => this.take(key));
  }

  /** One store request per key at a time: calls arriving meanwhile wait for it, then take from the new lease. */
  private renew(key: string): Promise<void> {
    let renewal = this.renewals.get(key);
    if (!renewal) {
      renewal = this.lease(key).finally(() => this.renewals.delete(key));
      this.renewals.set(key, renewal);
    }
    return renewal;
  }

  private async lease(key: string): Promise<void> {
    // the window may have started when the request reached the store: counting from the answer would outlive it
    const sentAt = Date.now();
    const { consumedPoints, msBeforeNext } = await this.limiter.consume(key, this.leaseSize).catch((rejection: unknown) => {
      // the store answers the new total when it refuses too: part of this lease may still be below the limit
      if (rejection instanceof RateLimiterRes) return rejection;
      throw rejection;
    });
    const limit = this.limiter.points;
    const granted = Math.min(this.leaseSize, Math.max(0, limit - (consumedPoints - this.leaseSize)));
    this.leases.set(key, { points: granted, belowLimit: Math.max(0, limit - consumedPoints), expiresAt: sentAt + msBeforeNext });
  }
}
