import type { Consumer, KafkaMessage } from 'kafkajs';
import { paymentFailedV1, paymentRefundedV1, paymentSucceededV1 } from '@lienthong/contracts';
import { formatLegacyDate } from '@lienthong/domain-dossier';
import { isAuthenticPlatformMessage } from '@lienthong/domain-payment';
import { demoPaymentKeyOf, oneStopSystemOf } from '@lienthong/domain-registry';
import { INTERNAL_HEADERS } from '@lienthong/platform-http';
import { collectMessages, request, waitFor } from '@lienthong/platform-testing';
import { Attempt, PaymentFixture, startPayment, TEST_PROVIDERS } from './payment.fixture';

const SECRET = 'payment-attempts-int-spec';
const { VCB, VNPAY, MOMO } = TEST_PROVIDERS;
type Provider = typeof VCB;

describe('payment: attempts through providers and their callbacks (real PostgreSQL and Kafka)', () => {
  let fixture: PaymentFixture;
  let outcomes: Consumer;
  const published: KafkaMessage[] = [];

  const verdictsOf = async (reference: string) =>
    (await fixture.db.query(`SELECT verdict, reason FROM payment.provider_reports WHERE reference = $1 ORDER BY received_at`, [reference])).map((r: { verdict: string; reason: string | null }) => r.reason ?? r.verdict);
  const outcomesOf = (reference: string) => published.filter((m) => m.value?.toString().includes(reference)).map((m) => String(m.headers?.ce_type));
  const attemptRow = (reference: string) => fixture.attemptRow(reference);
  const billedDossier = () => fixture.billedDossier();
  const initiate = (code: string, paymentId: string, body: Record<string, unknown>) => fixture.initiate(code, paymentId, body);
  const pendingAttempt = (through: Provider = VCB) => fixture.pendingAttempt(through.code);
  const callbackOn: PaymentFixture['callbackOn'] = (...args) => fixture.callbackOn(...args);
  const sendCallback = (body: unknown, caller = VCB.systemId) => fixture.sendCallback(body, caller);

  beforeAll(async () => {
    fixture = await startPayment(SECRET, { PAYMENT_PROVIDER_TIMEOUT_MS: '500' });
    outcomes = await collectMessages(`payment-attempts-${fixture.run}`, [paymentSucceededV1, paymentFailedV1, paymentRefundedV1], published);
  }, 90000);

  afterAll(async () => {
    await outcomes?.disconnect();
    await fixture?.stop();
  }, 30000);

  it("starts an attempt with the provider's signed INIT, under a reference of its own, and answers the provider's page", async () => {
    const { code, paymentId } = await billedDossier();
    const first = await initiate(code, paymentId, { provider: 'VCB', ip: '203.113.0.5', returnUrl: 'https://dichvucong.gov.vn/ket-qua' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ paymentId, number: 1, provider: VCB.systemId, amount: 150000, currency: 'VND', status: 'pending' });
    const attempt = first.body as unknown as Attempt;
    expect(attempt.paymentUrl).toBe(`https://pay.example/VCB/${attempt.reference}`);
    expect(attempt.reference).toMatch(/^dvc0000006H56.+01$/);

    const { message } = fixture.provider.received.find((r) => r.kind === 'init' && r.message.MaThamChieu === attempt.reference)!;
    expect(message).toMatchObject({ LoaiBanTin: 'INIT', PhienBan: '1.0.6', MaDoiTac: 'LIENTHONG', SoTien: 150000, MaTienTe: 'VND', MaNganHang: 'VCB', Ip: '203.113.0.5', UrlTraVe: 'https://dichvucong.gov.vn/ket-qua' });
    expect(isAuthenticPlatformMessage('INIT', message as Record<string, string>, demoPaymentKeyOf(SECRET, VCB.systemId), VCB.scheme)).toBe(true);

    const second = await initiate(code, paymentId, { provider: 'VCB' });
    expect(second.body).toMatchObject({ number: 2 });
    expect(second.body.reference).not.toBe(attempt.reference);
  }, 60000);

  it('settles an attempt once on a paid callback, told twice: one payment.succeeded.v1, the fee paid', async () => {
    const attempt = await pendingAttempt();
    const callback = callbackOn(attempt, VCB);
    const taken = await sendCallback(callback);
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ MaLoi: '00', MaDoiTac: 'LIENTHONG' });
    expect(isAuthenticPlatformMessage('CALLBACK_ANSWER', taken.body as Record<string, string>, demoPaymentKeyOf(SECRET, VCB.systemId), VCB.scheme)).toBe(true);
    expect(await attemptRow(attempt.reference)).toMatchObject({ status: 'succeeded', provider_transaction: callback.MaGiaoDich });
    expect((await fixture.db.query(`SELECT status FROM payment.payment_requests WHERE id = $1`, [attempt.paymentId]))[0].status).toBe('paid');

    const again = await sendCallback(callback);
    expect(again.status).toBe(200);
    expect(await verdictsOf(attempt.reference)).toEqual(['paid', 'duplicate']);
    await waitFor(() => outcomesOf(attempt.reference).length > 0 || undefined, 'payment.succeeded.v1', 30000);
    // a later event of the same dossier shares the partition: once it is seen, a second success would have been too
    const other = await initiate(attempt.code, attempt.paymentId, { provider: 'VCB' });
    expect(other.status).toBe(409);
    expect(other.body.type).toMatch(/payment-already-paid$/);
    expect(outcomesOf(attempt.reference)).toEqual(['vn.lienthong.payment.succeeded.v1']);
  }, 60000);

  it('takes a second attempt of a fee paid too as a second payment of the first: owed back, and the dossier moved on once', async () => {
    const first = await pendingAttempt();
    const started = await initiate(first.code, first.paymentId, { provider: 'MOMO' });
    expect(started.status).toBe(201);
    const second = started.body as unknown as Attempt;
    // both callbacks at once: the fee's row decides which one paid it
    const taken = await Promise.all([sendCallback(callbackOn(first, VCB)), sendCallback(callbackOn(second, MOMO), MOMO.systemId)]);
    expect(taken.map((t) => t.status)).toEqual([200, 200]);

    const rows = [await attemptRow(first.reference), await attemptRow(second.reference)];
    expect(rows.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const [payer, again] = rows[0].second_payment_of === null ? rows : [rows[1], rows[0]];
    expect(payer.second_payment_of).toBeNull();
    expect(again.second_payment_of).toBe(payer.id);
    expect((await fixture.db.query(`SELECT status FROM payment.payment_requests WHERE id = $1`, [first.paymentId]))[0].status).toBe('paid');

    const events = await waitFor(() => {
      const found = published.filter((m) => m.headers?.ce_type?.toString() === 'vn.lienthong.payment.succeeded.v1' && [first.id, second.id].includes(JSON.parse(m.value!.toString()).attemptId));
      return found.length === 2 ? found.map((m) => JSON.parse(m.value!.toString()) as { attemptId: string; secondPaymentOf?: string }) : undefined;
    }, 'both payment.succeeded.v1', 30000);
    expect(events.find((e) => e.attemptId === payer.id)?.secondPaymentOf).toBeUndefined();
    expect(events.find((e) => e.attemptId === again.id)?.secondPaymentOf).toBe(payer.id);

    const view = await request(`${fixture.payment.baseUrl}/dossiers/${encodeURIComponent(first.code)}/payments`);
    const attempts = (view.body as unknown as { items: { attempts: { id: string; secondPaymentOf: string | null }[] }[] }).items[0].attempts;
    expect(attempts.map((a) => [a.id, a.secondPaymentOf])).toEqual(expect.arrayContaining([[payer.id, null], [again.id, payer.id]]));
  }, 60000);

  it('refuses forged, tampered, foreign and contradicting reports, keeping each with its reason, and marks nothing paid wrongly', async () => {
    const attempt = await pendingAttempt();
    const refusals: [string, unknown, string, number, string][] = [
      ['forged', callbackOn(attempt, VCB, {}, 'a guessed key'), VCB.systemId, 422, 'forged'],
      ['another amount', callbackOn(attempt, VCB, { SoTien: '15000' }), VCB.systemId, 422, 'amount-mismatch'],
      ['another currency', callbackOn(attempt, VCB, { MaTienTe: 'USD' }), VCB.systemId, 422, 'currency-mismatch'],
      ['another partner', callbackOn(attempt, VCB, { MaDoiTac: 'KHAC' }), VCB.systemId, 422, 'partner-mismatch'],
      ["another provider's attempt", callbackOn(attempt, MOMO), MOMO.systemId, 404, 'unknown-reference'],
    ];
    for (const [what, body, caller, status, reason] of refusals) {
      const res = await sendCallback(body, caller);
      expect([what, res.status, res.body.reason]).toEqual([what, status, reason]);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const notAProvider = await sendCallback(callbackOn(attempt, VCB), oneStopSystemOf('H56'));
    expect(notAProvider.status).toBe(403);
    expect((await attemptRow(attempt.reference)).status).toBe('pending');

    expect((await sendCallback(callbackOn(attempt, VCB))).status).toBe(200);
    const stale = await sendCallback(callbackOn(attempt, VCB, { MaLoi: '24', ThoiGianGD: formatLegacyDate(new Date(Date.now() - 60000)) }));
    expect([stale.status, stale.body.reason]).toEqual([409, 'conflicts-with-outcome']);
    expect((await attemptRow(attempt.reference)).status).toBe('succeeded');
    expect(await verdictsOf(attempt.reference)).toEqual(['forged', 'amount-mismatch', 'currency-mismatch', 'partner-mismatch', 'unknown-reference', 'paid', 'conflicts-with-outcome']);
    await waitFor(() => outcomesOf(attempt.reference).length > 0 || undefined, 'payment.succeeded.v1', 30000);
    expect(outcomesOf(attempt.reference)).toEqual(['vn.lienthong.payment.succeeded.v1']);
  }, 60000);

  it('takes a callback that comes before the provider answered INIT', async () => {
    fixture.provider.set('VNPAY', 'silent');
    const { code, paymentId } = await billedDossier();
    const unanswered = await initiate(code, paymentId, { provider: 'VNPAY' });
    expect(unanswered.status).toBe(504);
    expect(unanswered.body.type).toMatch(/payment-provider-unavailable$/);
    expect(unanswered.body.detail).toMatch(/VNPAY did not answer: no answer within \d+ ms/);
    const reference = unanswered.body.reference as string;
    expect((await attemptRow(reference)).status).toBe('created');

    const paid = await sendCallback(callbackOn({ reference, amount: 150000 }, VNPAY), VNPAY.systemId);
    expect(paid.status).toBe(200);
    expect((await attemptRow(reference)).status).toBe('succeeded');
  }, 60000);

  it('fails an attempt the provider refuses with 502, and one the applicant gave up on with payment.failed.v1; the fee can be paid again', async () => {
    fixture.provider.set('MOMO', 'refuse');
    const { code, paymentId } = await billedDossier();
    const refused = await initiate(code, paymentId, { provider: 'MOMO' });
    expect(refused.status).toBe(502);
    expect(refused.body.detail).toMatch(/MOMO refused .*: 99 Giao dịch bị từ chối/);
    expect((await attemptRow(refused.body.reference as string)).status).toBe('failed');

    const attempt = (await initiate(code, paymentId, { provider: 'VCB' })).body as unknown as Attempt;
    expect((await sendCallback(callbackOn(attempt, VCB, { MaLoi: '24' }))).status).toBe(200);
    expect(await attemptRow(attempt.reference)).toMatchObject({ status: 'failed', error_code: '24' });
    await waitFor(() => outcomesOf(attempt.reference).length > 0 || undefined, 'payment.failed.v1', 30000);
    expect(outcomesOf(attempt.reference)).toEqual(['vn.lienthong.payment.failed.v1']);
    expect((await initiate(code, paymentId, { provider: 'VCB' })).status).toBe(201);
  }, 60000);

  it('refunds a paid attempt in part, then in full, never more than was paid, and publishes each refund', async () => {
    const attempt = await pendingAttempt();
    const refundOf = (id: string, amount: number) =>
      request(`${fixture.payment.baseUrl}/attempts/${id}/refunds`, { method: 'POST', body: { amount, reason: 'Thu thừa lệ phí' }, headers: { [INTERNAL_HEADERS.client]: 'VN/GOV/000.00.00.G22/LIENTHONG-OPS' } });
    expect((await refundOf(attempt.id, 1000)).status).toBe(409);
    expect((await sendCallback(callbackOn(attempt, VCB))).status).toBe(200);

    expect((await refundOf(attempt.id, 50000)).body).toMatchObject({ status: 'partially-refunded', refundedAmount: 50000 });
    const over = await refundOf(attempt.id, 100001);
    expect([over.status, over.body.type]).toEqual([409, expect.stringMatching(/payment-refund-refused$/)]);
    expect((await refundOf(attempt.id, 100000)).body).toMatchObject({ status: 'refunded', refundedAmount: 150000 });
    expect((await refundOf(attempt.id, 1)).status).toBe(409);
    expect((await refundOf('6f1c7a52-7a8e-4f55-9d0e-3c3f1f1b2a10', 1)).status).toBe(404);
    const rows = await fixture.db.query(`SELECT amount, requested_by FROM payment.refunds WHERE attempt_id = $1 ORDER BY refunded_at`, [attempt.id]);
    expect(rows).toEqual([
      { amount: 50000, requested_by: 'VN/GOV/000.00.00.G22/LIENTHONG-OPS' },
      { amount: 100000, requested_by: 'VN/GOV/000.00.00.G22/LIENTHONG-OPS' },
    ]);
    await waitFor(() => outcomesOf(attempt.reference).filter((t) => t.endsWith('refunded.v1')).length === 2 || undefined, 'two payment.refunded.v1', 30000);
  }, 60000);

  it.each([
    ['an unknown provider', { provider: 'XYZ' }, 422, 'payment-provider-unknown'],
    ['a provider code in lower case', { provider: 'vcb' }, 400, 'invalid-request'],
    ['a return URL that is none', { provider: 'VCB', returnUrl: 'javascript:alert(1)' }, 400, 'invalid-request'],
  ])('refuses to start paying with %s', async (_what, body, status, type) => {
    const { code, paymentId } = await billedDossier();
    const res = await initiate(code, paymentId, body);
    expect([res.status, res.body.type]).toEqual([status, expect.stringMatching(new RegExp(`/${type}$`))]);
  }, 60000);

  it('answers a fee of another dossier with 404, and a callback without its checksum with 400', async () => {
    const { paymentId } = await billedDossier();
    const foreign = await initiate(`000.00.06.H56-${fixture.run}-9999`, paymentId, { provider: 'VCB' });
    expect(foreign.status).toBe(404);
    const unsigned: Record<string, string> = { ...callbackOn({ reference: 'dvc-x', amount: 1 }, VCB) };
    delete unsigned.MaXacThuc;
    const res = await sendCallback(unsigned);
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/MaXacThuc/);
  }, 60000);
});
