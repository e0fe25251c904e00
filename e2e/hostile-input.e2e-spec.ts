import fc from 'fast-check';
import { Backbone } from './support/backbone';

const backbone = new Backbone();
const RUNS = 5000;

const hostileStrings = fc.oneof(
  fc.constantFrom("' OR 1=1 --", '"; DROP TABLE intake.dossiers; --', '<script>alert(1)</script>', '${jndi:ldap://127.0.0.1/x}', '../../../../etc/passwd', '\u0000', '%00', '{{7*7}}', 'H56', '1.000358'),
  fc.string({ maxLength: 64 }),
  fc.string({ minLength: 10_000, maxLength: 70_000 }),
);
const anyJson = fc.oneof(fc.json({ maxDepth: 4 }), hostileStrings.map((s) => JSON.stringify(s)), fc.string({ maxLength: 200 }));
/** A submission that is always broken somewhere: a required field missing or of the wrong type. */
const brokenSubmission = fc
  .record(
    {
      partnerReference: fc.oneof(hostileStrings, fc.integer()),
      procedureCode: fc.oneof(hostileStrings, fc.constant(null)),
      agencyCode: hostileStrings,
      channel: fc.oneof(fc.integer({ min: 4 }), fc.string(), fc.constant(null)),
      applicant: fc.oneof(fc.json({ maxDepth: 2 }), hostileStrings),
      contact: fc.oneof(fc.record({ email: hostileStrings, phone: hostileStrings }), fc.constant(null)),
      summary: hostileStrings,
    },
    { requiredKeys: ['channel'] },
  )
  .map((body) => JSON.stringify(body));
const credentials = fc.oneof(
  fc.constant({}),
  fc.constant(backbone.portalKey),
  fc.constant(backbone.provinceKey('H56')),
  hostileStrings.map((s) => ({ 'x-api-key': s.slice(0, 4000) })),
  hostileStrings.map((s) => ({ authorization: `Bearer ${s.slice(0, 4000)}` })),
  // a token that claims to be the portal, unsigned (alg none) or signed with nothing we issued
  fc.constantFrom('none', 'ES256', 'HS256').map((alg) => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${part({ alg, kid: 'forged' })}.${part({ sub: 'VN/GOV/000.00.00.G22/DVCQG', aud: 'lienthong', exp: 4102444800 })}.${alg === 'none' ? '' : 'c2lnbmF0dXJl'}`;
    return { authorization: `Bearer ${token}` };
  }),
);
const segment = hostileStrings.map((s) => encodeURIComponent(s.slice(0, 300)));
const call = fc.oneof(
  fc.record({ method: fc.constant('POST'), path: fc.constant('/v1/dossiers'), body: fc.oneof(brokenSubmission, anyJson) }),
  fc.record({ method: fc.constant('GET'), path: segment.map((s) => `/v1/dossiers/${s}`), body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('POST'), path: segment.map((s) => `/v1/dossiers/${s}/status`), body: anyJson }),
  fc.record({ method: fc.constant('GET'), path: segment.map((s) => `/v1/procedures?q=${s}&page=${s}`), body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('GET'), path: segment.map((s) => `/v1/procedures/${s}`), body: fc.constant(undefined) }),
);

beforeAll(() => backbone.start(), 180000);
afterAll(() => backbone.stop(), 60000);

it(`answers ${RUNS} malformed or hostile requests with 4xx (reads may succeed), never 5xx, and stores nothing`, async () => {
  const count = async () => (await backbone.db.query(`SELECT (SELECT count(*) FROM intake.dossiers) + (SELECT count(*) FROM intake.dossier_timeline) AS n`)).rows[0].n as string;
  const before = await count();
  await fc.assert(
    fc.asyncProperty(call, credentials, async ({ method, path, body }, headers) => {
      const res = await fetch(`${backbone.apps.url('gateway')}${path}`, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body,
      });
      await res.arrayBuffer();
      if (res.status >= 500) throw new Error(`${method} ${path.slice(0, 120)} answered ${res.status}`);
      if (method === 'POST' && res.status < 400) throw new Error(`${method} ${path.slice(0, 120)} was accepted (${res.status})`);
    }),
    { numRuns: RUNS },
  );
  expect(await count()).toBe(before);
}, 600000);
