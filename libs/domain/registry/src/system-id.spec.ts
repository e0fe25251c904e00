import { demoApiKeyOf } from './demo-credentials';
import { NATIONAL_PORTAL_SYSTEM, oneStopSystemOf, parseSystemId } from './system-id';

describe('system identifiers', () => {
  it('names a province one-stop system the X-Road way', () => {
    expect(oneStopSystemOf('H56')).toBe('VN/GOV/000.00.00.H56/MOTCUA');
    expect(parseSystemId(oneStopSystemOf('H56'))).toEqual({ instance: 'VN', memberClass: 'GOV', memberCode: '000.00.00.H56', subsystem: 'MOTCUA' });
    expect(parseSystemId(NATIONAL_PORTAL_SYSTEM)?.subsystem).toBe('DVCQG');
    expect(parseSystemId('VN/GOV/../x')).toBeUndefined();
  });

  it('derives distinct demo keys per system and secret', () => {
    const a = demoApiKeyOf('s1', oneStopSystemOf('H56'));
    expect(a).toMatch(/^lt_[\w-]{32}$/);
    expect(demoApiKeyOf('s1', oneStopSystemOf('H26'))).not.toBe(a);
    expect(demoApiKeyOf('s2', oneStopSystemOf('H56'))).not.toBe(a);
  });
});
