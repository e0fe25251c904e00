import { ImportRecordsPipe, MAX_IMPORT_BATCH } from './import-records.pipe';
import { ProcedureException, ProcedureProblem } from './procedure.exception';

const problemOf = (body: unknown): string | undefined => {
  try {
    new ImportRecordsPipe().transform(body);
    return undefined;
  } catch (error) {
    return error instanceof ProcedureException ? error.slug : String(error);
  }
};

describe('import body', () => {
  it('passes a list of records through untouched', () => {
    const records = [{ code: '1.000358', name: 'x', unknownField: { kept: true } }, 'not a record'];
    expect(new ImportRecordsPipe().transform(records)).toBe(records);
  });

  it.each([
    ['an object', { code: '1.000358' }, ProcedureProblem.NotARecordList],
    ['a string', 'records', ProcedureProblem.NotARecordList],
    ['nothing', undefined, ProcedureProblem.NotARecordList],
    ['too many records', Array.from({ length: MAX_IMPORT_BATCH + 1 }, () => ({})), ProcedureProblem.BatchTooLarge],
  ])('refuses %s', (_what, body, problem) => {
    expect(problemOf(body)).toBe(problem);
  });
});
