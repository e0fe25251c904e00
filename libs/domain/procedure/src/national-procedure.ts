import type { ProcedureDurationV1, ProcedureExecutionMethodV1, ProcedurePublishedV1 } from '@lienthong/contracts';
import { normaliseProcedureCode } from './procedure-code';
import { componentsAt } from './procedure-components';
import { isItem, itemsAt, NationalProcedureRecord, ProcedureRecordInvalidError, RecordItem, referencesAt, referencesIn, textOf } from './national-record';

export type CanonicalProcedure = Omit<ProcedurePublishedV1, 'version' | 'publishedAt'>;

const LEVEL_FLAGS: [keyof NationalProcedureRecord, string][] = [
  ['isWard', 'WARD'],
  ['isProvince', 'PROVINCE'],
  ['isMinistry', 'MINISTRY'],
  ['isOtherAgency', 'OTHER_AGENCY'],
  ['isVertical', 'VERTICAL'],
  ['isUndetermined', 'UNDETERMINED'],
];

const durationOf = (quantity: unknown, unit: unknown): ProcedureDurationV1 | null =>
  quantity === undefined || quantity === null ? null : { quantity: quantity as number, unit: textOf(unit) || 'WORKING_DAY' };

function methodOf(method: RecordItem): ProcedureExecutionMethodV1 {
  const description = textOf(method.description);
  return {
    submissionMethod: method.submissionMethod as string,
    processingTime: durationOf(method.processingTime, method.processingTimeUnit),
    ...(description ? { description } : {}),
    fees: itemsAt(method, 'fees').map((f) => {
      const feeDescription = textOf(f.description);
      return { kind: f.type as string, amount: Math.round(f.value as number), ...(feeDescription ? { description: feeDescription } : {}) };
    }),
  };
}

/** Cases (trường hợp) by code, each once: the national records repeat some. */
function casesOf(record: RecordItem): CanonicalProcedure['cases'] {
  const cases = new Map<string, CanonicalProcedure['cases'][number]>();
  for (const c of itemsAt(record, 'cases')) {
    const code = c.code as string;
    if (cases.has(code)) continue;
    const day = c.processingDay as { qty?: unknown; type?: unknown } | undefined;
    const processingTime = day && typeof day === 'object' ? durationOf(day.qty, day.type) : null;
    const components = componentsAt(c);
    cases.set(code, { code, name: textOf(c.name), ...(processingTime ? { processingTime } : {}), ...(components.length ? { components } : {}) });
  }
  return [...cases.values()];
}

/** The papers per situation of the applicant; papers listed for the whole procedure come as one more set. */
function componentSetsOf(record: RecordItem): NonNullable<CanonicalProcedure['componentSets']> {
  const sets = itemsAt(record, 'executionCases').map((set) => ({ name: textOf(set.name), components: componentsAt(set) }));
  const general = componentsAt(record);
  return general.length ? [...sets, { name: '', components: general }] : sets;
}

/**
 * Maps a national record to the canonical procedure. The mapping trusts the types of the fields it copies (codes,
 * amounts, quantities): the importer validates the result against the procedure.published.v1 schema.
 */
export function toCanonicalProcedure(record: NationalProcedureRecord): CanonicalProcedure {
  const code = typeof record.code === 'string' ? normaliseProcedureCode(record.code) : undefined;
  if (!code || typeof record.name !== 'string' || record.name.trim() === '') {
    throw new ProcedureRecordInvalidError(`not a national procedure record: code=${JSON.stringify(record.code)}`);
  }
  const methods = itemsAt(record, 'executionMethods').map(methodOf);
  const timed = methods.find((m) => m.submissionMethod === 'ONLINE' && m.processingTime) ?? methods.find((m) => m.processingTime);
  const implementing = referencesAt(record, 'departmentsExecuting', 'unitGroupsExecuting');
  return {
    code,
    name: record.name.trim(),
    levels: LEVEL_FLAGS.filter(([flag]) => record[flag] === true).map(([, level]) => level),
    submissionMethods: [...new Set(methods.map((m) => m.submissionMethod))],
    cases: casesOf(record),
    fees: methods.flatMap((m) => m.fees.map((f) => ({ ...f, submissionMethod: m.submissionMethod }))),
    processingTime: timed?.processingTime ?? null,
    promulgatingAgency: textOf(record.departmentPromulgateCode) || null,
    executionMethods: methods,
    componentSets: componentSetsOf(record),
    fields: referencesIn([...itemsAt(record, 'categoriesDetails'), ...(isItem(record.category) ? [record.category] : [])]),
    competentAgencies: referencesAt(record, 'departmentsAuthority', 'unitGroupsAuthority'),
    // a record without structured agencies names them in a comma-separated text
    implementingAgencies: implementing.length ? implementing : agencyNamesIn(record.executingAgencies),
    results: referencesAt(record, 'resultsDetails'),
    legalBases: referencesAt(record, 'legalBasisesDetails'),
    subjectTypes: referencesAt(record, 'subjectTypesDetails'),
    steps: itemsAt(record, 'executionSteps').map((s) => ({ name: textOf(s.name), description: textOf(s.description) })),
    requirements: textOf(record.requirementsAndConditions),
  };
}

const agencyNamesIn = (text: unknown) => [...new Set(textOf(text).split(',').map((name) => name.trim()).filter(Boolean))].map((name) => ({ name }));

/** Total fee, in integer đồng, for a procedure submitted by a given method (ONLINE, POSTAL, DIRECT). */
export const feeTotal = (procedure: Pick<CanonicalProcedure, 'fees'>, submissionMethod: string): number =>
  procedure.fees.filter((f) => f.submissionMethod === submissionMethod).reduce((sum, f) => sum + f.amount, 0);
