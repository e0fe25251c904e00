import fc from 'fast-check';
import { Backbone } from './support/backbone';

const backbone = new Backbone();
const RUNS = 5000;

const hostileStrings = fc.oneof(
  fc.constantFrom("' OR 1=1 --", '"; DROP TABLE intake.dossiers; --', '<script>alert(1)</script>', '${jndi:ldap://127.0.0.1/x}', '../../../../etc/passwd', '\u0000', '\ud83d', '%00', '{{7*7}}', 'H56', '1.000358'),
  fc.string({ maxLength: 64 }),
  fc.string({ minLength: 10_000, maxLength: 70_000 }),
);
/**
 * Percent-encoded for a path or a form. A lone surrogate has no UTF-8 form: it travels as the bytes a careless encoder
 * would send for it (ED A0 BD), which are not UTF-8 either.
 */
const percentEncoded = (s: string) => encodeURIComponent(s.toWellFormed()).replaceAll('%EF%BF%BD', '%ED%A0%BD');
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
/** What can travel in a header at all: HTTP clients refuse control characters and non-Latin-1 text. */
const headerText = (s: string) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 4000);
const credentials = fc.oneof(
  fc.constant({}),
  fc.constant(backbone.portalKey),
  fc.constant(backbone.provinceKey('H56')),
  hostileStrings.map((s) => ({ 'x-api-key': headerText(s) })),
  hostileStrings.map((s) => ({ authorization: `Bearer ${headerText(s)}` })),
  // a token that claims to be the portal, unsigned (alg none) or signed with nothing we issued
  fc.constantFrom('none', 'ES256', 'HS256').map((alg) => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${part({ alg, kid: 'forged' })}.${part({ sub: 'VN/GOV/000.00.00.G22/DVCQG', aud: 'lienthong', exp: 4102444800 })}.${alg === 'none' ? '' : 'c2lnbmF0dXJl'}`;
    return { authorization: `Bearer ${token}` };
  }),
);
const segment = hostileStrings.map((s) => percentEncoded(s.slice(0, 300)));
interface Call {
  method: string;
  path: string;
  body: string | undefined;
  contentType?: string;
}
const call: fc.Arbitrary<Call> = fc.oneof(
  fc.record({ method: fc.constant('POST'), path: fc.constant('/v1/dossiers'), body: fc.oneof(brokenSubmission, anyJson) }),
  fc.record({ method: fc.constant('GET'), path: segment.map((s) => `/v1/dossiers/${s}`), body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('POST'), path: segment.map((s) => `/v1/dossiers/${s}/status`), body: anyJson }),
  fc.record({ method: fc.constant('GET'), path: segment.map((s) => `/v1/procedures?q=${s}&page=${s}`), body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('GET'), path: segment.map((s) => `/v1/procedures/${s}`), body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('GET'), path: segment.map((s) => `/v1/operator/exchanges?system=${s}&from=${s}`), body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('POST'), path: fc.constant('/v1/operator/systems'), body: anyJson }),
  fc.record({
    method: fc.constant('POST'),
    path: fc.constant('/oauth/token'),
    body: fc.oneof(
      fc.tuple(hostileStrings, hostileStrings).map(([id, secret]) => `grant_type=client_credentials&client_id=${percentEncoded(id)}&client_secret=${percentEncoded(secret)}`),
      hostileStrings,
    ),
    contentType: fc.constant('application/x-www-form-urlencoded'),
  }),
);

beforeAll(() => backbone.start(), 180000);
afterAll(() => backbone.stop(), 60000);

it(`answers ${RUNS} malformed or hostile requests with 4xx (reads may succeed), never 5xx, and stores nothing`, async () => {
  // the simulated provinces keep processing earlier dossiers meanwhile, so count only what a request could create
  const started = new Date();
  const created = async () =>
    (
      await backbone.db.query(
        `SELECT (SELECT count(*) FROM intake.dossiers WHERE submitted_at >= $1)
              + (SELECT count(*) FROM gateway.client_systems WHERE created_at >= $1)
              + (SELECT count(*) FROM gateway.api_keys WHERE created_at >= $1) AS n`,
        [started],
      )
    ).rows[0].n as string;
  await fc.assert(
    fc.asyncProperty(call, credentials, async ({ method, path, body, contentType = 'application/json' }, headers) => {
      const res = await fetch(`${backbone.apps.url('gateway')}${path}`, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': contentType }) },
        body,
      });
      await res.arrayBuffer();
      if (res.status >= 500) throw new Error(`${method} ${path.slice(0, 120)} answered ${res.status}`);
      if (method === 'POST' && res.status < 400) throw new Error(`${method} ${path.slice(0, 120)} was accepted (${res.status})`);
    }),
    { numRuns: RUNS },
  );
  expect(await created()).toBe('0');
}, 600000);
