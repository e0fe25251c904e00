import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feeTotal, toCanonicalProcedure } from './national-procedure';
import { NationalProcedureRecord, ProcedureRecordInvalidError } from './national-record';

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

  it.each(records.map((r) => [r.code, r] as const))('%s keeps every case, fee and paper of the record', (_, record) => {
    const procedure = toCanonicalProcedure(record);
    const raw = record as unknown as {
      cases: { code: string }[];
      executionMethods: { fees?: unknown[] }[];
      executionCases: { profileComponents: { name: string }[] }[];
      resultsDetails: unknown[];
      legalBasisesDetails: { code: string; name: string }[];
    };
    expect(procedure.cases.map((c) => c.code)).toEqual([...new Set(raw.cases.map((c) => c.code))]);
    expect(procedure.cases.every((c) => c.processingTime !== undefined)).toBe(true);
    expect(procedure.fees).toHaveLength(raw.executionMethods.reduce((n, m) => n + (m.fees ?? []).length, 0));
    expect(procedure.executionMethods).toHaveLength(raw.executionMethods.length);
    expect(procedure.componentSets!.map((set) => set.components.map((c) => c.name))).toEqual(raw.executionCases.map((set) => set.profileComponents.map((p) => p.name.trim())));
    expect(procedure.results).toHaveLength(raw.resultsDetails.length);
    expect(procedure.legalBases).toHaveLength(new Set(raw.legalBasisesDetails.map((l) => l.code || l.name)).size);
    expect(procedure.implementingAgencies!.length + procedure.competentAgencies!.length).toBeGreaterThan(0);
  });

  it('reads papers with their counts and forms, agencies, fields and legal bases of 1.000358', () => {
    const procedure = toCanonicalProcedure(records.find((r) => r.code === '1.000358')!);
    expect(procedure.componentSets![0].components[0]).toEqual({
      code: '000.00.00.G02-KQ0436',
      name: expect.stringMatching(/^Đơn đề nghị gia hạn Giấy phép thành lập Chi nhánh/),
      originals: 1,
      copies: 0,
      required: false,
      electronicForm: false,
      forms: [{ fileName: 'GIAHAN.docx', path: 'configuring/019e0d25-0d18-756a-9f3e-cd2814a9759b/GIAHAN.docx' }],
    });
    expect(procedure.fields).toEqual([{ code: 'G02-CT19', name: 'Thương mại quốc tế' }]);
    expect(procedure.implementingAgencies).toEqual([{ code: 'UBNDCT', name: 'Ủy ban nhân dân cấp tỉnh' }]);
    // the record repeats its legal bases: each is kept once
    expect(procedure.legalBases!.map((l) => l.code)).toEqual(['11/2016/TT-BCT', '07/2016/NĐ-CP', '38/2025/TT-BCT', 'nghị định 146/2025']);
    expect(procedure.cases[0]).toMatchObject({ code: '1.000358.01', processingTime: { quantity: 5, unit: 'WORKING_DAY' } });
  });

  it('keeps the processing time and description of each way of submitting (1.007916 has two per method)', () => {
    const methods = toCanonicalProcedure(records.find((r) => r.code === '1.007916')!).executionMethods!;
    expect(methods.map((m) => m.processingTime?.quantity)).toEqual([18, 18, 18, 27, 27, 27]);
    expect(methods[3].description).toMatch(/^27 ngày làm việc/);
  });

  it('names implementing agencies from the text when the record lists none', () => {
    const original = records.find((r) => r.code === '1.001714')!;
    const record = { ...original, departmentsExecuting: [], unitGroupsExecuting: [] };
    expect(original.executingAgencies).toBe('Cơ sở giáo dục, Sở Giáo dục và Đào tạo');
    expect(toCanonicalProcedure(record).implementingAgencies).toEqual([{ name: 'Cơ sở giáo dục' }, { name: 'Sở Giáo dục và Đào tạo' }]);
  });

  it('refuses a record without a national code', () => {
    expect(() => toCanonicalProcedure({ code: 'abc', name: 'x' })).toThrow(ProcedureRecordInvalidError);
  });

  it.each(['cases', 'executionMethods', 'executionCases', 'legalBasisesDetails'])('refuses a record whose %s is not a list of objects', (field) => {
    expect(() => toCanonicalProcedure({ code: '1.000358', name: 'x', [field]: 'oops' })).toThrow(`${field} must be a list of objects`);
    expect(() => toCanonicalProcedure({ code: '1.000358', name: 'x', [field]: [1] })).toThrow(ProcedureRecordInvalidError);
  });
});
