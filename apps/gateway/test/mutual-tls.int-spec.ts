import { createHash, X509Certificate } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Agent } from 'undici';
import { demoApiKeyOf, OPERATOR_SYSTEM } from '@lienthong/domain-registry';
import { ConfigInvalidError, loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GatewayEnv } from '../src/config';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { httpsOptionsOf } from '../src/https-options';
import { FakeUpstream, lastClient, startFakeUpstream } from './fake-upstream.support';
import { EXPIRED_CERTIFICATE, Issued, TestPki } from './test-pki.support';

const SECRET = 'mutual-tls-int-spec';
const OPERATOR = { 'x-api-key': demoApiKeyOf(SECRET, OPERATOR_SYSTEM) };
const run = Date.now().toString(36).toUpperCase();
// a unit of Thanh Hóa (000.00.07.H56) with a subsystem of its own per run: the test database outlives runs
const SYSTEM = `VN/GOV/000.00.07.H56/MTLS-${run}`;
const systemPath = (rest = '') => `/v1/operator/systems/${encodeURIComponent(SYSTEM)}${rest}`;
const DOSSIER = '000.00.06.H56-261123-0001';
/** What the issue asks: a revoked certificate or a suspended system is refused within seconds. */
const REFUSED_WITHIN_MS = 5000;
const sha256OfDer = (pem: string) => createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');

