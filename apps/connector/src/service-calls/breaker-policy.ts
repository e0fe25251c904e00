import type CircuitBreaker from 'opossum';

export interface BreakerPolicy {
  errorPercent: number;
  minCalls: number;
  windowMs: number;
  resetMs: number;
}

/**
 * The opossum options of one system's breaker. Its own timeout stays off: each call carries a deadline that aborts the
 * requests it made (opossum's would only stop waiting for them), and a call past its deadline fails like any other.
 */
export const breakerOptionsOf = (systemCode: string, policy: BreakerPolicy): CircuitBreaker.Options => ({
  name: systemCode,
  timeout: false,
  errorThresholdPercentage: policy.errorPercent,
  volumeThreshold: policy.minCalls,
  rollingCountTimeout: policy.windowMs,
  resetTimeout: policy.resetMs,
  enableSnapshots: false,
});

/** Whole seconds until an open breaker lets a trial call through; at least 1, so that a client never retries at once. */
export const retryAfterSeconds = (openedAt: number, resetMs: number, now: number): number => Math.max(1, Math.ceil((openedAt + resetMs - now) / 1000));
