import type { KafkaMessage } from 'kafkajs';
import { Client } from 'pg';
import { paymentSucceededV1 } from '@lienthong/contracts';
import { collectMessages, request, TEST_DATABASE_URL, waitFor } from '@lienthong/platform-testing';
import { Backbone, submission } from './support/backbone';

const run = Date.now().toString(36);
const backbone = new Backbone();
/** A procedure whose online fees come to 500,000 đồng. */
const FEE_PROCEDURE = { procedureCode: '1.013377', caseCode: '1.013377.01' };

interface Attempt {
  id: string;
  reference: string;
  status: string;
  paymentUrl: string;
}
interface SentCallback {
  MaLoi: string;
  forged: boolean;
  httpStatus?: number;
}

beforeAll(() => backbone.start(), 180000);
afterAll(() => backbone.stop(), 60000);

const sim = (path: string, init: Parameters<typeof request>[1] = {}) => request(`${backbone.apps.url('legacy-sim')}${path}`, init);
const paymentsOf = async (code: string) => (await backbone.gateway(`/v1/dossiers/${code}/payments`)).body.items as unknown as { id: string; status: string; attempts: Attempt[] }[];
const fromPayment = async (code: string) => ((await backbone.gateway(`/v1/dossiers/${code}`)).body.timeline as unknown as { actor: string; kind: string }[]).filter((t) => t.actor === 'payment' && t.kind.startsWith('status-'));

/** A dossier of this run that its province asked to pay the fee (status 6), and the fee payment asked for. */
async function dossierAwaitingFee(ref: string): Promise<{ code: string; paymentId: string }> {
  const submitted = await backbone.gateway('/v1/dossiers', { body: submission(`${run}-${ref}`, `${ref}-${run}@example.vn`, FEE_PROCEDURE) });
  const code = submitted.body.code as string;
  await waitFor(async () => (await backbone.dossierStatus(code)) === 4, `${code} at status 4`, 30000);
  expect((await backbone.gateway(`/v1/dossiers/${code}/status`, { headers: backbone.provinceKey('H56'), body: { status: 6, note: 'Nộp phí' } })).status).toBe(200);
  const [fee] = await waitFor(async () => {
    const items = await paymentsOf(code);
    return items.length > 0 ? items : undefined;
  }, 'the fee asked', 30000);
  return { code, paymentId: fee.id };
}

/** The portal starts paying through a provider, and the applicant pays on the provider's page. */
async function payThrough(provider: string, code: string, paymentId: string): Promise<Attempt> {
  const started = await backbone.gateway(`/v1/dossiers/${code}/payments/${paymentId}/attempts`, { body: { provider } });
  expect(started.status).toBe(201);
  const attempt = started.body as unknown as Attempt;
  expect((await sim('/providers/pay', { body: { provider, reference: attempt.reference, outcome: 'paid' } })).body).toMatchObject({ state: 'paid' });
  return attempt;
}

const callbacksOf = async (provider: string, reference: string): Promise<SentCallback[]> =>
  ((await sim(`/control/providers/${provider}/transactions`)).body.transactions as unknown as { reference: string; callbacks: SentCallback[] }[]).find((t) => t.reference === reference)!.callbacks;
const answered = (provider: string, reference: string, count: number) =>
  waitFor(async () => {
    const sent = await callbacksOf(provider, reference);
    return sent.filter((c) => c.httpStatus !== undefined).length >= count ? sent : undefined;
  }, `${count} callbacks of ${provider} answered`, 30000);

