import { backoffMs } from '@lienthong/platform-database';

export interface RetryPolicy {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
}

export type AfterFailure = { kind: 'retry'; delayMs: number } | { kind: 'give-up' };

/** What follows a failed attempt (`attempts` counts it): another try after a jittered, capped backoff, or the dead letter. */
export const afterFailure = (attempts: number, policy: RetryPolicy): AfterFailure =>
  attempts >= policy.maxAttempts ? { kind: 'give-up' } : { kind: 'retry', delayMs: backoffMs(attempts, policy.backoffBaseMs, policy.backoffCapMs) };
