import { agencyCatalogue, AGENCY_KINDS } from './agencies';
import { CIVIL_REGISTRY_SYSTEM, participantCatalogue, SYSTEM_KINDS } from './participants';
import { agencyOfSystem, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf, OPERATOR_SYSTEM, parseSystemId } from './system-id';

// 34 province codes of the same shape as the real list (the real one lives in domain-dossier, out of reach here)
const PROVINCES = Object.fromEntries(Array.from({ length: 34 }, (_, i) => [`H${String(i + 1).padStart(2, '0')}`, `Tỉnh ${i + 1}`]));
const systems = participantCatalogue(PROVINCES);
const agencies = agencyCatalogue(PROVINCES);

describe('the demo participant catalogue', () => {
  it('holds at least 137 systems, each id unique and in X-Road form', () => {
    expect(systems.length).toBeGreaterThanOrEqual(137);
    expect(new Set(systems.map((s) => s.id)).size).toBe(systems.length);
    for (const system of systems) expect(parseSystemId(system.id)).toBeDefined();
  });

  it('maps every government system to a known agency through its member code, and no commercial one', () => {
    const known = new Set(agencies.map((a) => a.code));
    for (const system of systems) {
      const parts = parseSystemId(system.id)!;
      expect(system.agencyCode).toBe(agencyOfSystem(parts) ?? null);
      if (parts.memberClass === 'GOV') expect(known).toContain(system.agencyCode);
      else expect(['bank', 'intermediary', 'sms-gateway']).toContain(system.kind);
    }
  });

  it('has every kind, the counts the brief promises, and keeps the existing ids', () => {
    const count = (kind: string) => systems.filter((s) => s.kind === kind).length;
    for (const kind of SYSTEM_KINDS) expect(count(kind)).toBeGreaterThan(0);
    expect(count('one-stop')).toBe(34);
    expect(count('lgsp')).toBe(34);
    expect(count('bank')).toBe(10);
    expect(count('intermediary')).toBe(9);
    const ids = systems.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([NATIONAL_PORTAL_SYSTEM, OPERATOR_SYSTEM, CIVIL_REGISTRY_SYSTEM, oneStopSystemOf('H01'), oneStopSystemOf('H34')]));
  });

  it('lists agencies with unique codes and known kinds', () => {
    expect(new Set(agencies.map((a) => a.code)).size).toBe(agencies.length);
    for (const agency of agencies) expect(AGENCY_KINDS).toContain(agency.kind);
    expect(agencies.filter((a) => a.kind === 'province')).toHaveLength(34);
  });
});

describe('agencyOfSystem', () => {
  it('reads the level-1 agency of a government unit and nothing from a commercial member', () => {
    expect(agencyOfSystem(parseSystemId('VN/GOV/000.00.06.H56/SOTUPHAP')!)).toBe('H56');
    expect(agencyOfSystem(parseSystemId('VN/COM/0100112437/VCB')!)).toBeUndefined();
    expect(agencyOfSystem(parseSystemId('VN/GOV/H56/X')!)).toBeUndefined();
  });
});
