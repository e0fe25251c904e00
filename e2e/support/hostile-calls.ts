import fc from 'fast-check';

export const hostileStrings = fc.oneof(
  fc.constantFrom("' OR 1=1 --", '"; DROP TABLE intake.dossiers; --', '<script>alert(1)</script>', '${jndi:ldap://127.0.0.1/x}', '../../../../etc/passwd', '\u0000', '\ud83d', '%00', '{{7*7}}', 'H56', '1.000358'),
  fc.string({ maxLength: 64 }),
  fc.string({ minLength: 10_000, maxLength: 70_000 }),
);

/**
 * Percent-encoded for a path or a form. A lone surrogate has no UTF-8 form: it travels as the bytes a careless encoder
 * would send for it (ED A0 BD), which are not UTF-8 either.
 */
export const percentEncoded = (s: string) => encodeURIComponent(s.toWellFormed()).replaceAll('%EF%BF%BD', '%ED%A0%BD');

export const anyJson = fc.oneof(fc.json({ maxDepth: 4 }), hostileStrings.map((s) => JSON.stringify(s)), fc.string({ maxLength: 200 }));

/**
 * Well-formed path values that name nothing stored (a dossier of 2020, unknown ids, a system nobody registered), so
 * that a granted call gets past the path's checks to the service's own and still finds nothing it could change.
 */
const PLAUSIBLE_SEGMENTS = [
  '000.00.06.H56-200101-0001',
  '9a7c3f2e-1b4d-4e8a-9c6f-5d2e1a0b3c4d',
  '1.001234',
  '2',
  'VN',
  'GOV',
  '000.00.00.H56',
  'MOTCUA',
  'tra-cuu-ho-so',
  'H56',
  encodeURIComponent('dossier:read'),
  encodeURIComponent('VN/GOV/000.00.07.H56/FUZZ-NOBODY'),
];

/** A public route as the gateway's OpenAPI document describes it, with the example body it documents, if any. */
export interface DocumentedOperation {
  method: string;
  template: string;
  /** The request body's example and the fields its schema requires; undefined for a route that takes no body. */
  body?: { example: Record<string, unknown>; required: string[] };
}

/** One generated call; `malformed` is false only when every part of it is well formed (a granted call may then pass). */
export interface HostileCall {
  method: string;
  path: string;
  body: string | undefined;
  contentType?: string;
  malformed: boolean;
}

interface OpenApiMedia {
  schema?: { $ref?: string; required?: string[] };
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, OpenApiMedia> } }>>;
  components: { schemas: Record<string, { required?: string[] }> };
}

/** Every operation of the document (the public routes, as the OpenAPI test holds them complete). */
export function operationsOf(doc: OpenApiDocument): DocumentedOperation[] {
  const requiredOf = (schema: OpenApiMedia['schema']) => (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!]?.required : schema?.required) ?? [];
  return Object.entries(doc.paths).flatMap(([template, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'delete'].includes(method))
      .map(([method, operation]) => {
        const media = operation.requestBody?.content['application/json'];
        const example = (media?.example ?? Object.values(media?.examples ?? {})[0]?.value) as Record<string, unknown> | undefined;
        return { method: method.toUpperCase(), template, body: media && example ? { example, required: requiredOf(media.schema) } : undefined };
      }),
  );
}

/** Each path parameter hostile (the call is then malformed) or plausible. */
const pathOf = (template: string): fc.Arbitrary<{ path: string; hostile: boolean }> => {
  const names = template.match(/\{[^}]+\}/g) ?? [];
  const segment = fc.oneof(
    hostileStrings.map((s) => ({ value: percentEncoded(s.slice(0, 300)), hostile: true })),
    fc.constantFrom(...PLAUSIBLE_SEGMENTS).map((value) => ({ value, hostile: false })),
  );
  return fc.tuple(...names.map(() => segment)).map((values) => ({
    path: names.reduce((path, name, i) => path.replace(name, values[i].value), template),
    hostile: values.some((v) => v.hostile),
  }));
};

const jsonTypeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
/** Values of a JSON type other than the documented one (never a string, which a lenient parse could turn into a number). */
const WRONG_VALUES: Record<string, fc.Arbitrary<unknown>> = { null: fc.constant(null), object: fc.constant({ $gt: '' }), array: hostileStrings.map((s) => [s]) };
const wrongValueFor = (documented: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(...Object.entries(WRONG_VALUES).filter(([type]) => type !== jsonTypeOf(documented)).map(([, value]) => value));

type JsonPath = (string | number)[];
/** The paths of the example's text, number and boolean values inside its objects and arrays (not at the top level). */
const nestedScalarPaths = (value: unknown, path: JsonPath = []): JsonPath[] => {
  if (value === null || typeof value !== 'object') return path.length > 1 ? [path] : [];
  return Object.entries(value).flatMap(([key, inner]) => nestedScalarPaths(inner, [...path, Array.isArray(value) ? Number(key) : key]));
};
const withValueAt = (value: unknown, [head, ...rest]: JsonPath, replacement: unknown): unknown => {
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = withValueAt(copy[head], rest, replacement);
  return copy;
};
/** An object or an array where the example has text, a number or a boolean: no documented field of any depth takes it. */
const NOT_A_SCALAR = fc.oneof(WRONG_VALUES.object, WRONG_VALUES.array);

/**
 * A body that is always broken: any JSON or none, or the documented example with one required field missing or of a
 * JSON type other than its documented one, or with a value inside one of its objects or arrays (a fee line, an
 * attachment, a step) replaced by an object or an array.
 */
const brokenBodyOf = ({ example, required }: NonNullable<DocumentedOperation['body']>): fc.Arbitrary<string> => {
  const nested = nestedScalarPaths(example);
  const deepMistyped = nested.length === 0 ? [] : [fc.tuple(fc.constantFrom(...nested), NOT_A_SCALAR).map(([path, value]) => JSON.stringify(withValueAt(example, path, value)))];
  if (required.length === 0) return fc.oneof(anyJson, ...deepMistyped);
  const field = fc.constantFrom(...required);
  const missing = field.map((name) => JSON.stringify({ ...example, [name]: undefined }));
  const mistyped = fc.oneof(...required.map((name) => wrongValueFor(example[name]).map((value) => JSON.stringify({ ...example, [name]: value }))));
  return fc.oneof(anyJson, missing, mistyped, ...deepMistyped);
};

/** Hostile calls of one documented operation. */
export const hostileCallOf = (operation: DocumentedOperation): fc.Arbitrary<HostileCall> =>
  fc
    .tuple(pathOf(operation.template), operation.body ? brokenBodyOf(operation.body).map((body) => body as string | undefined) : fc.constant(undefined))
    .map(([{ path, hostile }, body]) => ({ method: operation.method, path, body, malformed: hostile || operation.body !== undefined }));

/** A client-credentials token request in the form encoding, with hostile fields or none at all. */
export const hostileTokenRequest: fc.Arbitrary<HostileCall> = fc.oneof(
  fc.tuple(hostileStrings, hostileStrings).map(([id, secret]) => `grant_type=client_credentials&client_id=${percentEncoded(id)}&client_secret=${percentEncoded(secret)}`),
  hostileStrings,
).map((body) => ({ method: 'POST', path: '/oauth/token', body, contentType: 'application/x-www-form-urlencoded', malformed: true }));
