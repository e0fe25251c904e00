import type { ProcedureReferenceV1 } from '@lienthong/contracts';

/**
 * A national procedure record (the portal's TTHC JSON format), as far as the backbone reads it; the catalogue keeps
 * the record whole, so fields not named here are never lost.
 */
export interface NationalProcedureRecord {
  code: string;
  name: string;
  isWard?: boolean;
  isProvince?: boolean;
  isMinistry?: boolean;
  isOtherAgency?: boolean;
  isUndetermined?: boolean;
  isVertical?: boolean;
  executionMethods?: {
    submissionMethod: string;
    processingTime?: number;
    processingTimeUnit?: string;
    description?: string;
    fees?: { type: string; value: number; description?: string }[];
  }[];
  cases?: { code: string; name?: string; processingDay?: { qty: number; type: string }; profileComponents?: unknown[] }[];
  departmentPromulgateCode?: string;
  [field: string]: unknown;
}

export type RecordItem = Record<string, unknown>;

export class ProcedureRecordInvalidError extends Error {}

export const isItem = (value: unknown): value is RecordItem => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The objects of a list field; a field that is there but not a list of objects makes the record invalid. */
export function itemsAt(holder: RecordItem, field: string): RecordItem[] {
  const value = holder[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(isItem)) throw new ProcedureRecordInvalidError(`${field} must be a list of objects`);
  return value;
}

export const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A count of papers: the national records give whole numbers; anything else counts as none. */
export const countOf = (value: unknown): number => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : 0);

/** Named items, each once (by code, else by name), in the order given. */
export function referencesIn(items: RecordItem[]): ProcedureReferenceV1[] {
  const found = new Map<string, ProcedureReferenceV1>();
  for (const item of items) {
    const [code, name] = [textOf(item.code), textOf(item.name)];
    if (name && !found.has(code || name)) found.set(code || name, code ? { code, name } : { name });
  }
  return [...found.values()];
}

/** The named items of several list fields of a record. */
export const referencesAt = (record: RecordItem, ...fields: string[]): ProcedureReferenceV1[] => referencesIn(fields.flatMap((field) => itemsAt(record, field)));
