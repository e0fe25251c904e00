import type { ProcedurePublishedV1 } from '@lienthong/contracts';
import { normaliseProcedureCode } from './procedure-code';

/** The part of a national procedure record (the portal's TTHC JSON format) the backbone reads. */
export interface NationalProcedureRecord {
  code: string;
  name: string;
  isWard?: boolean;
  isProvince?: boolean;
  isMinistry?: boolean;
  isOtherAgency?: boolean;
  isUndetermined?: boolean;
  isVertical?: boolean;
  executionMethods?: { submissionMethod: string; processingTime?: number; processingTimeUnit?: string; fees?: { type: string; value: number; description?: string }[] }[];
  cases?: { code: string; name?: string }[];
  departmentPromulgateCode?: string;
  [field: string]: unknown;
}

export type CanonicalProcedure = Omit<ProcedurePublishedV1, 'version' | 'publishedAt'>;

const LEVEL_FLAGS: [keyof NationalProcedureRecord, string][] = [
  ['isWard', 'WARD'],
  ['isProvince', 'PROVINCE'],
  ['isMinistry', 'MINISTRY'],
  ['isOtherAgency', 'OTHER_AGENCY'],
  ['isVertical', 'VERTICAL'],
  ['isUndetermined', 'UNDETERMINED'],
];

export class ProcedureRecordInvalidError extends Error {}

/** Maps a national record to the canonical procedure; duplicate case codes in the source are kept once. */
export function toCanonicalProcedure(record: NationalProcedureRecord): CanonicalProcedure {
  const code = typeof record.code === 'string' ? normaliseProcedureCode(record.code) : undefined;
  if (!code || typeof record.name !== 'string' || record.name.trim() === '') {
    throw new ProcedureRecordInvalidError(`not a national procedure record: code=${JSON.stringify(record.code)}`);
  }
  const methods = record.executionMethods ?? [];
  const cases = new Map<string, string>();
  for (const c of record.cases ?? []) if (!cases.has(c.code)) cases.set(c.code, c.name ?? '');
  const timed = methods.find((m) => m.submissionMethod === 'ONLINE' && m.processingTime !== undefined) ?? methods.find((m) => m.processingTime !== undefined);
  return {
    code,
    name: record.name.trim(),
    levels: LEVEL_FLAGS.filter(([flag]) => record[flag] === true).map(([, level]) => level),
    submissionMethods: [...new Set(methods.map((m) => m.submissionMethod))],
    cases: [...cases].map(([caseCode, name]) => ({ code: caseCode, name })),
    fees: methods.flatMap((m) =>
      (m.fees ?? []).map((f) => ({ kind: f.type, amount: Math.round(f.value), submissionMethod: m.submissionMethod, ...(f.description ? { description: f.description } : {}) })),
    ),
    processingTime: timed ? { quantity: timed.processingTime!, unit: timed.processingTimeUnit ?? 'WORKING_DAY' } : null,
    promulgatingAgency: record.departmentPromulgateCode || null,
  };
}

/** Total fee, in integer đồng, for a procedure submitted by a given method (ONLINE, POSTAL, DIRECT). */
export const feeTotal = (procedure: Pick<CanonicalProcedure, 'fees'>, submissionMethod: string): number =>
  procedure.fees.filter((f) => f.submissionMethod === submissionMethod).reduce((sum, f) => sum + f.amount, 0);
