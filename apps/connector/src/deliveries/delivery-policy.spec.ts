import { afterFailure } from './delivery-policy';

const policy = { maxAttempts: 12, backoffBaseMs: 500, backoffCapMs: 60000 };

describe('delivery retry policy', () => {
  it('waits about the base after the first failure, then doubles (with jitter between half and all of it)', () => {
    for (let run = 0; run < 50; run++) {
      for (const [attempts, full] of [[1, 500], [2, 1000], [3, 2000], [5, 8000]]) {
        const next = afterFailure(attempts, policy);
        expect(next.kind).toBe('retry');
        const delay = next.kind === 'retry' ? next.delayMs : NaN;
        expect(delay).toBeGreaterThanOrEqual(full / 2);
        expect(delay).toBeLessThanOrEqual(full);
      }
    }
  });

  it('never waits longer than the cap', () => {
    for (let attempts = 8; attempts < 12; attempts++) {
      const next = afterFailure(attempts, policy);
      expect(next.kind === 'retry' && next.delayMs).toBeLessThanOrEqual(60000);
      expect(next.kind === 'retry' && next.delayMs).toBeGreaterThanOrEqual(30000);
    }
  });

  it('gives up when the attempts reach the maximum', () => {
    expect(afterFailure(11, policy).kind).toBe('retry');
    expect(afterFailure(12, policy)).toEqual({ kind: 'give-up' });
    expect(afterFailure(1, { ...policy, maxAttempts: 1 })).toEqual({ kind: 'give-up' });
  });
});
