import { DataSource } from 'typeorm';
import { PROVINCES } from '@lienthong/domain-dossier';
import { demoApiKeyOf, demoClientSecretOf, DOSSIER_LOOKUP_SERVICE, lgspSystemOf, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf, OPERATOR_SYSTEM, participantCatalogue } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { inPool, request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GatewayEnv } from '../src/config';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { answeredRoutesOf, declaredRoutesOf, isGranted, ServedRoute } from './authorization-matrix.support';
import { FakeUpstream, startFakeUpstream } from './fake-upstream.support';
import { TestPki } from './test-pki.support';

const SECRET = 'authorization-matrix-int-spec';
const apiKeyOf = (system: string) => ({ 'x-api-key': demoApiKeyOf(SECRET, system) });
const run = Date.now().toString(36).toUpperCase();
/**
 * Operator mutations in the matrix act on throwaway systems of this run (a unit of Thanh Hóa, 000.00.07.H56), never on a
 * seeded one: the operator's own granted calls really change something, so they must be valid (2xx proves the guard let
 * them through rather than a validation error after it) and must not touch the systems under test; every other system's
 * call is refused by the guard before anything happens. The test database outlives runs, hence the run id.
 */
const throwaway = (name: string) => `VN/GOV/000.00.07.H56/MATRIX-${run}-${name}`;
const TARGET = throwaway('TARGET');
const TO_SUSPEND = throwaway('ACTIVE');
const TO_ACTIVATE = throwaway('SUSPENDED');
const ADDED = throwaway('ADDED');
const SUSPENDED_CALLER = throwaway('CALLER');
const systemPath = (id: string, rest = '') => `/v1/operator/systems/${encodeURIComponent(id)}${rest}`;
const DOSSIER: Record<string, string> = { H56: '000.00.06.H56-261123-0001', H26: '000.00.06.H26-261123-0001' };
const AGENCY: Record<string, string> = { H56: '000.00.06.H56', H26: '000.00.06.H26' };
const PROBED_PROVINCES = ['H56', 'H26'];
/** Routes meant to be called without a grant: they are how a system gets (also as a DVCQG session) and checks its access token. */
const OPEN_ROUTES = ['GET /.well-known/jwks.json', 'POST /oauth/token', 'POST /v1/compat/dvcqg/login'];
const isPublic = (key: string) => / (\/v1\/|\/oauth\/token$|\/\.well-known\/jwks\.json$)/.test(key);
const CONCURRENCY = 16;

/** One concrete call of a route; `scope` is what the route's grant must cover: where its data lives (a province), or the provider's service called. */
interface Probe {
  path: string;
  scope?: string;
  body?: unknown;
}

const LEGACY_SERVICE = '/v1/systems/:instance/:memberClass/:memberCode/:subsystem/services/:service';
/** A province's dossier lookup, and a service of its one-stop system nobody is granted. */
const legacyServiceProbes = (body?: unknown, rest: (province: string) => string = () => ''): Probe[] =>
  PROBED_PROVINCES.flatMap((province) =>
    [DOSSIER_LOOKUP_SERVICE, 'unlisted-service'].map((service) => ({
      path: `/v1/systems/${oneStopSystemOf(province)}/services/${service}${rest(province)}`,
      scope: `${oneStopSystemOf(province)}/${service}`,
      body,
    })),
  );

/** Set up through the operator API before the matrix, so that the operator's own calls find what they act on. */
interface Fixtures {
  keyId: string;
  clientSecretId: string;
  /** Registered to TARGET, for the operator to revoke. */
  certificateFingerprint: string;
  /** Not registered yet, for the operator to register. */
  newCertificate: string;
}

