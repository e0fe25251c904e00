import { CIVIL_REGISTRY_SYSTEM, demoApiKeyOf, DOSSIER_LOOKUP_SERVICE, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf, OPERATOR_SYSTEM } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GatewayEnv } from '../src/config';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { exchangeRecordOf, RECORD_TIMEOUT_MS } from './exchange-records.support';
import { FakeAnswer, FakeUpstream, ForwardedCall, startFakeUpstream } from './fake-upstream.support';

const SECRET = 'system-services-int-spec';
const key = (system: string) => ({ 'x-api-key': demoApiKeyOf(SECRET, system) });
const run = Date.now().toString(36).toUpperCase();
const THANH_HOA = oneStopSystemOf('H56');
const HCMC = oneStopSystemOf('H29');
const CODE = '000.00.06.H56-261123-0001';
const lookup = (provider: string, rest = `/${CODE}`) => `/v1/systems/${provider}/services/${DOSSIER_LOOKUP_SERVICE}${rest}`;
/** The legacy system's answer as the connector passes it on: bytes that must reach the client unchanged. */
const LEGACY_ANSWER = '{"error_code":0,"result":{"MaHoSo":"000.00.06.H56-261123-0001","TrangThaiHoSo":4,"ChuHoSo":"Nguyễn Văn An"}}';
const CIRCUIT_OPEN = JSON.stringify({ type: 'https://lienthong.gov.vn/problems/legacy-system-circuit-open', status: 503, system: HCMC, service: DOSSIER_LOOKUP_SERVICE, errorSide: 'provider' });
const EXCHANGE_ID = 'x-lienthong-exchange-id';

/** Plays the connector: HCMC's circuit is open, every other system answers the dossier. */
const connectorAnswer = ({ url }: ForwardedCall): FakeAnswer =>
  url.startsWith(`/systems/${HCMC}/`)
    ? { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '17' }, body: CIRCUIT_OPEN }
    : { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: LEGACY_ANSWER };

