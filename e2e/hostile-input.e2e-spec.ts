import fc from 'fast-check';
import { CIVIL_REGISTRY_SYSTEM, lgspSystemOf, OPERATOR_SYSTEM, PAYMENT_PLATFORM_SYSTEM, SMS_GATEWAY_SYSTEM } from '@lienthong/domain-registry';
import { Backbone } from './support/backbone';
import { hostileCallOf, HostileCall, hostileStrings, hostileTokenRequest, OpenApiDocument, operationsOf } from './support/hostile-calls';

const backbone = new Backbone();
const RUNS = 5000;
/** Routes whose POST reads (a lookup, a preview, a legacy system's service): a well-granted one may answer 200. */
const READS_BY_POST = [/^\/v1\/operator\/notification-templates\/preview$/, /^\/v1\/compat\/dvcqg\/TraCuuHoSo$/, /^\/v1\/systems\/.*\/services\//];
/** OAuth answers its errors in its own format (RFC 6749), not problem+json. */
const OAUTH_TOKEN = '/oauth/token';

/** What can travel in a header at all: HTTP clients refuse control characters and non-Latin-1 text. */
const headerText = (s: string) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 4000);
/** A system of every kind (each holds the grants of its kind), so that calls reach the services' own checks. */
const SYSTEMS = [OPERATOR_SYSTEM, PAYMENT_PLATFORM_SYSTEM, SMS_GATEWAY_SYSTEM, CIVIL_REGISTRY_SYSTEM, lgspSystemOf('H56'), 'VN/COM/0100112437/VCB', 'VN/COM/0102182292/VNPAY'];
const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
type Credential = { headers: Record<string, string>; hostile: boolean };
const credentials: fc.Arbitrary<Credential> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(backbone.portalKey, backbone.provinceKey('H56'), ...SYSTEMS.map(backbone.keyOf)).map((headers) => ({ headers, hostile: false })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constant({}),
        hostileStrings.map((s) => ({ 'x-api-key': headerText(s) })),
        hostileStrings.map((s) => ({ authorization: `Bearer ${headerText(s)}` })),
        // a token that claims to be the portal, unsigned (alg none) or signed with nothing we issued
        fc.constantFrom('none', 'ES256', 'HS256').map((alg) => {
          const token = `${part({ alg, kid: 'forged' })}.${part({ sub: 'VN/GOV/000.00.00.G22/DVCQG', aud: 'lienthong', exp: 4102444800 })}.${alg === 'none' ? '' : 'c2lnbmF0dXJl'}`;
          return { authorization: `Bearer ${token}` };
        }),
      )
      .map((headers) => ({ headers, hostile: true })),
  },
);

/** Rows a refused call must not have written, by what writes them; none of these is written in the background. */
const STORED = `SELECT (SELECT count(*) FROM intake.dossiers) AS dossiers,
  (SELECT count(*) FROM gateway.client_systems) AS systems, (SELECT count(*) FROM gateway.api_keys) AS api_keys,
  (SELECT count(*) FROM gateway.client_secrets) AS client_secrets, (SELECT count(*) FROM gateway.client_certificates) AS certificates,
  (SELECT count(*) FROM gateway.grants) AS grants, (SELECT count(*) FROM notification.opt_outs) AS opt_outs,
  (SELECT count(*) FROM notification.templates) AS templates, (SELECT count(*) FROM payment.payment_attempts) AS payment_attempts,
  (SELECT count(*) FROM payment.refunds) AS refunds,
  (SELECT count(*) FROM payment.provider_reports WHERE source = 'callback' AND verdict <> 'refused') AS settling_callbacks`;

/**
 * The status a refusal carries: a DVCQG-dialect answer is an HTTP 200 whose error_code (not 0) refuses, with the
 * problem's status when it carries one.
 */
async function outcomeOf(res: Response): Promise<{ status: number; problemJson: boolean }> {
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 200 && type.includes('json')) {
    const answer = JSON.parse(text) as { error_code?: unknown; problem?: { status?: unknown } } | null;
    if (typeof answer?.error_code === 'number' && answer.error_code !== 0) return { status: typeof answer.problem?.status === 'number' ? answer.problem.status : 400, problemJson: true };
  }
  return { status: res.status, problemJson: type.includes('application/problem+json') };
}

beforeAll(() => backbone.start(), 180000);
afterAll(() => backbone.stop(), 60000);

it(`answers ${RUNS} malformed or hostile requests across every documented route with problem+json 4xx (reads may succeed), never 5xx, and stores nothing`, async () => {
  const operations = operationsOf((await (await fetch(`${backbone.apps.url('gateway')}/docs/openapi.json`)).json()) as OpenApiDocument);
  expect(operations.length).toBeGreaterThan(50);
  // the form-encoded token request counts as one route among the documented ones
  const call = fc.oneof({ weight: 1, arbitrary: hostileTokenRequest }, { weight: operations.length, arbitrary: fc.constantFrom(...operations).chain(hostileCallOf) });
  const stored = async () => (await backbone.db.query(STORED)).rows[0] as Record<string, string>;
  const before = await stored();
  await fc.assert(
    fc.asyncProperty(call, credentials, async ({ method, path, body, contentType = 'application/json', malformed }: HostileCall, credential) => {
      const res = await fetch(`${backbone.apps.url('gateway')}${path}`, {
        method,
        headers: { ...credential.headers, ...(body === undefined ? {} : { 'content-type': contentType }) },
        body,
      });
      const { status, problemJson } = await outcomeOf(res);
      const what = `${method} ${path.slice(0, 120)} ${(body ?? '').slice(0, 200)}`;
      if (status >= 500) throw new Error(`${what} answered ${status}`);
      if (status >= 400 && !problemJson && !path.startsWith(OAUTH_TOKEN)) throw new Error(`${what} answered ${status} without problem+json`);
      const mayPass = method === 'GET' || READS_BY_POST.some((read) => read.test(path)) || !(malformed || credential.hostile);
      if (!mayPass && status < 400) throw new Error(`${what} was accepted (${status})`);
    }),
    { numRuns: RUNS },
  );
  expect(await stored()).toEqual(before);
}, 600000);
