import { paymentFailedV1, paymentSucceededV1, PaymentSucceededV1 } from '@lienthong/contracts';
import { dossierSubmission, request, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import { startIntake } from './intake.fixture';

const ONE_STOP = 'VN/GOV/000.00.00.H56/MOTCUA';
const run = Date.now().toString(36);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60000).toISOString();

interface TimelineEntry {
  kind: string;
  status: number;
  actor: string;
  note: string | null;
  detail?: string;
}

describe('intake: a fee paid moves the dossier on (real PostgreSQL and Kafka)', () => {
  let intake: TestApp;

  const submit = async (ref: string): Promise<string> => {
    const res = await request(`${intake.baseUrl}/dossiers`, { body: dossierSubmission(`${run}-${ref}`), headers: { 'x-lienthong-client': 'VN/GOV/000.00.00.G22/DVCQG' } });
    return res.body.code as string;
  };
  const pushAll = async (code: string, statuses: [number, string][]) => {
    for (const [status, occurredAt] of statuses) {
      expect((await request(`${intake.baseUrl}/dossiers/${code}/status`, { body: { status, occurredAt }, headers: { 'x-lienthong-client': ONE_STOP } })).status).toBe(200);
    }
  };
  const timeline = async (code: string) => ((await request(`${intake.baseUrl}/dossiers/${code}`)).body.timeline as unknown as TimelineEntry[]).filter((t) => t.kind !== 'submitted');
  const paid = (code: string): PaymentSucceededV1 => ({ ...paymentSucceededV1.example, dossierCode: code, reference: `dvc-${code}`, paidAt: minutesAgo(1), recordedAt: minutesAgo(1) });

  beforeAll(async () => {
    ({ intake } = await startIntake(5_100_000));
  }, 60000);

  afterAll(async () => {
    await intake?.close();
  });

  it('brings a dossier waiting for its fee back to processing once, however often the event comes', async () => {
    const code = await submit('paid');
    await pushAll(code, [[2, minutesAgo(30)], [4, minutesAgo(20)], [6, minutesAgo(10)]]);
    const event = paid(code);
    const id = await testEvents(intake.app).publish(paymentSucceededV1, code, event);
    await waitFor(async () => (await request(`${intake.baseUrl}/dossiers/${code}`)).body.status === 4, 'back at processing', 20000);
    await testEvents(intake.app).publishAgain(paymentSucceededV1, id, code, event);
    // a failed attempt of the same dossier shares the partition: once it shows, the repeat was handled too
    await testEvents(intake.app).publish(paymentFailedV1, code, { ...paymentFailedV1.example, dossierCode: code, failedAt: minutesAgo(0) });
    await waitFor(async () => (await timeline(code)).some((t) => t.kind === 'payment-failed'), 'the failed attempt on the timeline', 20000);
    const fromPayment = (await timeline(code)).filter((t) => t.actor === 'payment');
    expect(fromPayment).toEqual([expect.objectContaining({ kind: 'status-changed', status: 4, note: expect.stringContaining('Đã thanh toán 150.000 VND') })]);
  });

  it('moves nothing for a second payment of a fee another attempt paid, and shows it on the timeline as owed back', async () => {
    const code = await submit('paid-twice');
    await pushAll(code, [[2, minutesAgo(30)], [4, minutesAgo(20)], [6, minutesAgo(10)]]);
    await testEvents(intake.app).publish(paymentSucceededV1, code, { ...paid(code), secondPaymentOf: '5b3f7a9e-2c1d-4e8f-9a6b-7c5d3e1f0a2b' });
    const owed = await waitFor(async () => (await timeline(code)).find((t) => t.kind === 'paid-twice'), 'the second payment on the timeline', 20000);
    expect(owed).toMatchObject({ actor: paymentSucceededV1.example.provider, detail: `dvc-${code}`, note: expect.stringContaining('phải hoàn trả') });
    expect((await request(`${intake.baseUrl}/dossiers/${code}`)).body.status).toBe(6);
  });

  it('keeps a fee paid that the province overtook, and one of a dossier intake does not hold, without moving anything back', async () => {
    const code = await submit('overtaken');
    await pushAll(code, [[2, minutesAgo(30)], [4, minutesAgo(20)], [6, minutesAgo(10)], [9, minutesAgo(0.5)]]);
    await testEvents(intake.app).publish(paymentSucceededV1, code, paid(code));
    await testEvents(intake.app).publish(paymentSucceededV1, `000.00.06.H56-${run}-9999`, paid(`000.00.06.H56-${run}-9999`));
    await waitFor(async () => (await timeline(code)).some((t) => t.actor === 'payment'), 'the payment on the timeline', 20000);
    expect((await request(`${intake.baseUrl}/dossiers/${code}`)).body.status).toBe(9);
    expect((await timeline(code)).find((t) => t.actor === 'payment')).toMatchObject({ kind: 'status-late', status: 4 });
  });
});
