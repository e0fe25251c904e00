import { once } from 'node:events';
import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTransport } from 'nodemailer';
import { demoApiKeyOf, demoLegacyPasswordOf, oneStopSystemOf } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { freePort, request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { LegacySimEnv } from '../src/config';
import { OneStopStore } from '../src/one-stop/one-stop.store';

const SEED = 'lienthong-local-demo';
const run = Date.now().toString(36);
const codeOf = (agency: string, ref: string) => `${agency}-${run}-${ref}`;

interface RecordedPush {
  code: string;
  apiKey: string | undefined;
  body: { status: number; note: string };
  answered: number;
}

/**
 * Plays the gateway: records every status pushed, in batches as the provinces push them, answering each 200 unless
 * given a script of answers for a dossier: a 5xx or 429 answers the whole call so, a 4xx refuses that status alone.
 */
class FakeGateway {
  readonly pushes: RecordedPush[] = [];
  /** The dossier codes of each call, in the order the calls came. */
  readonly calls: string[][] = [];
  private readonly scripts = new Map<string, number[]>();
  private readonly server = createServer((req, res) => void this.answer(req).then(({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))));
  url = '';

  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The HTTP statuses to answer the next pushes of the dossier with, in order; 200 once they run out. */
  script(code: string, answers: number[]): void {
    this.scripts.set(code, [...answers]);
  }

  pushesOf(code: string): RecordedPush[] {
    return this.pushes.filter((p) => p.code === code);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url !== '/v1/dossier-status-batches') return { status: 404, body: {} };
    const { reports } = JSON.parse(Buffer.concat(chunks).toString()) as { reports: (RecordedPush['body'] & { code: string })[] };
    this.calls.push(reports.map((r) => r.code));
    const answers = reports.map(({ code }) => this.scripts.get(code)?.shift() ?? 200);
    const failed = answers.find((answer) => answer >= 500 || answer === 429);
    reports.forEach(({ code, ...body }, k) => this.pushes.push({ code, apiKey: req.headers['x-api-key'] as string | undefined, body, answered: failed ?? answers[k] }));
    if (failed) return { status: failed, body: {} };
    return { status: 200, body: { items: reports.map(({ code, status }, k) => (answers[k] === 200 ? { code, status } : { code, problem: { status: answers[k], title: 'Refused', detail: `${code} refused` } })) } };
  }
}

const dossier = (code: string, overrides: Record<string, unknown> = {}) => ({
  MaHoSo: code,
  MaTTHC: '1.000358',
  TenTTHC: 'Thủ tục cấp giấy phép kinh doanh',
  KenhThucHien: 2,
  ChuHoSo: 'Nguyễn Văn An',
  SoGiayToChuHoSo: '038090001234',
  LoaiDoiTuong: 1,
  Email: 'an.nguyen@example.vn',
  SoDienThoai: '0961234567',
  TrichYeuHoSo: 'Đề nghị gia hạn giấy phép',
  NgayNopHoSo: '20260105083000',
  TrangThaiHoSo: 1,
  DonViXuLy: '000.00.06.H56',
  DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '038090001234' }],
  ...overrides,
});

