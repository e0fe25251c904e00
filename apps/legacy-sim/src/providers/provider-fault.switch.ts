/**
 * How a simulated provider misbehaves, switched per provider for tests and demos:
 * - late: its callback goes 3 s after the applicant paid;
 * - duplicate: its callback goes twice;
 * - reorder: a stale "not paid" callback follows the paid one, as if sent earlier and delivered later;
 * - forged: its callback is signed with a key that is not its own, as a forger would;
 * - no-callback: it never sends its callback (the portal has to QUERY);
 * - timeout: it answers the request to pay only after 8 s;
 * - refuse: it refuses every request to pay.
 */
export const PROVIDER_FAULTS = ['none', 'late', 'duplicate', 'reorder', 'forged', 'no-callback', 'timeout', 'refuse'] as const;
export type ProviderFault = (typeof PROVIDER_FAULTS)[number];

export const LATE_CALLBACK_MS = 3000;
export const SLOW_INIT_MS = 8000;

export class ProviderFaultSwitch {
  private readonly faults = new Map<string, ProviderFault>();

  set(provider: string, fault: ProviderFault): void {
    if (fault === 'none') this.faults.delete(provider);
    else this.faults.set(provider, fault);
  }

  of(provider: string): ProviderFault {
    return this.faults.get(provider) ?? 'none';
  }
}