describe('gateway: mutual TLS, a registered client certificate stands for its system (real PostgreSQL and Redis)', () => {
  const pki = new TestPki();
  const clientCa = pki.authority('lienthong-test-client-ca');
  const otherCa = pki.authority('some-other-ca');
  const agents: Agent[] = [];
  let upstream: FakeUpstream;
  let first: TestApp;
  let second: TestApp;
  let env: NodeJS.ProcessEnv;

  /** A client trusting the test CA (which issued the gateway's certificate), presenting `identity` if given; it keeps its connections open. */
  const agentOf = (identity?: Issued) => {
    const agent = new Agent({ connect: { ca: clientCa.cert, ...(identity ? { cert: identity.cert, key: identity.key } : {}) } });
    agents.push(agent);
    return agent;
  };
  const noCertificate = agentOf();
  const operator = (path: string, init: { method?: string; body?: unknown } = {}) => request(`${first.baseUrl}${path}`, { ...init, headers: OPERATOR, dispatcher: noCertificate });
  const readProcedures = (gateway: TestApp, agent: Agent) => request(`${gateway.baseUrl}/v1/procedures`, { dispatcher: agent });
  /** Polls every instance at once: each must refuse within the deadline counted from the change. */
  const refusedEverywhere = (agent: Agent, what: string) =>
    Promise.all([first, second].map((gateway) => waitFor(async () => (await readProcedures(gateway, agent)).status === 401, what, REFUSED_WITHIN_MS)));
  const auditOf = (action: string): Promise<{ details: Record<string, unknown> }[]> =>
    first.app.get(DataSource).query(`SELECT details FROM gateway.audit_log WHERE subject = $1 AND action = $2 ORDER BY seq`, [SYSTEM, action]);

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    const server = pki.issue(clientCa, 'gateway', 'server');
    env = {
      ...process.env,
      DEMO_SEED_SECRET: SECRET,
      INTAKE_URL: upstream.url,
      CATALOGUE_URL: upstream.url,
      GATEWAY_TLS_CERT_FILE: server.certFile,
      GATEWAY_TLS_KEY_FILE: server.keyFile,
      GATEWAY_TLS_CLIENT_CA_FILE: clientCa.certFile,
    };
    const config = loadConfig(GatewayEnv, env);
    const boot = () => startTestApp(AppModule.register(config), { ...GATEWAY_BODIES, https: httpsOptionsOf(config) });
    first = await boot();
    second = await boot();
    expect((await operator('/v1/operator/systems', { body: { id: SYSTEM, name: 'Hệ thống thử mTLS', kind: 'one-stop' } })).status).toBe(201);
    expect((await operator(systemPath('/grants'), { body: { permission: 'procedure:read', scope: '*' } })).status).toBe(201);
  }, 90000);

  afterAll(async () => {
    pki.remove();
    await Promise.all(agents.map((agent) => agent.close()));
    await first?.close();
    await second?.close();
    await upstream?.close();
  }, 30000);

  it('stops the boot naming the variable when the TLS files are incomplete, missing or not what they say', () => {
    expect(() => loadConfig(GatewayEnv, { GATEWAY_TLS_CERT_FILE: env.GATEWAY_TLS_CERT_FILE })).toThrow(/GATEWAY_TLS_KEY_FILE/);
    expect(() => loadConfig(GatewayEnv, { GATEWAY_TLS_CLIENT_CA_FILE: clientCa.certFile })).toThrow(/GATEWAY_TLS_CERT_FILE/);
    const httpsWith = (files: Record<string, string>) => () => httpsOptionsOf(loadConfig(GatewayEnv, { ...env, ...files }));
    expect(httpsWith({ GATEWAY_TLS_CERT_FILE: '/nonexistent/gateway.pem' })).toThrow(ConfigInvalidError);
    expect(httpsWith({ GATEWAY_TLS_CERT_FILE: clientCa.keyFile })).toThrow(/GATEWAY_TLS_CERT_FILE/);
    expect(httpsWith({ GATEWAY_TLS_KEY_FILE: clientCa.certFile })).toThrow(/GATEWAY_TLS_KEY_FILE/);
    expect(httpsWith({ GATEWAY_TLS_KEY_FILE: clientCa.keyFile })).toThrow(/GATEWAY_TLS_KEY_FILE: not the private key/);
    expect(httpsWith({ GATEWAY_TLS_CLIENT_CA_FILE: clientCa.keyFile })).toThrow(/GATEWAY_TLS_CLIENT_CA_FILE/);
    expect(httpsOptionsOf(loadConfig(GatewayEnv, { ...env, GATEWAY_TLS_CLIENT_CA_FILE: undefined }))).not.toHaveProperty('requestCert');
  });

  it('serves HTTPS on which API keys still work, with or without a client certificate', async () => {
    expect(first.baseUrl).toMatch(/^https:/);
    expect((await request(`${first.baseUrl}/v1/procedures`, { headers: OPERATOR, dispatcher: noCertificate })).status).toBe(403);
    expect((await request(`${first.baseUrl}${systemPath()}`, { headers: OPERATOR, dispatcher: noCertificate })).status).toBe(200);
    // a credential sent with the request wins over the connection's certificate, even one nobody trusts
    expect((await request(`${first.baseUrl}${systemPath()}`, { headers: OPERATOR, dispatcher: agentOf(pki.issue(otherCa, 'foreign-with-key')) })).status).toBe(200);
    const none = await request(`${first.baseUrl}/v1/procedures`, { dispatcher: noCertificate });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ type: expect.stringMatching(/missing-credentials$/) });
  });

  it('registers a certificate through the operator API, audited, and refuses what cannot stand for a system', async () => {
    const certificate = pki.issue(clientCa, 'mtls-registered').cert;
    const registered = await operator(systemPath('/certificates'), { body: { certificate } });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ fingerprint: sha256OfDer(certificate), systemId: SYSTEM, subject: 'CN=mtls-registered', issuer: 'CN=lienthong-test-client-ca', revokedAt: null });
    expect(Date.parse(String(registered.body.notAfter))).toBeGreaterThan(Date.now());
    expect((await operator(systemPath())).body.certificates).toEqual([registered.body]);
    expect((await auditOf('client-certificate.registered')).map((e) => e.details)).toEqual([
      { fingerprint: registered.body.fingerprint, subject: 'CN=mtls-registered', notAfter: registered.body.notAfter },
    ]);

    const refusal = async (body: unknown, path = systemPath('/certificates')) => {
      const res = await operator(path, { body });
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      return { status: res.status, type: String(res.body.type).split('/').pop() };
    };
    expect(await refusal({ certificate })).toEqual({ status: 409, type: 'certificate-exists' });
    expect(await refusal({ certificate: clientCa.cert })).toEqual({ status: 422, type: 'invalid-certificate' });
    expect(await refusal({ certificate: EXPIRED_CERTIFICATE })).toEqual({ status: 422, type: 'certificate-expired' });
    expect(await refusal({ certificate: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n' })).toEqual({ status: 422, type: 'invalid-certificate' });
    // the private key never reaches the registry, not even by mistake
    expect(await refusal({ certificate: `${certificate}${clientCa.key}` })).toEqual({ status: 400, type: 'invalid-request' });
    expect(await refusal({})).toEqual({ status: 400, type: 'invalid-request' });
    expect(await refusal({ certificate }, `/v1/operator/systems/${encodeURIComponent('VN/GOV/000.00.07.H56/NOBODY')}/certificates`)).toEqual({ status: 404, type: 'unknown-system' });
    expect((await auditOf('client-certificate.registered')).length).toBe(1);
  });

  it("authenticates a registered certificate as its system on every instance, and the system's grants apply", async () => {
    const identity = pki.issue(clientCa, 'mtls-granted');
    expect((await operator(systemPath('/certificates'), { body: { certificate: identity.cert } })).status).toBe(201);
    const agent = agentOf(identity);
    for (const gateway of [first, second]) {
      expect((await readProcedures(gateway, agent)).status).toBe(200);
      expect(lastClient(upstream)).toBe(SYSTEM);
      const ungranted = await request(`${gateway.baseUrl}/v1/dossiers/${DOSSIER}`, { dispatcher: agent });
      expect(ungranted.status).toBe(403);
      expect(ungranted.body).toMatchObject({ permission: 'dossier:read', detail: expect.stringContaining(SYSTEM) });
    }
  });

  it('refuses an unregistered certificate of the client CA and a certificate of another CA with 401 problem+json', async () => {
    const unregistered = await readProcedures(first, agentOf(pki.issue(clientCa, 'mtls-unregistered')));
    expect(unregistered.status).toBe(401);
    expect(unregistered.headers.get('content-type')).toMatch(/problem\+json/);
    expect(unregistered.body.detail).toMatch(/not registered/);
    const foreign = await readProcedures(first, agentOf(pki.issue(otherCa, 'mtls-foreign')));
    expect(foreign.status).toBe(401);
    expect(foreign.headers.get('content-type')).toMatch(/problem\+json/);
    expect(foreign.body.detail).toMatch(/not trusted/);
  });

  it('refuses a revoked certificate on every instance within seconds, on connections kept open', async () => {
    const identity = pki.issue(clientCa, 'mtls-revoked');
    const fingerprint = String((await operator(systemPath('/certificates'), { body: { certificate: identity.cert } })).body.fingerprint);
    const agent = agentOf(identity);
    for (const gateway of [first, second]) expect((await readProcedures(gateway, agent)).status).toBe(200);

    const revoked = await operator(systemPath(`/certificates/${fingerprint}`), { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ fingerprint, revokedAt: expect.any(String) });
    await refusedEverywhere(agent, 'the revoked certificate refused');
    expect((await auditOf('client-certificate.revoked')).map((e) => e.details)).toEqual([{ fingerprint, subject: 'CN=mtls-revoked' }]);

    expect((await operator(systemPath(`/certificates/${fingerprint}`), { method: 'DELETE' })).status).toBe(409);
    expect((await operator(systemPath(`/certificates/${'0'.repeat(64)}`), { method: 'DELETE' })).status).toBe(404);
    expect((await operator(systemPath(`/certificates/${fingerprint.toUpperCase()}`), { method: 'DELETE' })).status).toBe(400);
    // revoked for good: registering it again is refused
    expect((await operator(systemPath('/certificates'), { body: { certificate: identity.cert } })).status).toBe(409);
  });

  it("refuses a suspended system's certificate on every instance within seconds", async () => {
    const identity = pki.issue(clientCa, 'mtls-suspended');
    expect((await operator(systemPath('/certificates'), { body: { certificate: identity.cert } })).status).toBe(201);
    const agent = agentOf(identity);
    for (const gateway of [first, second]) expect((await readProcedures(gateway, agent)).status).toBe(200);

    expect((await operator(systemPath('/suspend'), { body: { reason: 'mutual TLS test' } })).status).toBe(200);
    await refusedEverywhere(agent, 'the suspended system refused');
  });
});
