import { hash } from 'node:crypto';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { paymentSucceededV1, PaymentSucceededV1 } from '@lienthong/contracts';
import { collectMessages, waitFor } from '@lienthong/platform-testing';
import { PaymentFixture, startPayment, TEST_PROVIDERS } from './payment.fixture';

const { VCB, VNPAY, MOMO } = TEST_PROVIDERS;

describe('payment: attempts looked up (QUERY), expired, and their receipts fetched (GET_BILL), on real PostgreSQL and Kafka', () => {
  let fixture: PaymentFixture;
  let outcomes: Consumer;
  const published: KafkaMessage[] = [];
  const succeededOf = (reference: string): PaymentSucceededV1[] => published.map((m) => JSON.parse(m.value!.toString())).filter((e) => e.reference === reference);
  const reached = (reference: string, status: string) => waitFor(async () => ((await fixture.attemptRow(reference))?.status === status ? true : undefined), `${reference} ${status}`, 20000);
  const receiptOf = (reference: string) => fixture.db.query(`SELECT r.* FROM payment.receipts r JOIN payment.payment_attempts a ON a.id = r.attempt_id WHERE a.reference = $1`, [reference]).then((rows) => rows[0]);

  beforeAll(async () => {
    fixture = await startPayment('pending-attempts-int-spec', { PAYMENT_QUERY_AFTER_MS: '300', PAYMENT_QUERY_EVERY_MS: '300', PAYMENT_ATTEMPT_TTL_MS: '2000', PAYMENT_PROVIDER_TIMEOUT_MS: '500' });
    outcomes = await collectMessages(`pending-attempts-${fixture.run}`, [paymentSucceededV1], published);
  }, 90000);

  afterAll(async () => {
    await outcomes?.disconnect();
    await fixture?.stop();
  }, 30000);

  it('looks up an attempt whose callback never came, and takes the paid answer as a callback: one payment.succeeded.v1', async () => {
    fixture.provider.standing('VCB', 'PAID');
    const attempt = await fixture.pendingAttempt(VCB.code);
    await reached(attempt.reference, 'succeeded');
    const reports = await fixture.db.query(`SELECT verdict, source FROM payment.provider_reports WHERE reference = $1`, [attempt.reference]);
    expect(reports).toEqual([{ verdict: 'paid', source: 'query' }]);
    await waitFor(() => succeededOf(attempt.reference).length > 0 || undefined, 'payment.succeeded.v1', 20000);
    expect(succeededOf(attempt.reference)).toEqual([expect.objectContaining({ provider: VCB.systemId, afterExpiry: false })]);
    const queries = fixture.provider.received.filter((r) => r.kind === 'query' && r.message.MaThamChieu === attempt.reference);
    expect(queries[0].message).toMatchObject({ LoaiBanTin: 'QUERY', PhienBan: '1.0.6', MaDoiTac: 'LIENTHONG' });
  }, 60000);

  it('expires an attempt its provider still waits on once past its time, and takes money that comes after all', async () => {
    fixture.provider.standing('VNPAY', 'PENDING');
    const attempt = await fixture.pendingAttempt(VNPAY.code);
    await reached(attempt.reference, 'expired');
    expect((await fixture.db.query(`SELECT status FROM payment.payment_requests WHERE id = $1`, [attempt.paymentId]))[0].status).toBe('requested');

    expect((await fixture.sendCallback(fixture.callbackOn(attempt, VNPAY), VNPAY.systemId)).status).toBe(200);
    expect((await fixture.attemptRow(attempt.reference)).status).toBe('succeeded');
    await waitFor(() => succeededOf(attempt.reference).length > 0 || undefined, 'payment.succeeded.v1', 20000);
    expect(succeededOf(attempt.reference)).toEqual([expect.objectContaining({ afterExpiry: true })]);
  }, 60000);

  it("fetches a paid attempt's receipt, again after its provider failed, and serves it as it came", async () => {
    fixture.provider.failBills('MOMO', 1);
    const attempt = await fixture.pendingAttempt(MOMO.code);
    const early = await fixture.receiptFor(attempt);
    expect([early.status, early.body.type]).toEqual([404, expect.stringMatching(/payment-not-paid$/)]);

    expect((await fixture.sendCallback(fixture.callbackOn(attempt, MOMO), MOMO.systemId)).status).toBe(200);
    const kept = await waitFor(async () => {
      const row = await receiptOf(attempt.reference);
      return row?.fetched_at ? row : undefined;
    }, 'the receipt', 20000);
    expect(kept).toMatchObject({ attempts: 2, content_type: 'application/pdf', sha256: hash('sha256', fixture.provider.receipt) });
    const served = await fetch(`${fixture.payment.baseUrl}/dossiers/${encodeURIComponent(attempt.code)}/payments/${attempt.paymentId}/receipt`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toBe(`attachment; filename="bien-lai-${attempt.reference}.pdf"`);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(fixture.provider.receipt);
  }, 60000);
});
