import { demoApiKeyOf, demoClientSecretOf, oneStopSystemOf } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GatewayEnv } from '../src/config';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { FakeUpstream, lastClient, startFakeUpstream } from './fake-upstream.support';

const SECRET = 'gateway-dvcqg-compat-int-spec';
const THANH_HOA = oneStopSystemOf('H56');
const H56_DOSSIER = '000.00.06.H56-261123-0001';
const H26_DOSSIER = '000.00.06.H26-261123-0001';
const INTAKE_ANSWER = { error_code: 0, message: 'Thành công' };

/** A DongBoHoSoMC call as one-stop software sends it, the session in the body. */
const syncOf = (session: string, ...codes: string[]) => ({
  session,
  madonvi: '000.00.06.H56',
  service: 'DongBoHoSoMC',
  isUpdating: 'false',
  data: codes.map((MaHoSo) => ({ MaHoSo, MaTTHC: '1.001234', TrangThaiHoSo: '1', NgayNopHoSo: '20261123081500' })),
});

describe('gateway: the DVCQG dialect (login, session in the body, error_code answers) in front of intake', () => {
  let gateway: TestApp;
  let upstream: FakeUpstream;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => request(`${gateway.baseUrl}/v1/compat/dvcqg/${path}`, { body, headers });
  const login = async (username = THANH_HOA, password = demoClientSecretOf(SECRET, THANH_HOA)) => (await post('login', { username, password })).body;

  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({ status: 200, body: INTAKE_ANSWER }));
    gateway = await startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, INTAKE_URL: upstream.url })), GATEWAY_BODIES);
  }, 60000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('logs in with the system id and a client secret, answering a session', async () => {
    const answer = await login();
    expect(answer).toMatchObject({ error_code: 0, message: 'Thành công', expires_in: expect.any(Number) });
    expect(answer.session).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it.each([
    ['a wrong password', { username: THANH_HOA, password: 'not-the-secret' }],
    ['an unknown system', { username: 'VN/GOV/000.00.00.H99/MOTCUA', password: 'whatever' }],
    ['no password', { username: THANH_HOA }],
    ['no object at all', ['login']],
  ])('refuses a login with %s in the dialect, HTTP 200 and error_code -1', async (_case, body) => {
    const res = await post('login', body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ error_code: -1, message: 'Sai tên đăng nhập hoặc mật khẩu' });
  });

  it("forwards a call carrying the session to intake's compat API, without the session, naming the caller", async () => {
    const { session } = await login();
    const res = await post('DongBoHoSoMC', syncOf(session as string, H56_DOSSIER));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(INTAKE_ANSWER);
    const forwarded = upstream.calls.at(-1)!;
    expect(forwarded.url).toBe('/compat/dvcqg/DongBoHoSoMC');
    expect(lastClient(upstream)).toBe(THANH_HOA);
    const body = JSON.parse(forwarded.body);
    expect(body).not.toHaveProperty('session');
    expect(body).toMatchObject({ madonvi: '000.00.06.H56', data: [{ MaHoSo: H56_DOSSIER }] });
  });

  it('takes the credentials of the canonical API as well (an API key header)', async () => {
    const res = await post('TraCuuHoSo', { MaHoSo: H56_DOSSIER }, { 'x-api-key': demoApiKeyOf(SECRET, THANH_HOA) });
    expect(res.body).toEqual(INTAKE_ANSWER);
    expect(upstream.calls.at(-1)!.url).toBe('/compat/dvcqg/TraCuuHoSo');
  });

  it.each([
    ['no session', undefined],
    ['a session that is no token', 'not-a-session'],
    ['a tampered session', 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('answers %s with error_code -2, which sends the client back to log in, and forwards nothing', async (_case, session) => {
    const before = upstream.calls.length;
    const res = await post('CapNhatTienDoHoSoMC', { session, data: [{ MaHoSo: H56_DOSSIER }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ error_code: -2, message: 'Phiên làm việc không hợp lệ', problem: { status: 401 } });
    expect(upstream.calls.length).toBe(before);
  });

  it("refuses with error_code -1 a dossier of another province, or a call spanning two, naming the grant it lacks", async () => {
    const { session } = await login();
    const before = upstream.calls.length;
    for (const body of [syncOf(session as string, H26_DOSSIER), syncOf(session as string, H56_DOSSIER, H26_DOSSIER)]) {
      const res = await post('DongBoHoSoMC', body);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ error_code: -1, problem: { status: 403, permission: 'dossier:submit' } });
      expect(res.body.message).toContain(THANH_HOA);
    }
    expect(upstream.calls.length).toBe(before);
  });
});
