import type { Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DEAD_LETTER_TOPIC, dossierStatusChangedV1, DossierStatusChangedV1, PaymentRequestedV1, paymentRequestedV1, procedurePublishedV1 } from '@lienthong/contracts';
import { loadConfig } from '@lienthong/platform-config';
import { DEAD_LETTER_HEADERS, fromKafkaMessage, inNamespace, Messaging, ReceivedEvent } from '@lienthong/platform-kafka';
import { request, startTestApp, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { PaymentEnv } from '../src/config';

const run = Date.now().toString(36);
/** A procedure code of this run only: no other test's newer version can replace its fees. */
const procedureCode = `9.${String(Date.now()).slice(-6)}`;
const codeOf = (name: string) => `000.00.06.H56-${run}-${name}`;
const statusChange = (name: string, previousStatus: number, status: number, procedure = procedureCode): DossierStatusChangedV1 => ({
  ...dossierStatusChangedV1.example,
  code: codeOf(name),
  procedureCode: procedure,
  previousStatus,
  status,
  changedAt: new Date().toISOString(),
});

describe('payment: payment requests from dossier status changes (real PostgreSQL and Kafka)', () => {
  let payment: TestApp;
  let db: DataSource;
  let listener: Consumer;
  const requested: ReceivedEvent<PaymentRequestedV1>[] = [];
  const deadLetters: { id: string; error: string }[] = [];

  let events: ReturnType<typeof testEvents>;
  const publish = (event: DossierStatusChangedV1) => events.publish(dossierStatusChangedV1, event.code, event);
  const publishAgain = (id: string, event: DossierStatusChangedV1) => events.publishAgain(dossierStatusChangedV1, id, event.code, event);

  const requestsOf = (name: string) => db.query(`SELECT * FROM payment.payment_requests WHERE dossier_code = $1 ORDER BY requested_at`, [codeOf(name)]);
  const requestOfEvent = async (eventId: string) => (await db.query(`SELECT * FROM payment.payment_requests WHERE source_event_id = $1`, [eventId]))[0];

  beforeAll(async () => {
    payment = await startTestApp(AppModule.register(loadConfig(PaymentEnv)));
    db = payment.app.get(DataSource);
    events = testEvents(payment.app);

    // what payment publishes and what it parks, read back from Kafka by a group of this run
    listener = payment.app.get(Messaging).kafka.consumer({ groupId: `payment-test-${run}` });
    await listener.connect();
    await listener.subscribe({ topics: [inNamespace(paymentRequestedV1.topic), inNamespace(DEAD_LETTER_TOPIC)], fromBeginning: true });
    await listener.run({
      eachMessage: async ({ topic, message }) => {
        if (!message.key?.toString().includes(run)) return;
        if (topic === inNamespace(DEAD_LETTER_TOPIC)) deadLetters.push({ id: String(message.headers?.ce_id), error: String(message.headers?.[DEAD_LETTER_HEADERS.error]) });
        else requested.push(fromKafkaMessage(message) as ReceivedEvent<PaymentRequestedV1>);
      },
    });

    // the procedure's fees come from catalogue events; write one as catalogue would
    await events.publish(procedurePublishedV1, procedureCode, {
      ...procedurePublishedV1.example,
      code: procedureCode,
      fees: [
        { kind: 'FEE', amount: 50000, submissionMethod: 'ONLINE', description: 'Phí thẩm định' },
        { kind: 'CHARGE', amount: 100000, submissionMethod: 'ONLINE', description: 'Lệ phí' },
        { kind: 'FEE', amount: 70000, submissionMethod: 'DIRECT' },
      ],
    });
    await waitFor(async () => (await db.query(`SELECT 1 FROM payment.procedure_fees WHERE code = $1`, [procedureCode])).length > 0, 'procedure fees copy', 45000);
  }, 90000);

  afterAll(async () => {
    await listener?.disconnect();
    await payment?.close();
  }, 30000);

  it('records one payment request with the online fees total and publishes payment.requested.v1', async () => {
    const eventId = await publish(statusChange('billed', 4, 6));
    const row = await waitFor(() => requestOfEvent(eventId), 'the payment request', 45000);
    expect(row).toMatchObject({ dossier_code: codeOf('billed'), procedure_code: procedureCode, amount: 150000, currency: 'VND', status: 'requested' });
    expect(row.fee_lines).toEqual([
      { kind: 'FEE', amount: 50000, description: 'Phí thẩm định' },
      { kind: 'CHARGE', amount: 100000, description: 'Lệ phí' },
    ]);

    const event = await waitFor(() => requested.find((e) => e.data.paymentId === row.id), 'payment.requested.v1 on Kafka', 30000);
    expect(event.subject).toBe(codeOf('billed'));
    expect(event.data).toMatchObject({ dossierCode: codeOf('billed'), procedureCode, amount: 150000, currency: 'VND' });

    const listed = await request(`${payment.baseUrl}/payments?dossier=${encodeURIComponent(codeOf('billed'))}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    const found = await request(`${payment.baseUrl}/payments/${row.id}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: row.id, dossierCode: codeOf('billed'), amount: 150000, status: 'requested' });
  }, 90000);

  it('records nothing for other statuses', async () => {
    await publish(statusChange('processing', 2, 4));
    // the later change of the same dossier shares its partition, so once it is handled the first one was too
    const laterId = await publish(statusChange('processing', 4, 6));
    await waitFor(() => requestOfEvent(laterId), 'the request of the later change', 45000);
    const rows = await requestsOf('processing');
    expect(rows.map((r: { source_event_id: string }) => r.source_event_id)).toEqual([laterId]);
  }, 60000);

  it('bills a redelivered event once', async () => {
    const event = statusChange('redelivered', 4, 6);
    const eventId = await publish(event);
    await waitFor(() => requestOfEvent(eventId), 'the first request', 45000);
    await publishAgain(eventId, event);
    // a later payment request of the same dossier (e.g. an extra fee) shares the partition: it marks the repeat as handled
    const laterId = await publish(statusChange('redelivered', 4, 6));
    await waitFor(() => requestOfEvent(laterId), 'the request of the later change', 45000);
    const rows = await requestsOf('redelivered');
    expect(rows.map((r: { source_event_id: string }) => r.source_event_id)).toEqual([eventId, laterId]);
    await waitFor(() => requested.filter((e) => e.data.dossierCode === codeOf('redelivered')).length >= 2, 'both events on Kafka', 30000);
    expect(requested.filter((e) => e.data.dossierCode === codeOf('redelivered'))).toHaveLength(2);
  }, 90000);

  it.each([
    ['an unknown id', '/payments/6f1c7a52-7a8e-4f55-9d0e-3c3f1f1b2a10', 404, 'payment-not-found'],
    ['an id that is no uuid', '/payments/not-a-uuid', 400, 'invalid-request'],
    ['a page size over 100', '/payments?pageSize=1000', 400, 'invalid-request'],
    ['an empty dossier code', '/payments?dossier=', 400, 'invalid-request'],
    ['an empty procedure code among the fees held', '/fees-awaiting-procedure?procedure=', 400, 'invalid-request'],
    ['a page size over 100 of the fees held', '/fees-awaiting-procedure?pageSize=101', 400, 'invalid-request'],
  ])('answers %s with problem+json', async (_what, path, status, type) => {
    const res = await request(`${payment.baseUrl}${path}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toMatch(new RegExp(`/${type}$`));
  });

  it('holds the fee of a procedure payment does not know yet, and bills it once the procedure is published', async () => {
    const lateCode = `8.${String(Date.now()).slice(-6)}`;
    const eventId = await publish(statusChange('early', 4, 6, lateCode));
    const held = async () => (await request(`${payment.baseUrl}/fees-awaiting-procedure?procedure=${lateCode}`)).body;
    const waiting = await waitFor(async () => {
      const page = await held();
      return page.total === 1 && page;
    }, 'the held fee request', 45000);
    expect(waiting.items).toEqual([{ dossierCode: codeOf('early'), procedureCode: lateCode, requestedAt: expect.any(String) }]);
    expect(await requestsOf('early')).toHaveLength(0);
    const metrics = String((await request(`${payment.baseUrl}/metrics`)).body);
    expect(Number(/^lienthong_payment_fees_awaiting_procedure (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/^lienthong_payment_fees_awaiting_procedure_oldest_seconds (\S+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0);

    await events.publish(procedurePublishedV1, lateCode, {
      ...procedurePublishedV1.example,
      code: lateCode,
      fees: [{ kind: 'CHARGE', amount: 30000, submissionMethod: 'ONLINE' }],
    });
    const row = await waitFor(() => requestOfEvent(eventId), 'the payment request once the procedure is known', 45000);
    expect(row).toMatchObject({ dossier_code: codeOf('early'), procedure_code: lateCode, amount: 30000, status: 'requested' });
    expect(await held()).toMatchObject({ items: [], total: 0 });
    await waitFor(() => requested.find((e) => e.data.paymentId === row.id), 'payment.requested.v1 on Kafka', 30000);
    expect(deadLetters.filter((d) => d.id === eventId)).toEqual([]);
  }, 90000);
});
