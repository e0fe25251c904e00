import { DataSource } from 'typeorm';
import { dossierStatusChangedV1, procedurePublishedV1 } from '@lienthong/contracts';
import { formatLegacyDate } from '@lienthong/domain-dossier';
import { SignatureSchemeName, signPlatformMessage } from '@lienthong/domain-payment';
import { demoPaymentKeyOf } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { INTERNAL_HEADERS } from '@lienthong/platform-http';
import { request, startTestApp, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { PaymentEnv } from '../src/config';
import { FakeProvider } from './fake-provider';

/** Three of the demo providers, with the schemes they sign with. */
export const TEST_PROVIDERS = {
  VCB: { code: 'VCB', systemId: 'VN/COM/0100112437/VCB', scheme: 'hmac-sha256' as SignatureSchemeName },
  VNPAY: { code: 'VNPAY', systemId: 'VN/COM/0102182292/VNPAY', scheme: 'hmac-sha1' as SignatureSchemeName },
  MOMO: { code: 'MOMO', systemId: 'VN/COM/0305289153/MOMO', scheme: 'hmac-sha256' as SignatureSchemeName },
};
type TestProvider = (typeof TEST_PROVIDERS)['VCB'];

export interface Attempt {
  id: string;
  paymentId: string;
  reference: string;
  status: string;
  amount: number;
  paymentUrl: string | null;
}

/**
 * Payment on the real PostgreSQL and Kafka, its providers played by a FakeProvider, with a procedure of the suite's own
 * whose online fee is 150,000 đồng: its copy comes from catalogue events, written as catalogue would.
 */
export async function startPayment(seedSecret: string, env: Record<string, string> = {}) {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;
  const procedureCode = `8.${String(Date.now()).slice(-6)}`;
  const provider = new FakeProvider(seedSecret);
  await provider.start();
  const payment: TestApp = await startTestApp(
    AppModule.register(loadConfig(PaymentEnv, { ...process.env, DEMO_SEED_SECRET: seedSecret, PAYMENT_PROVIDER_BASE_URL: provider.baseUrl, PAYMENT_RECONCILE_DAILY: 'false', ...env })),
  );
  const db = payment.app.get(DataSource);
  await testEvents(payment.app).publish(procedurePublishedV1, procedureCode, {
    ...procedurePublishedV1.example,
    code: procedureCode,
    fees: [{ kind: 'CHARGE', amount: 150000, submissionMethod: 'ONLINE', description: 'Lệ phí' }],
  });
  await waitFor(async () => (await db.query(`SELECT 1 FROM payment.procedure_fees WHERE code = $1`, [procedureCode])).length > 0, 'procedure fees copy', 45000);
  let dossiers = 0;

  /** A dossier of this run asked for the procedure's online fees (status 6), as intake's event asks it. */
  async function billedDossier(): Promise<{ code: string; paymentId: string }> {
    dossiers += 1;
    const code = `000.00.06.H56-${run}-${String(dossiers).padStart(4, '0')}`;
    const eventId = await testEvents(payment.app).publish(dossierStatusChangedV1, code, { ...dossierStatusChangedV1.example, code, procedureCode, previousStatus: 4, status: 6, changedAt: new Date().toISOString() });
    const row = await waitFor(async () => (await db.query(`SELECT id FROM payment.payment_requests WHERE source_event_id = $1`, [eventId]))[0], 'the payment request', 45000);
    return { code, paymentId: row.id };
  }

  const initiate = (code: string, paymentId: string, body: Record<string, unknown>) =>
    request(`${payment.baseUrl}/dossiers/${encodeURIComponent(code)}/payments/${paymentId}/attempts`, { method: 'POST', body });

  /** A new dossier's fee, being paid through `through`. */
  async function pendingAttempt(through: string): Promise<Attempt & { code: string }> {
    const { code, paymentId } = await billedDossier();
    const res = await initiate(code, paymentId, { provider: through });
    if (res.status !== 201) throw new Error(`starting to pay through ${through} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return { ...(res.body as unknown as Attempt), code };
  }

  /** A callback on an attempt as its provider signs it (or a forger, with another key), with `fields` changed before signing. */
  const callbackOn = (attempt: Pick<Attempt, 'reference' | 'amount'>, from: TestProvider, fields: Record<string, string> = {}, key = demoPaymentKeyOf(seedSecret, from.systemId)) =>
    signPlatformMessage(
      'CALLBACK',
      {
        LoaiBanTin: 'CALLBACK',
        MaLoi: '00',
        MaDoiTac: 'LIENTHONG',
        MaThamChieu: attempt.reference,
        SoTien: String(attempt.amount),
        MaTienTe: 'VND',
        MaGiaoDich: `GD-${attempt.reference.slice(-8)}`,
        MaNganHang: from.code,
        ThoiGianGD: formatLegacyDate(new Date()),
        ThongTinGiaoDich: 'THANH TOAN HO SO',
        ...fields,
      },
      key,
      from.scheme,
    );
  /** A callback as the gateway forwards it, from the system that sent it. */
  const sendCallback = (body: unknown, caller: string) => request(`${payment.baseUrl}/payments/callbacks`, { method: 'POST', body, headers: { [INTERNAL_HEADERS.client]: caller } });

  /** The receipt of the attempt's fee, as payment serves it. */
  const receiptFor = (attempt: Attempt & { code: string }) => request(`${payment.baseUrl}/dossiers/${encodeURIComponent(attempt.code)}/payments/${attempt.paymentId}/receipt`);

  const attemptRow = async (reference: string) => (await db.query(`SELECT * FROM payment.payment_attempts WHERE reference = $1`, [reference]))[0];

  async function stop(): Promise<void> {
    await payment.close();
    await provider.stop();
  }

  return { run, payment, db, provider, billedDossier, initiate, pendingAttempt, callbackOn, sendCallback, receiptFor, attemptRow, stop };
}

export type PaymentFixture = Awaited<ReturnType<typeof startPayment>>;
