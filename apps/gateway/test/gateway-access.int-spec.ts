import { demoApiKeyOf, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { GatewayEnv } from '../src/config';
import { FakeUpstream, startFakeUpstream } from './fake-upstream.support';

const SECRET = 'gateway-int-spec';
const key = (system: string) => ({ 'x-api-key': demoApiKeyOf(SECRET, system) });
const PORTAL = key(NATIONAL_PORTAL_SYSTEM);
const THANH_HOA = key(oneStopSystemOf('H56'));
const HA_NOI = key(oneStopSystemOf('H26'));
const CODE = '000.00.06.H56-261123-0001';

describe('gateway: authentication, deny-by-default grants, province scope (real PostgreSQL and Redis)', () => {
  let gateway: TestApp;
  let upstream: FakeUpstream;
  const last = () => upstream.calls.at(-1)!;

  beforeAll(async () => {
    upstream = await startFakeUpstream(({ method, url }) => (method === 'POST' && url === '/dossiers' ? { status: 201, headers: { location: `/v1/dossiers/${CODE}` }, body: { code: CODE } } : { status: 200, body: { code: CODE } }));
    gateway = await startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, INTAKE_URL: upstream.url })), GATEWAY_BODIES);
  }, 60000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('refuses a call without credentials or with an unknown key (401 problem+json), forwarding nothing', async () => {
    const before = upstream.calls.length;
    const none = await request(`${gateway.baseUrl}/v1/dossiers/${CODE}`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await request(`${gateway.baseUrl}/v1/dossiers/${CODE}`, { headers: { 'x-api-key': 'lt_forged' } })).status).toBe(401);
    expect(upstream.calls.length).toBe(before);
  });

  it('forwards a granted call naming the authenticated system and the URL called, never what a client claims', async () => {
    const res = await request(`${gateway.baseUrl}/v1/dossiers`, {
      headers: { ...PORTAL, 'x-lienthong-client': 'VN/GOV/000.00.00.H26/MOTCUA', 'x-lienthong-user': 'citizen-42', 'x-lienthong-instance': '/forged' },
      body: { agencyCode: '000.00.06.H56', summary: 'Hồ sơ' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/dossiers/${CODE}`);
    expect(last()).toMatchObject({ method: 'POST', url: '/dossiers' });
    expect(last().headers['x-lienthong-client']).toBe(NATIONAL_PORTAL_SYSTEM);
    expect(last().headers['x-lienthong-user']).toBe('citizen-42');
    expect(last().headers['x-lienthong-instance']).toBe('/v1/dossiers');
    expect(JSON.parse(last().body)).toEqual({ agencyCode: '000.00.06.H56', summary: 'Hồ sơ' });
  });

  it("lets a province read and update its own dossiers and nobody else's", async () => {
    expect((await request(`${gateway.baseUrl}/v1/dossiers/${CODE}`, { headers: THANH_HOA })).status).toBe(200);
    expect((await request(`${gateway.baseUrl}/v1/dossiers/${CODE}/status`, { headers: THANH_HOA, body: { status: 2 } })).status).toBe(200);
    expect(last()).toMatchObject({ method: 'POST', url: `/dossiers/${CODE}/status` });
    const foreign = await request(`${gateway.baseUrl}/v1/dossiers/${CODE}/status`, { headers: HA_NOI, body: { status: 2 } });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ permission: 'dossier:update-status', scope: 'H56' });
    expect((await request(`${gateway.baseUrl}/v1/dossiers/${CODE}`, { headers: HA_NOI })).status).toBe(403);
  });

  it("denies what is not granted: a province cannot submit to another province's agency, the portal cannot update statuses", async () => {
    expect((await request(`${gateway.baseUrl}/v1/dossiers`, { headers: THANH_HOA, body: { agencyCode: '000.00.06.H26' } })).status).toBe(403);
    expect((await request(`${gateway.baseUrl}/v1/dossiers/${CODE}/status`, { headers: PORTAL, body: { status: 4 } })).status).toBe(403);
  });

  it('sets rate-limit headers on granted calls', async () => {
    const res = await request(`${gateway.baseUrl}/v1/dossiers/${CODE}`, { headers: PORTAL });
    expect(Number(res.headers.get('ratelimit-limit'))).toBeGreaterThan(0);
    expect(res.headers.get('ratelimit-remaining')).not.toBeNull();
  });

  it('answers malformed JSON, other media types and oversize bodies itself with 4xx', async () => {
    const before = upstream.calls.length;
    expect((await request(`${gateway.baseUrl}/v1/dossiers`, { headers: PORTAL, body: '{"x": ' })).status).toBe(400);
    expect((await request(`${gateway.baseUrl}/v1/dossiers`, { headers: { ...PORTAL, 'content-type': 'text/plain' }, body: 'hello' })).status).toBe(415);
    expect((await request(`${gateway.baseUrl}/v1/dossiers`, { headers: PORTAL, body: { summary: 'x'.repeat(2 * 1024 * 1024) } })).status).toBe(413);
    expect(upstream.calls.length).toBe(before);
  });

  /** How a gateway in front of `intakeUrl` answers a dossier read: a provider's failure is the provider's, and says which. */
  async function readThrough(intakeUrl: string, env: Record<string, string> = {}) {
    const through = await startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, INTAKE_URL: intakeUrl, ...env })), GATEWAY_BODIES);
    try {
      const res = await request(`${through.baseUrl}/v1/dossiers/${CODE}`, { headers: PORTAL });
      expect(res.body).toMatchObject({ errorSide: 'provider', upstream: 'intake' });
      return res.status;
    } finally {
      await through.close();
    }
  }

  it('answers 504 on the provider side when the service does not answer within UPSTREAM_TIMEOUT_MS', async () => {
    const slow = await startFakeUpstream(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { status: 200, body: { code: CODE } };
    });
    try {
      expect(await readThrough(slow.url, { UPSTREAM_TIMEOUT_MS: '300' })).toBe(504);
    } finally {
      await slow.close();
    }
  });

  it('attributes an unreachable service to the provider side (502 problem+json)', async () => {
    expect(await readThrough('http://127.0.0.1:9')).toBe(502);
  });
});
