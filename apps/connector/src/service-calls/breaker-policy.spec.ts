import CircuitBreaker from 'opossum';
import { breakerOptionsOf, BreakerPolicy, retryAfterSeconds } from './breaker-policy';

const policy: BreakerPolicy = { errorPercent: 50, minCalls: 3, windowMs: 10000, resetMs: 200 };
const failing = () => Promise.reject(new Error('down'));

describe('circuit breaker policy', () => {
  it('maps the policy onto opossum, without its timeout', () => {
    expect(breakerOptionsOf('VN/GOV/000.00.00.H56/MOTCUA', policy)).toEqual({
      name: 'VN/GOV/000.00.00.H56/MOTCUA',
      timeout: false,
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      rollingCountTimeout: 10000,
      resetTimeout: 200,
      enableSnapshots: false,
    });
  });

  it('opens only once the minimum of calls failed, then refuses without calling', async () => {
    const action = jest.fn(failing);
    const breaker = new CircuitBreaker(action, breakerOptionsOf('S', policy));
    try {
      for (let i = 0; i < 2; i++) await expect(breaker.fire()).rejects.toThrow('down');
      expect(breaker.opened).toBe(false);
      await expect(breaker.fire()).rejects.toThrow('down');
      expect(breaker.opened).toBe(true);
      await expect(breaker.fire()).rejects.toMatchObject({ code: 'EOPENBREAKER' });
      expect(action).toHaveBeenCalledTimes(3);
    } finally {
      breaker.shutdown();
    }
  });

  it('counts the seconds left of the reset timeout, rounded up, and never less than 1', () => {
    expect(retryAfterSeconds(1000, 30000, 1000)).toBe(30);
    expect(retryAfterSeconds(1000, 30000, 2500)).toBe(29);
    expect(retryAfterSeconds(1000, 30000, 30999)).toBe(1);
    expect(retryAfterSeconds(1000, 30000, 40000)).toBe(1);
    expect(retryAfterSeconds(1000, 200, 1000)).toBe(1);
  });
});
