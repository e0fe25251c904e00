import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feeTotal, NationalProcedureRecord, ProcedureRecordInvalidError, toCanonicalProcedure } from './national-procedure';

const SEED_DIR = join(__dirname, '..', '..', '..', '..', 'apps', 'catalogue', 'seed', 'tthc');
const records = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(SEED_DIR, f), 'utf8')) as NationalProcedureRecord);

describe('national procedure records', () => {
  it('maps every seed record', () => {
    expect(records.length).toBeGreaterThanOrEqual(15);
    for (const record of records) {
      const procedure = toCanonicalProcedure(record);
      expect(procedure.code).toBe(record.code);
      expect(procedure.cases.length).toBeGreaterThan(0);
      expect(new Set(procedure.cases.map((c) => c.code)).size).toBe(procedure.cases.length);
      expect(procedure.submissionMethods.length).toBeGreaterThan(0);
    }
  });

  it('reads levels, processing time, promulgating agency and fees of 1.013377', () => {
    const procedure = toCanonicalProcedure(records.find((r) => r.code === '1.013377')!);
    expect(procedure.levels).toEqual(['PROVINCE']);
    expect(procedure.promulgatingAgency).toBeTruthy();
    expect(procedure.processingTime?.unit).toBe('WORKING_DAY');
    expect(feeTotal(procedure, 'ONLINE')).toBe(500000);
  });

  it('refuses a record without a national code', () => {
    expect(() => toCanonicalProcedure({ code: 'abc', name: 'x' })).toThrow(ProcedureRecordInvalidError);
  });
});
