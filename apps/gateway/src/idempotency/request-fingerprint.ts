import { hash } from 'node:crypto';

/**
 * JSON with object members sorted by key at every level, so that two bodies meaning the same thing (members in
 * another order, other whitespace) read the same. Values are written as JSON.stringify writes them, which parsed
 * JSON always allows.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What a retry must repeat exactly to be answered from the stored answer: method, path and body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return hash('sha256', `${method.toUpperCase()}\n${path}\n${canonicalJson(body)}`);
}
