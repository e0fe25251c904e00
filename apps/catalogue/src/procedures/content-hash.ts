import { createHash } from 'node:crypto';

/**
 * JSON with object keys in sorted order at every depth, so that equal content serialises equally
 * whatever order a source wrote its fields in. Follows JSON.stringify for undefined and non-finite values.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return stableStringify((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : stableStringify(item))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** Lowercase hex SHA-256 of the stable serialisation. */
export const contentHash = (value: unknown): string => createHash('sha256').update(stableStringify(value)).digest('hex');