describe("gateway: calls of legacy systems' services through the connector, X-Road style (real PostgreSQL, Redis, Kafka)", () => {
  let gateway: TestApp;
  let connector: FakeUpstream;

  const call = (path: string, headers: Record<string, string>, body?: unknown) => request(`${gateway.baseUrl}${path}`, { headers, body });
  const operator = (path: string, init: { method?: string; body?: unknown } = {}) => request(`${gateway.baseUrl}${path}`, { ...init, headers: key(OPERATOR_SYSTEM) });
  const recordOf = (exchangeId: string | null, query: Record<string, string>) => exchangeRecordOf(gateway.baseUrl, key(OPERATOR_SYSTEM), exchangeId, query);

  beforeAll(async () => {
    connector = await startFakeUpstream(connectorAnswer);
    gateway = await startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, CONNECTOR_URL: connector.url })), GATEWAY_BODIES);
  }, 60000);

  afterAll(async () => {
    await gateway?.close();
    await connector?.close();
  });

  it("lets the Ministry of Justice's civil registry look a dossier up in Thanh Hoá's one-stop system, and records the provider and the service", async () => {
    const res = await fetch(`${gateway.baseUrl}${lookup(THANH_HOA)}?lang=vi`, { headers: { ...key(CIVIL_REGISTRY_SYSTEM), 'x-lienthong-user': 'can-bo.ho-tich@moj.gov.vn' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toBe(LEGACY_ANSWER);
    expect(connector.calls.at(-1)).toMatchObject({
      method: 'GET',
      url: `/systems/VN/GOV/000.00.00.H56/MOTCUA/services/${DOSSIER_LOOKUP_SERVICE}/${CODE}?lang=vi`,
      headers: { 'x-lienthong-client': CIVIL_REGISTRY_SYSTEM, 'x-lienthong-user': 'can-bo.ho-tich@moj.gov.vn' },
    });

    const record = await recordOf(res.headers.get(EXCHANGE_ID), { system: CIVIL_REGISTRY_SYSTEM, service: DOSSIER_LOOKUP_SERVICE });
    expect(record).toMatchObject({
      client: CIVIL_REGISTRY_SYSTEM,
      service: DOSSIER_LOOKUP_SERVICE,
      target: THANH_HOA,
      method: 'GET',
      route: '/v1/systems/:instance/:memberClass/:memberCode/:subsystem/services/:service/*path',
      status: 200,
      errorSide: 'none',
      responseBytes: Buffer.byteLength(LEGACY_ANSWER),
    });
  }, RECORD_TIMEOUT_MS);

  it("forwards a lookup by body from a ministry's procedure system and the national portal", async () => {
    for (const client of ['VN/GOV/000.00.00.G01/DVC', NATIONAL_PORTAL_SYSTEM]) {
      const res = await call(lookup(THANH_HOA, ''), key(client), { MaHoSo: CODE });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(JSON.parse(LEGACY_ANSWER));
      expect(connector.calls.at(-1)).toMatchObject({ method: 'POST', url: `/systems/${THANH_HOA}/services/${DOSSIER_LOOKUP_SERVICE}`, body: JSON.stringify({ MaHoSo: CODE }) });
    }
  });

  it('refuses with 403 every system not granted the service, and another service of a granted provider, without calling the connector', async () => {
    const before = connector.calls.length;
    const refusals = [
      [oneStopSystemOf('H26'), lookup(THANH_HOA)],
      ['VN/COM/0100112437/VCB', lookup(THANH_HOA)],
      ['VN/GOV/000.00.00.G01/DANCU', lookup(THANH_HOA)],
      [OPERATOR_SYSTEM, lookup(THANH_HOA)],
      [CIVIL_REGISTRY_SYSTEM, `/v1/systems/${THANH_HOA}/services/dong-bo-ho-so`],
    ];
    for (const [client, path] of refusals) {
      const res = await call(path, key(client));
      expect({ client, path, status: res.status }).toEqual({ client, path, status: 403 });
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const refused = await call(lookup(THANH_HOA), key(oneStopSystemOf('H26')));
    expect(refused.body).toMatchObject({
      permission: 'service:call',
      scope: `${THANH_HOA}/${DOSSIER_LOOKUP_SERVICE}`,
      detail: `${oneStopSystemOf('H26')} holds no service:call grant for service ${DOSSIER_LOOKUP_SERVICE} of ${THANH_HOA}`,
    });
    expect(connector.calls).toHaveLength(before);

    const record = await recordOf(refused.headers.get(EXCHANGE_ID), { system: oneStopSystemOf('H26'), status: '403' });
    expect(record).toMatchObject({ service: DOSSIER_LOOKUP_SERVICE, target: null, errorSide: 'client' });
  }, RECORD_TIMEOUT_MS);

  it("passes the connector's refusal back with its Retry-After, on the provider's side", async () => {
    const res = await call(lookup(HCMC), key(CIVIL_REGISTRY_SYSTEM));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('17');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toEqual(JSON.parse(CIRCUIT_OPEN));
    const record = await recordOf(res.headers.get(EXCHANGE_ID), { system: CIVIL_REGISTRY_SYSTEM, errorSide: 'provider' });
    expect(record).toMatchObject({ service: DOSSIER_LOOKUP_SERVICE, target: HCMC, status: 503, errorSide: 'provider' });
  }, RECORD_TIMEOUT_MS);

  it('answers 400 for a malformed provider or service once the call is granted', async () => {
    const system = `VN/GOV/000.00.07.H56/SVC-${run}`;
    expect((await operator('/v1/operator/systems', { body: { id: system, name: 'Hệ thống thử dịch vụ', kind: 'ministry' } })).status).toBe(201);
    const apiKey = { 'x-api-key': String((await operator(`/v1/operator/systems/${encodeURIComponent(system)}/keys`, { body: {} })).body.apiKey) };
    expect((await operator(`/v1/operator/systems/${encodeURIComponent(system)}/grants`, { body: { permission: 'service:call', scope: '*' } })).status).toBe(201);
    for (const path of ['/v1/systems/vn/GOV/000.00.00.H56/MOTCUA/services/tra-cuu-ho-so', `/v1/systems/${THANH_HOA}/services/TraCuuHoSo`]) {
      const res = await call(path, apiKey);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
  });

  it("grants one provider's services with <provider>/*, checks that a scope fits its permission, and withdraws it", async () => {
    const system = `VN/GOV/000.00.07.H56/SVCSTAR-${run}`;
    const grants = `/v1/operator/systems/${encodeURIComponent(system)}/grants`;
    expect((await operator('/v1/operator/systems', { body: { id: system, name: 'Hệ thống thử dịch vụ', kind: 'ministry' } })).status).toBe(201);
    const apiKey = { 'x-api-key': String((await operator(`/v1/operator/systems/${encodeURIComponent(system)}/keys`, { body: {} })).body.apiKey) };

    const refusals: [unknown, number, string][] = [
      [{ permission: 'service:call', scope: 'H56' }, 422, 'scope-mismatch'],
      [{ permission: 'dossier:read', scope: `${THANH_HOA}/*` }, 422, 'scope-mismatch'],
      [{ permission: 'service:call', scope: `${THANH_HOA}/Tra_Cuu` }, 400, 'invalid-request'],
      [{ permission: 'service:call', scope: 'VN/GOV/H56' }, 400, 'invalid-request'],
      [{ permission: 'service:call', scope: 'VN/GOV/000.00.00.H56/KHONG-CO/*' }, 422, 'unknown-provider'],
    ];
    for (const [body, status, type] of refusals) {
      const res = await operator(grants, { body });
      expect({ body, status: res.status, type: res.body.type }).toEqual({ body, status, type: expect.stringMatching(new RegExp(`/${type}$`)) });
    }

    const scope = `${THANH_HOA}/*`;
    expect((await operator(grants, { body: { permission: 'service:call', scope } })).body).toEqual({ permission: 'service:call', scope });
    expect((await call(lookup(THANH_HOA), apiKey)).status).toBe(200);
    expect((await call(`/v1/systems/${THANH_HOA}/services/another-service`, apiKey)).status).toBe(200);
    expect((await call(lookup(oneStopSystemOf('H26')), apiKey)).status).toBe(403);

    expect((await operator(`${grants}/${encodeURIComponent('service:call')}/${encodeURIComponent(scope)}`, { method: 'DELETE' })).status).toBe(204);
    await waitFor(async () => (await call(lookup(THANH_HOA), apiKey)).status === 403, 'the withdrawn grant to stop working', 10000);
  });
});
