import { formatLegacyDate, parseLegacyDate } from './legacy-date';

describe('legacy one-stop dates (yyyyMMddHHmmss, Asia/Ho_Chi_Minh)', () => {
  it('writes Vietnamese wall time, seven hours ahead of UTC', () => {
    expect(formatLegacyDate(new Date('2026-11-23T07:00:00.000Z'))).toBe('20261123140000');
    expect(formatLegacyDate(new Date('2026-11-23T16:59:59.999Z'))).toBe('20261123235959');
  });

  it('turns the day (and year) at Vietnamese midnight', () => {
    expect(formatLegacyDate(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
  });

  it('writes midnight as 00, never 24', () => {
    expect(formatLegacyDate(new Date('2026-03-04T17:00:05Z'))).toBe('20260305000005');
  });

  it('parses what it writes back to the same instant (to the second)', () => {
    expect(parseLegacyDate('20261123140000')?.toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(parseLegacyDate('20270101000000')?.toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it.each(['', '2026112314000', '202611231400000', '2026-11-23 14:00', '20260230120000', '20261123250000', '20261323000000'])(
    'refuses %p',
    (text) => expect(parseLegacyDate(text)).toBeUndefined(),
  );

  it('refuses an invalid Date', () => {
    expect(() => formatLegacyDate(new Date('nonsense'))).toThrow(RangeError);
  });
});
