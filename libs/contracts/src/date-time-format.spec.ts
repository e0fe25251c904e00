import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats';
import { dossierSubmittedV1 } from './events/dossier-submitted.v1';
import { isDateTime } from './date-time-format';
import { assertValidPayload, PayloadInvalidError } from './registry';

const full = (fullFormats['date-time'] as { validate: (value: string) => boolean }).validate;
/** Dates around every edge the check has: month ends, 29 February, year ends, leap seconds. */
const isoLike = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
    fc.constantFrom('.000Z', '.999Z', 'Z', '.5Z', '+07:00', '.123+07:00', '-00:30', '.000z', '.000'),
    fc.constantFrom('T', 't', ' '),
  )
  .map(([y, mo, d, h, mi, s, tail, sep]) => `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}${sep}${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${tail}`);

describe('the date-time format of event contracts', () => {
  it('agrees with ajv-formats’ full check on ISO-like strings at every edge', () => {
    fc.assert(fc.property(isoLike, (value) => isDateTime(value) === full(value)), { numRuns: 20_000 });
  });

  it('agrees with it on what toISOString writes, and on any string at all', () => {
    fc.assert(fc.property(fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('9999-12-31T23:59:59.999Z') }), (date) => isDateTime(date.toISOString())));
    fc.assert(fc.property(fc.string(), (value) => isDateTime(value) === full(value)));
  });

  it.each(['2024-02-29T10:00:00.000Z', '2026-12-31T23:59:59.999Z', '1998-12-31T23:59:60.000Z', '2026-12-04T09:00:00+07:00'])('accepts %s', (value) => {
    expect(isDateTime(value)).toBe(true);
  });

  it.each(['2026-02-29T10:00:00.000Z', '2026-04-31T10:00:00.000Z', '2026-13-01T10:00:00.000Z', '2026-12-04T24:00:00.000Z', '2026-12-04', '2026-12-04T10:00:00.000'])('refuses %s', (value) => {
    expect(isDateTime(value)).toBe(false);
  });

  it('is the check event contracts run', () => {
    expect(() => assertValidPayload(dossierSubmittedV1, { ...dossierSubmittedV1.example, submittedAt: '2026-02-30T10:00:00.000Z' })).toThrow(PayloadInvalidError);
    expect(() => assertValidPayload(dossierSubmittedV1, { ...dossierSubmittedV1.example, submittedAt: '2026-02-28T10:00:00.000Z' })).not.toThrow();
  });
});