/** How to call each public route; a route missing here (or a stale entry) fails the test. */
function probesOf(fixtures: Fixtures): Record<string, (system: string) => Probe[]> {
  const inEachProvince = (probe: (province: string) => Probe) => () => PROBED_PROVINCES.map(probe);
  return {
    'POST /v1/dossiers': () => [
      ...PROBED_PROVINCES.map((province) => ({ path: '/v1/dossiers', scope: province, body: { agencyCode: AGENCY[province], summary: 'Hồ sơ' } })),
      // no agency, so no province to match: only a grant everywhere covers it
      { path: '/v1/dossiers', body: { summary: 'Hồ sơ' } },
    ],
    'GET /v1/dossiers/:code': () => [
      ...PROBED_PROVINCES.map((province) => ({ path: `/v1/dossiers/${DOSSIER[province]}`, scope: province })),
      { path: '/v1/dossiers/not-a-dossier-code' },
    ],
    'GET /v1/dossiers/:code/tracking': inEachProvince((province) => ({ path: `/v1/dossiers/${DOSSIER[province]}/tracking`, scope: province })),
    'GET /v1/operator/dossiers/:code/journey': inEachProvince((province) => ({ path: `/v1/operator/dossiers/${DOSSIER[province]}/journey`, scope: province })),
    'POST /v1/dossiers/:code/status': inEachProvince((province) => ({ path: `/v1/dossiers/${DOSSIER[province]}/status`, scope: province, body: { status: 2 } })),
    'POST /v1/dossier-status-batches': inEachProvince((province) => ({ path: '/v1/dossier-status-batches', scope: province, body: { reports: [{ code: DOSSIER[province], status: 2 }] } })),
    'POST /v1/dossiers/:code/steps': inEachProvince((province) => ({
      path: `/v1/dossiers/${DOSSIER[province]}/steps`,
      scope: province,
      body: { steps: [{ handler: 'Lê Thị Bình', content: 'Tiếp nhận hồ sơ', occurredAt: '2026-11-23T08:15:00+07:00' }] },
    })),
    [`GET ${LEGACY_SERVICE}`]: () => legacyServiceProbes(),
    [`POST ${LEGACY_SERVICE}`]: () => legacyServiceProbes({ MaHoSo: DOSSIER.H56 }),
    [`GET ${LEGACY_SERVICE}/*path`]: () => legacyServiceProbes(undefined, (province) => `/${DOSSIER[province]}`),
    [`POST ${LEGACY_SERVICE}/*path`]: () => legacyServiceProbes({}, (province) => `/${DOSSIER[province]}`),
    'POST /v1/compat/dvcqg/DongBoHoSoMC': () => [
      ...PROBED_PROVINCES.map((province) => ({ path: '/v1/compat/dvcqg/DongBoHoSoMC', scope: province, body: { madonvi: AGENCY[province], data: [{ MaHoSo: DOSSIER[province], MaTTHC: '1.001234' }] } })),
      // dossiers of two provinces in one call: only a grant everywhere covers it
      { path: '/v1/compat/dvcqg/DongBoHoSoMC', body: { data: PROBED_PROVINCES.map((province) => ({ MaHoSo: DOSSIER[province], MaTTHC: '1.001234' })) } },
    ],
    'POST /v1/compat/dvcqg/CapNhatTienDoHoSoMC': inEachProvince((province) => ({ path: '/v1/compat/dvcqg/CapNhatTienDoHoSoMC', scope: province, body: { data: [{ MaHoSo: DOSSIER[province] }] } })),
    'POST /v1/compat/dvcqg/TraCuuHoSo': inEachProvince((province) => ({ path: '/v1/compat/dvcqg/TraCuuHoSo', scope: province, body: { MaHoSo: DOSSIER[province] } })),
    'POST /v1/compat/dvcqg/login': (system) => [{ path: '/v1/compat/dvcqg/login', body: { username: system, password: demoClientSecretOf(SECRET, system) } }],
    'GET /v1/dossiers/:code/payments': inEachProvince((province) => ({ path: `/v1/dossiers/${DOSSIER[province]}/payments`, scope: province })),
    'POST /v1/dossiers/:code/payments/:paymentId/attempts': inEachProvince((province) => ({
      path: `/v1/dossiers/${DOSSIER[province]}/payments/9a7c3f2e-1b4d-4e8a-9c6f-5d2e1a0b3c4d/attempts`,
      scope: province,
      body: { provider: 'VCB' },
    })),
    'GET /v1/dossiers/:code/payments/:paymentId/receipt': inEachProvince((province) => ({
      path: `/v1/dossiers/${DOSSIER[province]}/payments/9a7c3f2e-1b4d-4e8a-9c6f-5d2e1a0b3c4d/receipt`,
      scope: province,
    })),
    'GET /v1/payments/providers': () => [{ path: '/v1/payments/providers' }],
    'GET /v1/operator/payments/reconciliations': () => [{ path: '/v1/operator/payments/reconciliations?date=2026-11-23' }],
    'POST /v1/operator/payments/reconciliations': () => [{ path: '/v1/operator/payments/reconciliations', body: { provider: 'VCB', date: '2026-11-23' } }],
    'GET /v1/operator/payments/reconciliations/:id': () => [{ path: '/v1/operator/payments/reconciliations/7d2f0c4e-5a1b-4c3d-9e8f-1a2b3c4d5e6f' }],
    'GET /v1/operator/payments/reconciliations/:id/mismatches': () => [{ path: '/v1/operator/payments/reconciliations/7d2f0c4e-5a1b-4c3d-9e8f-1a2b3c4d5e6f/mismatches' }],
    'GET /v1/operator/payments/fees-awaiting-procedure': () => [{ path: '/v1/operator/payments/fees-awaiting-procedure?procedure=1.000358' }],
    'POST /v1/operator/payments/attempts/:id/refunds': () => [{ path: '/v1/operator/payments/attempts/3c1e9d4a-6b2f-4f7e-8a1d-0e5b7c9d2f31/refunds', body: { amount: 1000, reason: 'ma trận' } }],
    'POST /v1/payments/callbacks': () => [{ path: '/v1/payments/callbacks', body: { MaThamChieu: 'dvc-matrix' } }],
    'POST /v1/notifications/opt-outs': () => [{ path: '/v1/notifications/opt-outs', body: { channel: 'SMS', recipient: '0961234567', optedOut: true } }],
    'POST /v1/notifications/sms-receipts': () => [{ path: '/v1/notifications/sms-receipts', body: { messageId: '0b8e4c8e-2f6a-4c0e-9d59-2f4f0c1d9a11', status: 'DELIVERED' } }],
    'POST /v1/notifications/sms-receipt-batches': () => [{ path: '/v1/notifications/sms-receipt-batches', body: { receipts: [{ messageId: '0b8e4c8e-2f6a-4c0e-9d59-2f4f0c1d9a11', status: 'DELIVERED' }] } }],
    'GET /v1/operator/notification-templates': () => [{ path: '/v1/operator/notification-templates?template=dossier.submitted&channel=SMS' }],
    'POST /v1/operator/notification-templates': () => [{ path: '/v1/operator/notification-templates', body: { template: 'dossier.submitted', channel: 'SMS', subject: 'DVC_X_01', lines: ['Ho so #MaHoSo'] } }],
    'POST /v1/operator/notification-templates/preview': () => [{ path: '/v1/operator/notification-templates/preview', body: { template: 'dossier.submitted', channel: 'SMS' } }],
    'GET /v1/operator/notifications': () => [{ path: '/v1/operator/notifications?status=failed' }],
    'GET /v1/procedures': () => [{ path: '/v1/procedures?q=khai%20sinh' }],
    'GET /v1/procedures/:code': () => [{ path: '/v1/procedures/1.001234' }],
    'GET /v1/procedures/:code/record': () => [{ path: '/v1/procedures/1.001234/record' }],
    'GET /v1/procedures/:code/versions': () => [{ path: '/v1/procedures/1.001234/versions' }],
    'GET /v1/procedures/:code/versions/:version': () => [{ path: '/v1/procedures/1.001234/versions/2' }],
    'GET /v1/operator/systems': () => [{ path: '/v1/operator/systems?kind=one-stop' }],
    'GET /v1/operator/systems/:id': () => [{ path: systemPath(TARGET) }],
    'POST /v1/operator/systems': () => [{ path: '/v1/operator/systems', body: { id: ADDED, name: 'Hệ thống thử ma trận', kind: 'one-stop' } }],
    'POST /v1/operator/systems/:id/suspend': () => [{ path: systemPath(TO_SUSPEND, '/suspend'), body: { reason: 'authorization matrix' } }],
    'POST /v1/operator/systems/:id/activate': () => [{ path: systemPath(TO_ACTIVATE, '/activate'), body: {} }],
    'POST /v1/operator/systems/:id/keys': () => [{ path: systemPath(TARGET, '/keys'), body: {} }],
    'DELETE /v1/operator/systems/:id/keys/:keyId': () => [{ path: systemPath(TARGET, `/keys/${fixtures.keyId}`) }],
    'POST /v1/operator/systems/:id/certificates': () => [{ path: systemPath(TARGET, '/certificates'), body: { certificate: fixtures.newCertificate } }],
    'DELETE /v1/operator/systems/:id/certificates/:fingerprint': () => [{ path: systemPath(TARGET, `/certificates/${fixtures.certificateFingerprint}`) }],
    'POST /v1/operator/systems/:id/grants': () => [{ path: systemPath(TARGET, '/grants'), body: { permission: 'procedure:read', scope: 'H56' } }],
    'DELETE /v1/operator/systems/:id/grants/:permission/:scope': () => [{ path: systemPath(TARGET, `/grants/${encodeURIComponent('dossier:read')}/H26`) }],
    'POST /v1/operator/systems/:id/client-secrets': () => [{ path: systemPath(TARGET, '/client-secrets'), body: {} }],
    'DELETE /v1/operator/client-secrets/:secretId': () => [{ path: `/v1/operator/client-secrets/${fixtures.clientSecretId}` }],
    // a rotation keeps the previous key published: harmless to the API-key calls of the matrix
    'POST /v1/operator/signing-keys/rotate': () => [{ path: '/v1/operator/signing-keys/rotate', body: {} }],
    'GET /v1/operator/exchanges': () => [{ path: '/v1/operator/exchanges?status=200' }],
    'POST /oauth/token': (system) => [{ path: '/oauth/token', body: { grant_type: 'client_credentials', client_id: system, client_secret: demoClientSecretOf(SECRET, system) } }],
    'GET /.well-known/jwks.json': () => [{ path: '/.well-known/jwks.json' }],
  };
}

