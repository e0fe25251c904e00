import { DataSource } from 'typeorm';
import { DOSSIER_LOOKUP_SERVICE, oneStopSystemOf } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { ConnectorEnv } from '../src/config';
import { FakeOneStop } from './fake-one-stop';

const SEED_SECRET = 'connector-service-calls-test';
const TIMEOUT_MS = 1000;
const MIN_CALLS = 3;
const RESET_MS = 1500;
const CODE = (province: string) => `000.00.06.${province}-261123-0001`;
const record = (province: string) => ({ MaHoSo: CODE(province), MaTTHC: '1.000358', ChuHoSo: 'Nguyễn Văn An', TrangThaiHoSo: '4' });
/** The X-Road REST form the gateway forwards: the system's four id parts, the service, what follows it. */
const servicePath = (province: string, service = DOSSIER_LOOKUP_SERVICE, rest = `/${CODE(province)}`) => `/systems/${oneStopSystemOf(province)}/services/${service}${rest}`;

// the provinces called here (H41, H13, H24, H31) are ones the delivery tests leave alone: no delivery reaches the fake for them meanwhile
describe('connector: calls of legacy services, with timeouts and circuit breakers (real PostgreSQL)', () => {
  const fake = new FakeOneStop(SEED_SECRET);
  let connector: TestApp;
  let db: DataSource;

  const call = (path: string, body?: unknown) => request(`${connector.baseUrl}${path}`, { body });
  const expectProblem = (res: Awaited<ReturnType<typeof call>>, status: number, type: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toMatch(new RegExp(`/${type}$`));
  };

  beforeAll(async () => {
    await fake.start();
    const env = {
      ...process.env,
      ONE_STOP_BASE_URL: fake.baseUrl,
      DEMO_SEED_SECRET: SEED_SECRET,
      SERVICE_CALL_TIMEOUT_MS: String(TIMEOUT_MS),
      BREAKER_MIN_CALLS: String(MIN_CALLS),
      BREAKER_ERROR_PERCENT: '50',
      BREAKER_RESET_MS: String(RESET_MS),
    };
    connector = await startTestApp(AppModule.register(loadConfig(ConnectorEnv, env)));
    db = connector.app.get(DataSource);
  }, 60000);

  afterAll(async () => {
    // the test database outlives runs: no system keeps a limit of this test's
    await db?.query(`UPDATE connector.systems SET call_timeout_ms = NULL`);
    await connector?.close();
    await fake.close();
  }, 30000);

  it("passes the system's answer through, by path or by body, after logging in with the system's session", async () => {
    fake.hold('H41', record('H41'));
    const byPath = await call(servicePath('H41'));
    expect(byPath.status).toBe(200);
    expect(byPath.headers.get('content-type')).toMatch(/^application\/json/);
    expect(byPath.body).toEqual({ error_code: 0, result: record('H41') });
    const byBody = await call(servicePath('H41', DOSSIER_LOOKUP_SERVICE, ''), { MaHoSo: CODE('H41') });
    expect(byBody.status).toBe(200);
    expect(byBody.body).toEqual(byPath.body);
    expect(fake.lookups.filter((l) => l.province === 'H41').map((l) => l.body)).toEqual([
      expect.objectContaining({ service: 'TraCuuHoSo', madonvi: '000.00.06.H41', MaHoSo: CODE('H41'), session: expect.any(String) }),
      expect.objectContaining({ service: 'TraCuuHoSo', madonvi: '000.00.06.H41', MaHoSo: CODE('H41') }),
    ]);
  });

  it("passes the system's refusal through as it came, and logs in again when the system forgot the session", async () => {
    await call(servicePath('H41'));
    const logins = fake.logins.get('H41')!;
    fake.expireSessions();
    const unknown = await call(servicePath('H41', DOSSIER_LOOKUP_SERVICE, '/000.00.06.H41-261123-9999'));
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ error_code: -1, message: 'Không tìm thấy hồ sơ 000.00.06.H41-261123-9999' });
    expect(fake.logins.get('H41')).toBe(logins + 1);
  });

  it('answers 404 for a system that is not connected and for a service the system does not offer, naming both', async () => {
    const system = await call(`/systems/VN/GOV/000.00.00.H99/MOTCUA/services/${DOSSIER_LOOKUP_SERVICE}/${CODE('H41')}`);
    expectProblem(system, 404, 'unknown-legacy-system');
    expect(system.body).toMatchObject({ system: 'VN/GOV/000.00.00.H99/MOTCUA', service: DOSSIER_LOOKUP_SERVICE });
    const service = await call(servicePath('H41', 'dong-bo-ho-so'));
    expectProblem(service, 404, 'unknown-service');
    expect(service.body).toMatchObject({ system: oneStopSystemOf('H41'), service: 'dong-bo-ho-so', detail: expect.stringContaining(`it offers ${DOSSIER_LOOKUP_SERVICE}`) });
  });

  it('answers 400 for a call that does not fit the service, without calling the system', async () => {
    const before = fake.lookups.length;
    for (const res of [await call(servicePath('H41', DOSSIER_LOOKUP_SERVICE, `/${CODE('H41')}/extra`)), await call(servicePath('H41', DOSSIER_LOOKUP_SERVICE, ''))]) {
      expectProblem(res, 400, 'invalid-service-call');
      expect(res.body).toMatchObject({ system: oneStopSystemOf('H41'), service: DOSSIER_LOOKUP_SERVICE });
    }
    expect(fake.lookups).toHaveLength(before);
  });

  it("answers 504 on the provider's side when the system is slower than its timeout, its own or the default", async () => {
    fake.setDelay('H13', 2 * TIMEOUT_MS);
    const late = await call(servicePath('H13'));
    expectProblem(late, 504, 'legacy-system-timeout');
    expect(late.body).toMatchObject({ system: oneStopSystemOf('H13'), service: DOSSIER_LOOKUP_SERVICE, errorSide: 'provider', detail: expect.stringContaining(`within ${TIMEOUT_MS} ms`) });

    await db.query(`UPDATE connector.systems SET call_timeout_ms = 300 WHERE code = $1`, [oneStopSystemOf('H24')]);
    fake.setDelay('H24', 600);
    const own = await call(servicePath('H24'));
    expectProblem(own, 504, 'legacy-system-timeout');
    expect(own.body.detail).toContain('within 300 ms');
    const listed = await call('/systems');
    expect((listed.body.items as Record<string, unknown>[]).find((s) => s.code === oneStopSystemOf('H24'))).toMatchObject({ callTimeoutMs: 300 });
  });

  it('opens the circuit of a failing system: refused at once with 503 and Retry-After, then tried again after the reset timeout', async () => {
    fake.setDown('H31', true);
    for (let i = 0; i < MIN_CALLS; i++) {
      const failed = await call(servicePath('H31'));
      expectProblem(failed, 502, 'legacy-system-unavailable');
      expect(failed.body).toMatchObject({ system: oneStopSystemOf('H31'), service: DOSSIER_LOOKUP_SERVICE, errorSide: 'provider' });
      // the system's internal address is for the logs, not for the client
      expect(JSON.stringify(failed.body)).not.toContain(fake.baseUrl);
    }
    const reached = fake.requests.get('H31');
    const refused = await call(servicePath('H31'));
    expectProblem(refused, 503, 'legacy-system-circuit-open');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(RESET_MS / 1000));
    expect(refused.body).toMatchObject({ system: oneStopSystemOf('H31'), service: DOSSIER_LOOKUP_SERVICE, errorSide: 'provider', retryAfterSeconds: retryAfter });
    expect(fake.requests.get('H31')).toBe(reached);
    // another system's circuit is its own
    fake.hold('H41', record('H41'));
    expect((await call(servicePath('H41'))).status).toBe(200);

    fake.setDown('H31', false);
    fake.hold('H31', record('H31'));
    const recovered = await waitFor(async () => {
      const res = await call(servicePath('H31'));
      return res.status === 200 ? res : undefined;
    }, 'the circuit of H31 to let a call through again', 10000, 100);
    expect(recovered.body).toEqual({ error_code: 0, result: record('H31') });
    expect((await call(servicePath('H31'))).status).toBe(200);
  });
});
