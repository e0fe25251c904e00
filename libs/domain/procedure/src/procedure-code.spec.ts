import { isNationalProcedureCode, normaliseProcedureCode } from './procedure-code';

describe('procedure codes', () => {
  it.each([
    ['1.000358', '1.000358'],
    ['1.000358.01', '1.000358'],
    ['1.003560.000.00.00.H56', '1.003560'],
    ['2.002621.H56', '2.002621'],
    [' 2.000488 ', '2.000488'],
  ])('%s resolves to the national code %s', (given, national) => {
    expect(normaliseProcedureCode(given)).toBe(national);
    expect(isNationalProcedureCode(national)).toBe(true);
  });

  it.each(['', '1.00035', '12.000358', '1.000358.1', '1.000358.H5', "1.000358' OR 1=1"])('%s is refused', (given) => {
    expect(normaliseProcedureCode(given)).toBeUndefined();
  });
});