describe('legacy-sim: simulated one-stop systems and SMTP sink', () => {
  const gateway = new FakeGateway();
  let sim: TestApp;
  let smtpPort: number;
  let closed = false;

  const call = (province: string, service: string, body: unknown) => request(`${sim.baseUrl}/one-stop/${province}/${service}`, { body });
  const login = async (province: string) => {
    const res = await call(province, 'login', { username: 'lienthong', password: demoLegacyPasswordOf(SEED, province) });
    expect(res.body).toMatchObject({ error_code: 0 });
    return res.body.session as string;
  };
  const sync = (province: string, session: string, isUpdating: boolean | string, data: unknown[]) =>
    call(province, 'DongBoHoSoMC', { session, madonvi: `000.00.06.${province}`, service: 'DongBoHoSoMC', isUpdating, data });
  const received = async (province: string, code: string) => {
    const res = await request(`${sim.baseUrl}/control/one-stop/${province}/dossiers`);
    return (res.body.dossiers as unknown as Array<Record<string, unknown> & { MaHoSo: string; pushes: Array<Record<string, unknown>> }>).find((d) => d.MaHoSo === code);
  };

  beforeAll(async () => {
    await gateway.start();
    smtpPort = await freePort();
    const config = loadConfig(LegacySimEnv, { ...process.env, GATEWAY_URL: gateway.url, SMTP_PORT: String(smtpPort), STATUS_PUSH_DELAY_MS: '20', DEMO_SEED_SECRET: SEED });
    sim = await startTestApp(AppModule.register(config));
  }, 30000);

  afterAll(async () => {
    if (!closed) await sim?.close();
    await gateway.close();
  });

  it('opens a session only for the demo credentials of the province', async () => {
    const wrong = await call('H56', 'login', { username: 'lienthong', password: demoLegacyPasswordOf(SEED, 'H26') });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toEqual({ error_code: -1, message: 'Sai tên đăng nhập hoặc mật khẩu' });
    expect(await login('H56')).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses calls without a valid session, and a session of another province', async () => {
    const other = await login('H26');
    for (const session of [undefined, 'made-up', other]) {
      const res = await sync('H56', session as string, false, [dossier(codeOf('000.00.06.H56', 'nosession'))]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ error_code: -2, message: 'Phiên làm việc không hợp lệ' });
    }
  });

  it('creates, refuses a second create as đã tồn tại, updates and looks up a dossier', async () => {
    const session = await login('H56');
    const code = codeOf('000.00.06.H56', 'sync');
    expect((await sync('H56', session, false, [dossier(code)])).body).toEqual({ error_code: 0, message: 'Thành công' });
    expect((await sync('H56', session, false, [dossier(code)])).body).toEqual({ error_code: -1, message: `Hồ sơ ${code} đã tồn tại` });
    expect((await sync('H56', session, 'true', [dossier(code, { TrichYeuHoSo: 'Bổ sung bản sao giấy tờ' })])).body).toMatchObject({ error_code: 0 });
    const missing = await sync('H56', session, false, [dossier(codeOf('000.00.06.H56', 'nottthc'), { MaTTHC: undefined })]);
    expect(missing.body).toMatchObject({ error_code: -1, message: expect.stringContaining('MaTTHC') });

    const found = await call('H56', 'TraCuuHoSo', { session, madonvi: '000.00.06.H56', service: 'TraCuuHoSo', MaHoSo: code });
    expect(found.body).toMatchObject({ error_code: 0, result: { MaHoSo: code, ChuHoSo: 'Nguyễn Văn An', TrichYeuHoSo: 'Bổ sung bản sao giấy tờ' } });
    expect(found.body.result).toHaveProperty('TrangThaiHoSo');
    const unknown = await call('H56', 'TraCuuHoSo', { session, service: 'TraCuuHoSo', MaHoSo: codeOf('000.00.06.H56', 'none') });
    expect(unknown.body).toMatchObject({ error_code: -1 });
    expect(await received('H56', code)).toMatchObject({ timesReceived: 3 });
  });

  it('pushes status 2 then 4 through the gateway with the province API key', async () => {
    const code = codeOf('000.00.06.H56', 'push');
    await sync('H56', await login('H56'), false, [dossier(code)]);
    const pushes = await waitFor(() => gateway.pushesOf(code).length >= 2 && gateway.pushesOf(code), 'two status pushes');
    expect(pushes.map((p) => p.body)).toEqual([
      { status: 2, note: 'Tiếp nhận hồ sơ' },
      { status: 4, note: 'Đang xử lý' },
    ]);
    expect(pushes.every((p) => p.apiKey === demoApiKeyOf(SEED, oneStopSystemOf('H56')))).toBe(true);
    await waitFor(async () => (await received('H56', code))?.pushes.every((p) => p.outcome === 'delivered'), 'pushes recorded as delivered');
    const looked = await call('H56', 'TraCuuHoSo', { session: await login('H56'), MaHoSo: code });
    expect(looked.body).toMatchObject({ result: { TrangThaiHoSo: 4 } });
  });

  it('retries pushes the gateway answers 503 until they arrive, keeping their order', async () => {
    const code = codeOf('000.00.06.H26', 'retry');
    gateway.script(code, [503, 503, 503]);
    await sync('H26', await login('H26'), false, [dossier(code, { DonViXuLy: '000.00.06.H26' })]);
    await waitFor(() => gateway.pushesOf(code).filter((p) => p.answered === 200).length === 2, 'both pushes delivered', 20000);
    expect(gateway.pushesOf(code).map((p) => `${p.body.status}:${p.answered}`)).toEqual(['2:503', '2:503', '2:503', '2:200', '4:200']);
    const pushes = (await waitFor(async () => {
      const d = await received('H26', code);
      return d?.pushes.every((p) => p.outcome === 'delivered') && d.pushes;
    }, 'pushes recorded as delivered')) as Array<Record<string, unknown>>;
    expect(pushes.map((p) => [p.status, p.attempts])).toEqual([
      [2, 4],
      [4, 1],
    ]);
  }, 30000);

  it('pushes the statuses due together in one call, one call at a time', async () => {
    const [slow, ...others] = ['batch-slow', 'batch-a', 'batch-b'].map((ref) => codeOf('000.00.06.H21', ref));
    // while the first call is retried, the others come due and wait for the next
    gateway.script(slow, [503, 503]);
    const session = await login('H21');
    await sync('H21', session, false, [dossier(slow, { DonViXuLy: '000.00.06.H21' })]);
    await waitFor(() => gateway.pushesOf(slow).length >= 1, 'the first call');
    await sync('H21', session, false, others.map((code) => dossier(code, { DonViXuLy: '000.00.06.H21' })));
    await waitFor(() => [slow, ...others].every((code) => gateway.pushesOf(code).filter((p) => p.answered === 200).length === 2), 'every status delivered', 20000);
    const calls = gateway.calls.filter((codes) => codes.some((code) => [slow, ...others].includes(code)));
    expect(calls.slice(0, 3)).toEqual([[slow], [slow], [slow]]);
    expect(calls.some((codes) => codes.length > 1)).toBe(true);
    expect(calls.flat().sort()).toEqual([slow, slow, slow, slow, ...others, ...others].sort());
    for (const code of [slow, ...others]) expect((await received('H21', code))?.pushes.map((p) => [p.status, p.outcome])).toEqual([[2, 'delivered'], [4, 'delivered']]);
  }, 30000);

  it('stops at a push the gateway refuses with a 4xx, never pushing 4 before 2 arrived', async () => {
    const code = codeOf('000.00.06.H56', 'refused');
    gateway.script(code, [409]);
    await sync('H56', await login('H56'), false, [dossier(code)]);
    const pushes = await waitFor(async () => {
      const d = await received('H56', code);
      return d?.pushes[0]?.outcome === 'refused' && d.pushes;
    }, 'push refused');
    expect(pushes).toEqual([expect.objectContaining({ status: 2, attempts: 1, lastHttpStatus: 409 })]);
    expect(gateway.pushesOf(code)).toHaveLength(1);
  });

  it('plays a pull-only province: reaches its statuses without pushing them, and TraCuuHoSo answers the current one', async () => {
    const code = codeOf('000.00.06.H31', 'pull');
    const statusPush = (enabled: boolean) => request(`${sim.baseUrl}/control/one-stop/H31/status-push`, { method: 'PUT', body: { enabled } });
    expect((await statusPush(false)).body).toEqual({ province: 'H31', statusPush: false });
    const session = await login('H31');
    await sync('H31', session, false, [dossier(code, { DonViXuLy: '000.00.06.H31' })]);
    const held = await waitFor(async () => {
      const d = await received('H31', code);
      return d?.status === 4 && d;
    }, 'status 4 reached');
    expect(held.pushes.map((p) => [p.status, p.outcome])).toEqual([[2, 'not-pushed'], [4, 'not-pushed']]);
    expect(gateway.pushesOf(code)).toEqual([]);
    const lookUp = async () => (await call('H31', 'TraCuuHoSo', { session, MaHoSo: code })).body;
    expect(await lookUp()).toMatchObject({ error_code: 0, result: { MaHoSo: code, TrangThaiHoSo: 4 } });

    const set = await request(`${sim.baseUrl}/control/one-stop/H31/dossiers/${encodeURIComponent(code)}/status`, { method: 'PUT', body: { status: 'releasing' } });
    expect(set.body).toEqual({ province: 'H31', MaHoSo: code, status: 'releasing' });
    expect(await lookUp()).toMatchObject({ result: { TrangThaiHoSo: 'releasing' } });
    expect((await request(`${sim.baseUrl}/control/one-stop/H31/dossiers`)).body).toMatchObject({ statusPush: false });

    await statusPush(true);
    const pushed = codeOf('000.00.06.H31', 'pushed-again');
    await sync('H31', session, false, [dossier(pushed, { DonViXuLy: '000.00.06.H31' })]);
    await waitFor(() => gateway.pushesOf(pushed).length === 2, 'pushes once switched on again');
  });

  it('answers 503 while switched down, every second call while flaky, and normally again after', async () => {
    const session = await login('H29');
    const fault = (mode: string) => request(`${sim.baseUrl}/control/one-stop/H29/fault`, { method: 'PUT', body: { mode } });
    expect((await fault('down')).body).toEqual({ province: 'H29', fault: 'down' });
    const down = await call('H29', 'TraCuuHoSo', { session, MaHoSo: 'x' });
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await call('H56', 'login', {})).status).toBe(200);
    await fault('flaky');
    const flaky = [await call('H29', 'TraCuuHoSo', { session, MaHoSo: 'x' }), await call('H29', 'TraCuuHoSo', { session, MaHoSo: 'x' })];
    expect(flaky.map((r) => r.status)).toEqual([200, 503]);
    await fault('none');
    expect((await call('H29', 'TraCuuHoSo', { session, MaHoSo: 'x' })).status).toBe(200);
  });

  it.each([
    ['an unknown province', 'PUT', '/control/one-stop/H99/fault', { mode: 'down' }, 404],
    ['a one-stop call to an unknown province', 'POST', '/one-stop/X1/login', {}, 404],
    ['an unknown fault mode', 'PUT', '/control/one-stop/H56/fault', { mode: 'broken' }, 400],
    ['a status push switch that is no boolean', 'PUT', '/control/one-stop/H56/status-push', { enabled: 'no' }, 400],
    ['a status of a dossier the province does not hold', 'PUT', '/control/one-stop/H56/dossiers/nowhere/status', { status: 4 }, 404],
    ['a status that is none', 'PUT', '/control/one-stop/H56/dossiers/nowhere/status', { status: 11 }, 400],
  ])('refuses %s with problem+json', async (_what, method, path, body, status) => {
    const res = await request(`${sim.baseUrl}${path}`, { method, body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('keeps an e-mail sent to the SMTP sink, Vietnamese subject intact', async () => {
    const mailer = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const subject = `Hồ sơ ${run} đã được tiếp nhận`;
    await mailer.sendMail({ from: 'Lienthong <noreply@lienthong.gov.vn>', to: `an.nguyen.${run}@example.vn`, subject, text: 'Kính gửi ông Nguyễn Văn An', html: '<p>Kính gửi</p>' });
    mailer.close();
    const res = await request(`${sim.baseUrl}/smtp/messages?to=${encodeURIComponent(`nguyen.${run}`)}&subject=${encodeURIComponent('tiếp nhận')}`);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ subject, to: [`an.nguyen.${run}@example.vn`], text: expect.stringContaining('Nguyễn Văn An'), from: expect.stringContaining('noreply@lienthong.gov.vn') });
    expect((await request(`${sim.baseUrl}/smtp/messages?subject=${encodeURIComponent('không có')}`)).body).toEqual([]);
    expect((await request(`${sim.baseUrl}/smtp/messages`, { method: 'DELETE' })).status).toBe(204);
    expect((await request(`${sim.baseUrl}/smtp/messages`)).body).toEqual([]);
  });

  it('abandons pushes still retrying when it shuts down', async () => {
    const code = codeOf('000.00.06.H60', 'shutdown');
    gateway.script(code, Array<number>(1000).fill(503));
    await sync('H60', await login('H60'), false, [dossier(code, { DonViXuLy: '000.00.06.H60' })]);
    await waitFor(() => gateway.pushesOf(code).length >= 2, 'retries under way');
    const store = sim.app.get(OneStopStore);
    closed = true;
    await sim.close();
    expect(store.find('H60', code)?.pushes).toEqual([expect.objectContaining({ status: 2, outcome: 'abandoned' })]);
  });
});
