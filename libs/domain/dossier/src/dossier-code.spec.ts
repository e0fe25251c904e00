import { formatDossierCode, isAgencyCode, ownerOfAgency, parseDossierCode, vietnamDay } from './dossier-code';

describe('agency codes', () => {
  it.each([
    ['000.00.06.H56', 'H56'],
    ['000.00.01.H22', 'H22'],
    ['H21.17', 'H21'],
    ['H21.217', 'H21'],
    ['G02', 'G02'],
  ])('%s belongs to %s', (code, owner) => {
    expect(isAgencyCode(code)).toBe(true);
    expect(ownerOfAgency(code)).toBe(owner);
  });

  it.each(['', 'H5', '000.00.06', '000.00.06.X56', 'H56.1', "H56'; DROP TABLE"])('%s is not an agency code', (code) => {
    expect(isAgencyCode(code)).toBe(false);
    expect(ownerOfAgency(code)).toBeUndefined();
  });
});

describe('dossier code (Circular 01/2018 art. 19)', () => {
  it('formats agency, day and a zero-padded daily sequence', () => {
    expect(formatDossierCode({ agencyCode: '000.00.06.H56', day: '231027', sequence: 361 })).toBe('000.00.06.H56-231027-0361');
  });

  it('parses what it formats', () => {
    expect(parseDossierCode('000.00.06.H56-231027-0361')).toEqual({ agencyCode: '000.00.06.H56', day: '231027', sequence: 361 });
    expect(parseDossierCode('H21.217-261123-0001')?.agencyCode).toBe('H21.217');
    expect(parseDossierCode('nonsense')).toBeUndefined();
  });

  it('refuses a sequence past 9999 and a bad agency', () => {
    expect(() => formatDossierCode({ agencyCode: '000.00.06.H56', day: '231027', sequence: 10000 })).toThrow(RangeError);
    expect(() => formatDossierCode({ agencyCode: 'X', day: '231027', sequence: 1 })).toThrow(RangeError);
  });

  it('takes the day in Asia/Ho_Chi_Minh, so it turns at Vietnamese midnight (17:00 UTC)', () => {
    expect(vietnamDay(new Date('2026-11-23T16:59:59Z'))).toBe('261123');
    expect(vietnamDay(new Date('2026-11-23T17:00:00Z'))).toBe('261124');
    expect(vietnamDay(new Date('2026-12-31T17:00:00Z'))).toBe('270101');
  });
});