describe('fees paid through the payment platform, banks and intermediaries, every app a separate process', () => {
  it("the applicant pays at a bank: gateway → payment → the bank's page → its signed callback through the gateway → processing again", async () => {
    const { code, paymentId } = await dossierAwaitingFee('paid');
    const started = await backbone.gateway(`/v1/dossiers/${code}/payments/${paymentId}/attempts`, { body: { provider: 'VCB' } });
    expect(started.status).toBe(201);
    const attempt = started.body as unknown as Attempt;
    expect(attempt).toMatchObject({ status: 'pending', paymentUrl: `${backbone.apps.url('legacy-sim')}/providers/VCB/pay/${attempt.reference}` });

    const page = await fetch(attempt.paymentUrl);
    const html = await page.text();
    expect(html).toContain('500.000 VND');
    expect(html).toContain(`value="${attempt.reference}"`);
    const form = await fetch(`${backbone.apps.url('legacy-sim')}/providers/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ provider: 'VCB', reference: attempt.reference, outcome: 'paid' }),
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('đã được thanh toán');

    await waitFor(async () => (await backbone.dossierStatus(code)) === 4, `${code} processing again`, 30000);
    expect(await fromPayment(code)).toEqual([expect.objectContaining({ kind: 'status-changed' })]);
    const [fee] = await paymentsOf(code);
    expect(fee).toMatchObject({ status: 'paid', attempts: [expect.objectContaining({ reference: attempt.reference, status: 'succeeded' })] });
    expect((await answered('VCB', attempt.reference, 1)).map((c) => c.httpStatus)).toEqual([200]);
  });

  it.each([
    ['duplicated', 'MOMO', 'duplicate', 2, [200, 200]],
    ['followed by a stale contrary one', 'VNPAY', 'reorder', 2, [200, 409]],
    ['late', 'TCB', 'late', 1, [200]],
  ])('a callback %s (%s) moves the dossier on once', async (_what, provider, mode, count, statuses) => {
    expect((await sim(`/control/providers/${provider}/fault`, { method: 'PUT', body: { mode } })).status).toBe(200);
    const { code, paymentId } = await dossierAwaitingFee(`${mode}`);
    const attempt = await payThrough(provider, code, paymentId);
    expect((await answered(provider, attempt.reference, count)).map((c) => c.httpStatus)).toEqual(statuses);
    await waitFor(async () => (await backbone.dossierStatus(code)) === 4, `${code} processing again`, 30000);
    expect(await fromPayment(code)).toHaveLength(1);
    expect((await paymentsOf(code))[0].attempts[0].status).toBe('succeeded');
  }, 60000);

  it('a forged callback is refused and marks nothing paid; the look-up (QUERY) then finds what the applicant really paid', async () => {
    expect((await sim('/control/providers/ZALOPAY/fault', { method: 'PUT', body: { mode: 'forged' } })).status).toBe(200);
    const { code, paymentId } = await dossierAwaitingFee('forged');
    const attempt = await payThrough('ZALOPAY', code, paymentId);
    expect((await answered('ZALOPAY', attempt.reference, 1)).map((c) => [c.forged, c.httpStatus])).toEqual([[true, 422]]);
    await waitFor(async () => (await backbone.dossierStatus(code)) === 4, `${code} processing again`, 30000);
    const { rows } = await backbone.db.query(`SELECT verdict, reason, source FROM payment.provider_reports WHERE reference = $1 ORDER BY received_at`, [attempt.reference]);
    expect(rows).toEqual([
      { verdict: 'refused', reason: 'forged', source: 'callback' },
      { verdict: 'paid', reason: null, source: 'query' },
    ]);
  });

  it("a callback that never comes: payment looks the attempt up (QUERY), the dossier moves on, and the bank's receipt (GET_BILL) is served", async () => {
    expect((await sim('/control/providers/AGRIBANK/fault', { method: 'PUT', body: { mode: 'no-callback' } })).status).toBe(200);
    const { code, paymentId } = await dossierAwaitingFee('queried');
    await payThrough('AGRIBANK', code, paymentId);
    await waitFor(async () => (await backbone.dossierStatus(code)) === 4, `${code} processing again`, 30000);
    const receipt = await waitFor(async () => {
      const res = await fetch(`${backbone.apps.url('gateway')}/v1/dossiers/${code}/payments/${paymentId}/receipt`, { headers: backbone.portalKey });
      return res.status === 200 ? res : undefined;
    }, 'the receipt', 30000);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect(receipt.headers.get('content-disposition')).toMatch(/^attachment; filename="bien-lai-dvc.+\.pdf"$/);
    const pdf = Buffer.from(await receipt.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain('So tien: 500000 VND');
  });

  it('SIGKILL of payment between the provider’s callback and its event: the dossier still moves on, exactly once', async () => {
    const published: KafkaMessage[] = [];
    const listener = await collectMessages(`e2e-payment-${run}`, [paymentSucceededV1], published);
    try {
      await killedBetweenCallbackAndEvent(published);
    } finally {
      await listener.disconnect();
    }
  }, 120000);
});

/** Pays with the relay held off, kills payment once the callback is answered, and restarts it. */
async function killedBetweenCallbackAndEvent(published: KafkaMessage[]): Promise<void> {
  const { code, paymentId } = await dossierAwaitingFee('killed');
  // the relay takes outbox rows only under this lock: held here, as another relay instance would, the event stays in the outbox
  const relayLock = new Client({ connectionString: TEST_DATABASE_URL });
  await relayLock.connect();
  await relayLock.query(`SELECT pg_advisory_lock(hashtext('payment.outbox'))`);
  try {
    const attempt = await payThrough('BIDV', code, paymentId);
    expect((await answered('BIDV', attempt.reference, 1)).map((c) => c.httpStatus)).toEqual([200]);
    const { rows } = await backbone.db.query(`SELECT type FROM payment.outbox WHERE key = $1`, [code]);
    expect(rows).toEqual([{ type: 'vn.lienthong.payment.succeeded.v1' }]);
    await backbone.apps.kill('payment', 'SIGKILL');
  } finally {
    await relayLock.end();
  }
  expect(await backbone.dossierStatus(code)).toBe(6);

  await backbone.apps.start('payment');
  await waitFor(async () => (await backbone.dossierStatus(code)) === 4, `${code} processing again`, 60000);
  expect(await fromPayment(code)).toHaveLength(1);
  await waitFor(() => published.some((m) => m.key?.toString() === code) || undefined, 'payment.succeeded.v1 on Kafka', 30000);
  expect(published.filter((m) => m.key?.toString() === code)).toHaveLength(1);
}
