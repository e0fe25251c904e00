import fc from 'fast-check';
import { isoTimeOf } from './iso-time';

describe('isoTimeOf', () => {
  it('writes what toISOString writes, whatever the order of the instants', () => {
    const instant = fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });
    const nearby = fc.tuple(instant, fc.array(fc.integer({ min: -1500, max: 1500 }), { maxLength: 20 })).map(([base, steps]) => [base, ...steps.map((step) => Math.max(0, base + step))]);
    fc.assert(fc.property(nearby, (instants) => instants.every((ms) => isoTimeOf(ms) === new Date(ms).toISOString())), { numRuns: 5000 });
  });

  it.each([0, 1, 10, 99, 100, 999, 1000, Date.UTC(2026, 11, 31, 23, 59, 59, 999), Date.UTC(2027, 0, 1)])('writes %d as toISOString does', (ms) => {
    expect(isoTimeOf(ms)).toBe(new Date(ms).toISOString());
  });
});
