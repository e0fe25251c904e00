import type { Consumer, KafkaMessage } from 'kafkajs';
import { paymentMismatchFoundV1, PaymentMismatchFoundV1, paymentReconciledV1 } from '@lienthong/contracts';
import { collectMessages, request, waitFor } from '@lienthong/platform-testing';
import { PaymentFixture, startPayment, TEST_PROVIDERS } from './payment.fixture';

const TRANSACTIONS = 10_000;
const DAY_MS = 24 * 3600 * 1000;
const { VCB } = TEST_PROVIDERS;

interface Mismatch {
  kind: string;
  reference: string;
  ledgerAmount: number | null;
  statementAmount: number | null;
}

describe('payment: reconciliation of a day of 10,000 transactions against the provider statement (real PostgreSQL and Kafka)', () => {
  let fixture: PaymentFixture;
  let events: Consumer;
  const published: KafkaMessage[] = [];
  /** A day of this run only, long past: no other run's payments settled on it. */
  const day = new Date(Date.UTC(2001, 0, 1) + (Date.now() % 7000) * DAY_MS).toISOString().slice(0, 10);
  const compact = day.replaceAll('-', '');
  const reconcile = (provider: string, date: string) => request(`${fixture.payment.baseUrl}/reconciliations`, { method: 'POST', body: { provider, date } });

  /** The ledger: TRANSACTIONS attempts of VCB paid through the day, and a few paid just after it. */
  async function seedLedger(run: string): Promise<{ reference: string; amount: number }[]> {
    await fixture.db.query(
      `WITH paid AS (
         SELECT i, md5($1 || 'r' || i)::uuid AS request_id, md5($1 || 'a' || i)::uuid AS attempt_id, 'rec' || $1 || lpad(i::text, 6, '0') AS reference, 100000 + i AS amount,
                $2::timestamptz + make_interval(secs => (i * 86399.0) / $3) AS settled_at
         FROM generate_series(1, $3 + 5) AS i),
       requests AS (
         INSERT INTO payment.payment_requests (id, source_event_id, dossier_code, procedure_code, amount, fee_lines, currency, status, requested_at)
         SELECT request_id, 'reconciliation-' || reference, 'DOSSIER-' || reference, '1.000358', amount, '[]', 'VND', 'paid', settled_at FROM paid)
       INSERT INTO payment.payment_attempts (id, request_id, dossier_code, number, reference, provider, partner, amount, currency, status, provider_transaction, refunded_amount, created_at, expires_at, settled_at)
       SELECT attempt_id, request_id, 'DOSSIER-' || reference, 1, reference, $4, 'LIENTHONG', amount, 'VND', 'succeeded', 'GD' || i, 0, settled_at, settled_at, settled_at FROM paid`,
      [run, `${day}T00:00:00+07:00`, TRANSACTIONS, VCB.systemId],
    );
    return Array.from({ length: TRANSACTIONS }, (_, k) => ({ reference: `rec${run}${String(k + 1).padStart(6, '0')}`, amount: 100001 + k }));
  }

  beforeAll(async () => {
    fixture = await startPayment('reconciliation-int-spec');
    events = await collectMessages(`reconciliation-${fixture.run}`, [paymentMismatchFoundV1, paymentReconciledV1], published);
  }, 90000);

  afterAll(async () => {
    await events?.disconnect();
    await fixture?.stop();
  }, 30000);

  it('finds every mismatch planted in the statement: missing, extra and amounts that differ, and publishes each', async () => {
    const ledger = await seedLedger(fixture.run);
    const missing = new Set(ledger.filter((_, k) => k % 271 === 3).map((p) => p.reference));
    const differing = new Set(ledger.filter((_, k) => k % 241 === 7 && !missing.has(ledger[k].reference)).map((p) => p.reference));
    const extra = Array.from({ length: 23 }, (_, k) => ({ reference: `extra${fixture.run}${k}`, amount: 50000 + k }));
    const stated = [...ledger.filter((p) => !missing.has(p.reference)).map((p) => (differing.has(p.reference) ? { ...p, amount: p.amount - 1000 } : p)), ...extra];
    fixture.provider.statement('VCB', compact, {
      MaNganHang: 'VCB',
      NgayDoiSoat: compact,
      GiaoDich: stated.map((p, k) => ({ MaThamChieu: p.reference, MaGiaoDich: `GD${k}`, SoTien: String(p.amount), MaTienTe: 'VND', ThoiGianGD: `${compact}120000` })),
    });

    const res = await reconcile('VCB', day);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      provider: VCB.systemId,
      date: day,
      status: 'mismatched',
      ledgerCount: TRANSACTIONS,
      statementCount: stated.length,
      matched: TRANSACTIONS - missing.size - differing.size,
      missing: missing.size,
      extra: extra.length,
      amountDiffers: differing.size,
    });
    expect(missing.size).toBeGreaterThan(30);
    expect(differing.size).toBeGreaterThan(30);

    const found: Mismatch[] = [];
    for (let page = 1; ; page++) {
      const { body } = await request(`${fixture.payment.baseUrl}/reconciliations/${res.body.id}/mismatches?page=${page}&pageSize=100`);
      found.push(...(body.items as unknown as Mismatch[]));
      if (found.length >= (body.total as number)) break;
    }
    const referencesOf = (kind: string) => found.filter((m) => m.kind === kind).map((m) => m.reference).sort();
    expect(referencesOf('missing')).toEqual([...missing].sort());
    expect(referencesOf('extra')).toEqual(extra.map((p) => p.reference).sort());
    expect(referencesOf('amount-differs')).toEqual([...differing].sort());
    const oneDiffering = found.find((m) => m.kind === 'amount-differs')!;
    expect(oneDiffering.statementAmount).toBe(oneDiffering.ledgerAmount! - 1000);

    const ofRun = () => published.map((m) => ({ type: String(m.headers?.ce_type), data: JSON.parse(m.value!.toString()) })).filter((e) => e.data.reconciliationId === res.body.id);
    await waitFor(() => (ofRun().length === found.length + 1 ? true : undefined), 'every mismatch and the summary on Kafka', 30000);
    const mismatchEvents = ofRun().filter((e) => e.type === 'vn.lienthong.payment.mismatch-found.v1').map((e) => e.data as PaymentMismatchFoundV1);
    expect(mismatchEvents.map((e) => e.reference).sort()).toEqual(found.map((m) => m.reference).sort());
    expect(ofRun().find((e) => e.type === 'vn.lienthong.payment.reconciled.v1')!.data).toMatchObject({ missing: missing.size, extra: extra.length, amountDiffers: differing.size });

    // reconciled again, the day has one run: the new one
    const again = await reconcile('VCB', day);
    expect(again.body).toMatchObject({ status: 'mismatched', missing: missing.size });
    const listed = await request(`${fixture.payment.baseUrl}/reconciliations?provider=${encodeURIComponent(VCB.systemId)}&date=${day}`);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: again.body.id }] });
    expect((await request(`${fixture.payment.baseUrl}/reconciliations/${res.body.id}`)).status).toBe(404);
  }, 120000);

  it('fails a day whose statement cannot be had or read, with the reason, and refuses what is no reconciliation', async () => {
    const next = new Date(Date.parse(day) + 2 * DAY_MS).toISOString().slice(0, 10);
    const absent = await reconcile('VCB', next);
    expect(absent.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/HTTP 404 for the statement/) });
    fixture.provider.statement('VCB', next.replaceAll('-', ''), { MaNganHang: 'VCB', NgayDoiSoat: next.replaceAll('-', ''), GiaoDich: [{ MaThamChieu: 'x', SoTien: 'much' }] });
    const unreadable = await reconcile('VCB', next);
    expect(unreadable.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/SoTien must be whole đồng/) });

    expect((await reconcile('XYZ', next)).status).toBe(422);
    expect((await reconcile('VCB', '2026-02-30')).status).toBe(400);
    expect((await request(`${fixture.payment.baseUrl}/reconciliations/6f1c7a52-7a8e-4f55-9d0e-3c3f1f1b2a10`)).status).toBe(404);
  }, 60000);
});