/**
 * 'pass' for any answer below 400; otherwise the status, marked when a refusal is not problem+json. A refusal in the
 * DVCQG dialect is an HTTP 200 error_code answer that carries its problem: its status counts.
 */
function outcomeOf(res: Awaited<ReturnType<typeof request>>): string {
  const dialectProblem = (res.body as { problem?: { status?: unknown } } | undefined)?.problem;
  if (res.status === 200 && typeof dialectProblem?.status === 'number') return String(dialectProblem.status);
  if (res.status < 400) return 'pass';
  return /application\/problem\+json/.test(res.headers.get('content-type') ?? '') ? String(res.status) : `${res.status} (not problem+json)`;
}

describe('authorisation matrix: every seeded system × every public route (real PostgreSQL and Redis)', () => {
  let gateway: TestApp;
  let upstream: FakeUpstream;
  let routes: ServedRoute[];
  let probes: Record<string, (system: string) => Probe[]>;
  let suspendedCallerKey: string;
  const pki = new TestPki();

  const call = (method: string, probe: Probe, headers: Record<string, string>) => request(`${gateway.baseUrl}${probe.path}`, { method, body: probe.body, headers });
  const operator = async (path: string, body?: unknown) => {
    const res = await request(`${gateway.baseUrl}${path}`, { body, headers: apiKeyOf(OPERATOR_SYSTEM) });
    if (res.status >= 300) throw new Error(`setup ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const methodOf = (key: string) => key.slice(0, key.indexOf(' '));

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    // the rate limit is not under test here: 16 calls in flight from one system must never meet it
    const env = { ...process.env, DEMO_SEED_SECRET: SECRET, INTAKE_URL: upstream.url, CATALOGUE_URL: upstream.url, PAYMENT_URL: upstream.url, NOTIFICATION_URL: upstream.url, CONNECTOR_URL: upstream.url, RATE_LIMIT_PER_SECOND: '1000000' };
    gateway = await startTestApp(AppModule.register(loadConfig(GatewayEnv, env)), GATEWAY_BODIES);
    routes = declaredRoutesOf(gateway.app).filter(({ key }) => isPublic(key));

    for (const id of [TARGET, TO_SUSPEND, TO_ACTIVATE, SUSPENDED_CALLER]) await operator('/v1/operator/systems', { id, name: 'Hệ thống thử ma trận', kind: 'one-stop' });
    await operator(systemPath(TO_ACTIVATE, '/suspend'), {});
    await operator(systemPath(TARGET, '/grants'), { permission: 'dossier:read', scope: 'H26' });
    const key = await operator(systemPath(TARGET, '/keys'), {});
    const clientSecret = await operator(systemPath(TARGET, '/client-secrets'), {});
    const clientCa = pki.authority('matrix-client-ca');
    const certificate = await operator(systemPath(TARGET, '/certificates'), { certificate: pki.issue(clientCa, 'matrix-registered').cert });
    probes = probesOf({
      keyId: String(key.id),
      clientSecretId: String(clientSecret.id),
      certificateFingerprint: String(certificate.fingerprint),
      newCertificate: pki.issue(clientCa, 'matrix-new').cert,
    });

    suspendedCallerKey = String((await operator(systemPath(SUSPENDED_CALLER, '/keys'), {})).apiKey);
    await operator(systemPath(SUSPENDED_CALLER, '/grants'), { permission: 'procedure:read', scope: '*' });
  }, 90000);

  afterAll(async () => {
    pki.remove();
    await gateway?.close();
    await upstream?.close();
  }, 30000);

  it('lists the public routes from the app: every /v1 route but the DVCQG login declares a grant, only the token endpoints are open, each has a probe', () => {
    const keys = routes.map((r) => r.key).sort();
    expect(answeredRoutesOf(gateway.app).filter(isPublic).sort()).toEqual(keys);
    expect(keys.length).toBeGreaterThanOrEqual(20);
    // deny by default: a /v1 route without a grant would be refused to everyone, or worse, forgotten
    expect(routes.filter((r) => !r.permission && r.key.includes(' /v1/') && !OPEN_ROUTES.includes(r.key)).map((r) => r.key)).toEqual([]);
    expect(routes.filter((r) => !r.permission).map((r) => r.key).sort()).toEqual(OPEN_ROUTES);
    expect(Object.keys(probes).sort()).toEqual(keys);
  });

  it('lets exactly the granted (system, route) pairs through and refuses every other with 403 problem+json, by API key and by access token', async () => {
    const seeded = participantCatalogue(PROVINCES).map((p) => p.id);
    expect(seeded.length).toBeGreaterThanOrEqual(137);
    const db = gateway.app.get(DataSource);
    const active: { id: string }[] = await db.query(`SELECT id FROM gateway.client_systems WHERE status = 'active' AND id = ANY($1)`, [seeded]);
    expect(active.length).toBe(seeded.length);
    // the registry, not a re-derivation of the seeder, says what each system may do
    const grantRows: { system_id: string; permission: string; scope: string }[] = await db.query(`SELECT system_id, permission, scope FROM gateway.grants WHERE system_id = ANY($1)`, [seeded]);
    const grantsOf = (system: string) => grantRows.filter((g) => g.system_id === system);

    const viaToken = async (system: string) => {
      const [token] = probes['POST /oauth/token'](system);
      const res = await call('POST', token, {});
      if (res.status !== 200) throw new Error(`no access token for ${system}: ${res.status}`);
      return { authorization: `Bearer ${String(res.body.access_token)}` };
    };
    // systems without operator grants, so that their second pass (by token) changes nothing
    const tokenHolders = [NATIONAL_PORTAL_SYSTEM, oneStopSystemOf('H56'), lgspSystemOf('H26')];
    const callers = [
      ...seeded.map((system) => ({ system, credential: 'api-key', headers: apiKeyOf(system) })),
      ...(await Promise.all(tokenHolders.map(async (system) => ({ system, credential: 'token', headers: await viaToken(system) })))),
    ];
    const cases = callers.flatMap((caller) =>
      routes.flatMap((route) =>
        (probes[route.key]?.(caller.system) ?? []).map((probe) => ({
          caller,
          route,
          probe,
          expected: !route.permission || isGranted(grantsOf(caller.system), route.permission, probe.scope) ? 'pass' : '403',
        })),
      ),
    );

    // an open route is called without the gateway's credentials: it authenticates by its own means (the client secret)
    const headersOf = (c: (typeof cases)[number]) => (c.route.permission ? c.caller.headers : {});
    const results = await inPool(cases, CONCURRENCY, async (c) => ({ ...c, actual: outcomeOf(await call(methodOf(c.route.key), c.probe, headersOf(c))) }));

    const mismatches = [
      ...routes.filter((r) => !probes[r.key]).map((r) => `${r.key}: no probe, so not in the matrix`),
      ...results
        .filter((r) => r.actual !== r.expected)
        .map((r) => `${r.caller.system} (${r.caller.credential}) ${methodOf(r.route.key)} ${r.probe.path}: expected ${r.expected}, got ${r.actual}`),
    ];
    expect(mismatches).toEqual([]);
    // the matrix is not trivially uniform: each granted permission passes somewhere, and most pairs are refused
    const passedRoutes = new Set(results.filter((r) => r.actual === 'pass').map((r) => r.route.key));
    expect([...passedRoutes].sort()).toEqual(routes.map((r) => r.key).sort());
    expect(results.filter((r) => r.actual === '403').length).toBeGreaterThan(results.length / 2);
  }, 120000);

  it('answers 401 problem+json on every /v1 route without credentials, with a forged key, and for a suspended system', async () => {
    const guarded = routes.filter((r) => r.permission);
    const suspended = { 'x-api-key': suspendedCallerKey };
    const procedures = probes['GET /v1/procedures'](SUSPENDED_CALLER)[0];
    expect((await call('GET', procedures, suspended)).status).toBe(200);
    await operator(systemPath(SUSPENDED_CALLER, '/suspend'), { reason: 'authorization matrix' });
    // refused within the credential cache's lifetime
    await waitFor(async () => (await call('GET', procedures, suspended)).status === 401, 'the suspended system refused');

    const credentials: Record<string, Record<string, string>> = {
      none: {},
      // well formed and derived like a real demo key, from a seed the gateway does not know
      forged: { 'x-api-key': demoApiKeyOf('not-the-seed', NATIONAL_PORTAL_SYSTEM) },
      'malformed token': { authorization: 'Bearer not.a.jwt' },
      suspended,
    };
    const cases = Object.entries(credentials).flatMap(([credential, headers]) =>
      guarded.flatMap((route) => (probes[route.key]?.(SUSPENDED_CALLER) ?? []).map((probe) => ({ credential, headers, route, probe }))),
    );
    const results = await inPool(cases, CONCURRENCY, async (c) => ({ ...c, actual: outcomeOf(await call(methodOf(c.route.key), c.probe, c.headers)) }));
    expect(results.filter((r) => r.actual !== '401').map((r) => `${r.credential} ${methodOf(r.route.key)} ${r.probe.path}: expected 401, got ${r.actual}`)).toEqual([]);
  }, 60000);
});
