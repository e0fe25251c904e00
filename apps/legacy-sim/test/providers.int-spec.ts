import { formatLegacyDate, PROVINCES } from '@lienthong/domain-dossier';
import { demoPaymentProviders, isAuthenticPlatformMessage, PaymentProvider, signPlatformMessage } from '@lienthong/domain-payment';
import { demoApiKeyOf, demoPaymentKeyOf, participantCatalogue } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { freePort, RecordingServer, request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { LegacySimEnv } from '../src/config';
import { LEGACY_SIM_BODIES } from '../src/http-bodies';

const SEED = 'providers-int-spec-seed';
const run = Date.now().toString(36);
const PUBLIC_URL = 'http://sim.example';
const providers = new Map(demoPaymentProviders(participantCatalogue(PROVINCES)).map((p) => [p.code, p]));
const provider = (code: string) => providers.get(code)!;
const keyOf = (p: PaymentProvider) => demoPaymentKeyOf(SEED, p.systemId);

interface ReceivedCallback {
  apiKey: string | undefined;
  body: Record<string, string>;
}

/** Plays the gateway: keeps every callback, answering each with the next status of its script (200 once it runs out). */
class FakeGateway extends RecordingServer {
  readonly answers: number[] = [];

  constructor() {
    super(({ path }) => (path !== '/v1/payments/callbacks' ? 404 : (this.answers.shift() ?? 200)));
  }

  of(reference: string): ReceivedCallback[] {
    return this.calls.filter((c) => c.body.MaThamChieu === reference);
  }

  /** Every callback, whatever it was answered. */
  get calls(): ReceivedCallback[] {
    return this.requests.filter((r) => r.path === '/v1/payments/callbacks').map((r) => ({ apiKey: r.headers['x-api-key'] as string | undefined, body: r.body as Record<string, string> }));
  }
}

describe('legacy-sim: the payment platform, banks and intermediaries (their messages, pages, callbacks and faults)', () => {
  const gateway = new FakeGateway();
  let sim: TestApp;
  let references = 0;

  /** A signed INIT to the provider, for a reference of this run; answers what the provider answered. */
  async function init(code: string, amount = 150000, key = keyOf(provider(code))) {
    references += 1;
    const message = {
      LoaiBanTin: 'INIT', PhienBan: '1.0.6', MaDoiTac: 'LIENTHONG', MaThamChieu: `dvc${run}${references}`, SoTien: amount, LoaiHinhThanhToan: 'PAY', MaKenhThanhToan: '1',
      MaThietBi: '1', NgonNgu: 'vi-VN', MaTienTe: 'VND', MaNganHang: code, ThongTinGiaoDich: 'THANH TOAN HO SO 000.00.06.H56-261203-0001', ThoiGianGD: formatLegacyDate(new Date()), Ip: '127.0.0.1',
    };
    const res = await request(`${sim.baseUrl}/providers/${code}/init`, { body: signPlatformMessage('INIT', message, key, provider(code).scheme) });
    return { reference: message.MaThamChieu, answer: res.body as Record<string, string> };
  }
  const pay = (code: string, reference: string, outcome = 'paid') => request(`${sim.baseUrl}/providers/pay`, { body: { provider: code, reference, outcome } });
  const fault = (code: string, mode: string) => request(`${sim.baseUrl}/control/providers/${code}/fault`, { method: 'PUT', body: { mode } });
  const signed = (code: string, kind: 'QUERY' | 'GET_BILL', reference: string) =>
    signPlatformMessage(kind, { LoaiBanTin: kind, PhienBan: '1.0.6', MaDoiTac: 'LIENTHONG', MaThamChieu: reference, ThoiGianGD: formatLegacyDate(new Date()) }, keyOf(provider(code)), provider(code).scheme);
  const callbacksOf = (reference: string, count: number) => waitFor(() => (gateway.of(reference).length >= count ? gateway.of(reference) : undefined), `${count} callbacks on ${reference}`, 20000);

  beforeAll(async () => {
    await gateway.start();
    sim = await startTestApp(AppModule.register(loadConfig(LegacySimEnv, { ...process.env, GATEWAY_URL: gateway.url, DEMO_SEED_SECRET: SEED, LEGACY_SIM_PUBLIC_URL: PUBLIC_URL, SMTP_PORT: String(await freePort()) })), LEGACY_SIM_BODIES);
  }, 60000);

  afterAll(async () => {
    await sim?.close();
    await gateway.stop();
  });

  it.each(['PAYGOV', 'VCB', 'VNPAY'])('%s takes a request to pay signed with its scheme, shows its page, and sends a signed callback through the gateway with its own key', async (code) => {
    const p = provider(code);
    const { reference, answer } = await init(code);
    expect(answer).toEqual({ MaLoi: '00', MoTaLoi: 'Thành công', MaThamChieu: reference, UrlThanhToan: `${PUBLIC_URL}/providers/${code}/pay/${reference}` });
    const page = await fetch(`${sim.baseUrl}/providers/${code}/pay/${reference}`);
    expect(await page.text()).toContain('150.000 VND');

    expect((await pay(code, reference)).body).toMatchObject({ state: 'paid', transactionId: expect.stringMatching(/^GD/) });
    const [callback] = await callbacksOf(reference, 1);
    expect(callback.apiKey).toBe(demoApiKeyOf(SEED, p.systemId));
    expect(callback.body).toMatchObject({ LoaiBanTin: 'CALLBACK', MaLoi: '00', MaDoiTac: 'LIENTHONG', MaThamChieu: reference, SoTien: '150000', MaTienTe: 'VND', MaNganHang: code });
    expect(isAuthenticPlatformMessage('CALLBACK', callback.body, keyOf(p), p.scheme)).toBe(true);
    expect((await pay(code, reference)).status).toBe(409);
  });

  it('refuses a request to pay that does not carry its checksum, and one it was switched to refuse', async () => {
    expect((await init('VCB', 150000, 'a guessed key')).answer).toMatchObject({ MaLoi: '07' });
    await fault('MB', 'refuse');
    expect((await init('MB')).answer).toMatchObject({ MaLoi: '99' });
  });

  it('misbehaves as switched: callbacks twice, followed by a stale contrary one, forged; again after the gateway failed', async () => {
    const outcomes: [string, number, (c: ReceivedCallback[]) => unknown, unknown][] = [
      ['duplicate', 2, (c) => c.map((x) => x.body.MaLoi), ['00', '00']],
      ['reorder', 2, (c) => [c[0].body.MaLoi, c[1].body.MaLoi, c[1].body.ThoiGianGD < c[0].body.ThoiGianGD], ['00', '24', true]],
      ['forged', 1, (c) => isAuthenticPlatformMessage('CALLBACK', c[0].body, keyOf(provider('ACB')), provider('ACB').scheme), false],
    ];
    for (const [mode, count, read, expected] of outcomes) {
      await fault('ACB', mode);
      const { reference } = await init('ACB');
      await pay('ACB', reference);
      expect([mode, read(await callbacksOf(reference, count))]).toEqual([mode, expected]);
    }
    await fault('ACB', 'none');
    gateway.answers.push(503);
    const { reference } = await init('ACB');
    await pay('ACB', reference);
    expect((await callbacksOf(reference, 2)).map((c) => c.body.MaLoi)).toEqual(['00', '00']);
  });

  it('answers QUERY with how a transaction stands, GET_BILL with its receipt, and hands over the statement of the day', async () => {
    await fault('TPB', 'no-callback');
    const { reference } = await init('TPB', 320000);
    const query = () => request(`${sim.baseUrl}/providers/TPB/query`, { body: signed('TPB', 'QUERY', reference) });
    expect((await query()).body).toMatchObject({ TrangThaiGiaoDich: 'PENDING', MaLoi: '09' });
    await pay('TPB', reference);
    const paid = (await query()).body as Record<string, string>;
    expect(paid).toMatchObject({ TrangThaiGiaoDich: 'PAID', MaLoi: '00', SoTien: '320000' });
    expect(isAuthenticPlatformMessage('CALLBACK', paid, keyOf(provider('TPB')), provider('TPB').scheme)).toBe(true);
    expect((await request(`${sim.baseUrl}/providers/TPB/query`, { body: signed('TPB', 'QUERY', 'dvc-unknown') })).body).toMatchObject({ TrangThaiGiaoDich: 'NOT_FOUND' });

    const bill = await fetch(`${sim.baseUrl}/providers/TPB/get-bill`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signed('TPB', 'GET_BILL', reference)) });
    expect(bill.headers.get('content-type')).toMatch(/^application\/pdf/);
    const pdf = Buffer.from(await bill.arrayBuffer()).toString('latin1');
    expect(pdf).toMatch(/^%PDF-1\.4[\s\S]*So tien: 320000 VND[\s\S]*%%EOF\n$/);
    expect(pdf).toContain(`Ma tham chieu: ${reference}`);

    const today = formatLegacyDate(new Date()).slice(0, 8);
    const statement = (await request(`${sim.baseUrl}/providers/TPB/statements/${today}`)).body as unknown as { NgayDoiSoat: string; GiaoDich: Record<string, string>[] };
    expect(statement.NgayDoiSoat).toBe(today);
    expect(statement.GiaoDich).toContainEqual(expect.objectContaining({ MaThamChieu: reference, SoTien: '320000', MaTienTe: 'VND', MaGiaoDich: paid.MaGiaoDich }));
    expect(gateway.of(reference)).toEqual([]);
  });
});
