const NATIONAL = /^\d\.\d{6}$/;
/** National code, optionally followed by a case (`.01`) or a local agency suffix (`.000.00.00.H56`, `.H56`). */
const ANY_FORM = /^(\d\.\d{6})(?:\.(\d{2})|\.\d{3}\.\d{2}\.\d{2}\.[HG]\d{2}|\.[HG]\d{2})?$/;

export const isNationalProcedureCode = (code: string): boolean => NATIONAL.test(code);

/**
 * The national procedure code behind any form one-stop systems send: `1.000358`, a case `1.000358.01`,
 * a local variant `1.003560.000.00.00.H56` or its short form `2.002621.H56`. Undefined when malformed.
 */
export function normaliseProcedureCode(code: string): string | undefined {
  return ANY_FORM.exec(code.trim())?.[1];
}
