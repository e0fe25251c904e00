import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GatewayEnv } from '../src/config';
import type { OpenApiDocument } from '../src/docs/openapi.operations';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { answeredRoutesOf } from './authorization-matrix.support';

/** The public routes: what a connected system calls; /health, /metrics and /docs are not among them. */
const isPublic = (key: string) => / (\/v1\/|\/oauth\/token$|\/\.well-known\/jwks\.json$)/.test(key);
/** Express names a path parameter `:code` and a wildcard `*path`, OpenAPI both `{code}`, `{path}`. */
const asTemplate = (key: string) => key.replace(/[:*](\w+)/g, '{$1}');
const pointer = (...parts: string[]) => `#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
/** The package's own command: it is an ES module, which Jest's CommonJS runtime cannot load in-process. */
const VALIDATOR_CLI = require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');

interface MediaType {
  schema?: object;
  examples?: Record<string, { value: unknown }>;
}
type Content = Record<string, MediaType> | undefined;
interface Exemplified {
  where: string;
  schemaPointer: string;
  value: unknown;
}

/** Every example of the document with the schema it illustrates: bodies, answers and parameters. */
function examplesOf(doc: OpenApiDocument): Exemplified[] {
  const found: Exemplified[] = [];
  const fromContent = (content: Content, ...at: string[]) => {
    for (const [mediaType, media] of Object.entries(content ?? {})) {
      for (const [name, example] of Object.entries(media.examples ?? {})) {
        found.push({ where: `${at.join(' ')} ${mediaType} ${name}`, schemaPointer: pointer(...at, 'content', mediaType, 'schema'), value: example.value });
      }
    }
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      fromContent(op.requestBody?.content, 'paths', path, method, 'requestBody');
      for (const [status, response] of Object.entries(op.responses)) fromContent((response as { content?: Content }).content, 'paths', path, method, 'responses', status);
    }
  }
  for (const [name, parameter] of Object.entries(doc.components.parameters as Record<string, { example?: unknown }>)) {
    if (parameter.example !== undefined) found.push({ where: `parameter ${name}`, schemaPointer: pointer('components', 'parameters', name, 'schema'), value: parameter.example });
  }
  return found;
}

describe('gateway: OpenAPI 3.1 at /docs, complete for every public route', () => {
  let gateway: TestApp;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    gateway = await startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: 'openapi-int-spec' })), GATEWAY_BODIES);
    const res = await request(`${gateway.baseUrl}/docs/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    doc = res.body as unknown as OpenApiDocument;
  }, 60000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('serves a page for people at /docs without credentials, linking the document', async () => {
    const res = await fetch(`${gateway.baseUrl}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('href="/docs/openapi.json"');
    for (const op of Object.values(doc.paths).flatMap((item) => Object.values(item))) expect(html).toContain(`id="${op.operationId}"`);
  });

  it('documents exactly the public routes the app serves, with the same methods and paths', () => {
    const served = answeredRoutesOf(gateway.app).filter(isPublic).map(asTemplate);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(served.length).toBeGreaterThan(0);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...new Set(served)].sort());
  });

  it('declares every path parameter of every operation, and credentials on every /v1 route but the DVCQG login', () => {
    const resolve = (p: { $ref?: string; name?: string; in?: string }) =>
      (p.$ref ? (doc.components.parameters as Record<string, { name: string; in: string }>)[p.$ref.split('/').pop()!] : p) as { name: string; in: string };
    for (const [path, item] of Object.entries(doc.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(item)) {
        const declared = (op.parameters ?? []).map(resolve).filter((p) => p.in === 'path').map((p) => p.name).sort();
        expect({ op: `${method} ${path}`, params: declared }).toEqual({ op: `${method} ${path}`, params: inPath });
        if (path.startsWith('/v1/') && !path.endsWith('/compat/dvcqg/login')) expect({ op: `${method} ${path}`, security: op.security }).toEqual({ op: `${method} ${path}`, security: [{ apiKey: [] }, { oauth2: [] }, { bearerToken: [] }, { mutualTLS: [] }] });
      }
    }
  });

  it('is valid against the OpenAPI 3.1 schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const { stdout } = await promisify(execFile)(process.execPath, [VALIDATOR_CLI, file]).catch((failure: { stdout: string }) => failure);
      expect(JSON.parse(stdout)).toEqual({ valid: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has examples for every JSON body and answer, and each example is valid against its schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect({ name, valid: ajv.validateSchema(schema as object) }).toEqual({ name, valid: true });
    }
    ajv.addSchema(doc, 'openapi.json');

    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const contents = [op.requestBody?.content, ...Object.values(op.responses).map((r) => (r as { content?: Content }).content)];
        for (const media of contents.flatMap((c) => Object.values(c ?? {}))) {
          expect({ op: `${method} ${path}`, examples: Object.keys(media.examples ?? {}).length > 0 }).toEqual({ op: `${method} ${path}`, examples: true });
        }
      }
    }

    const examples = examplesOf(doc);
    expect(examples.length).toBeGreaterThan(50);
    for (const { where, schemaPointer, value } of examples) {
      const validate = ajv.compile({ $ref: `openapi.json${schemaPointer}` });
      expect({ where, errors: validate(value) ? null : validate.errors }).toEqual({ where, errors: null });
    }
  });

  it('answers the refusals it documents: 401 problem+json without credentials', async () => {
    const res = await request(`${gateway.baseUrl}/v1/procedures`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(Object.keys(doc.paths['/v1/procedures'].get!.responses)).toContain('401');
  });
});
