import { DataSource } from 'typeorm';
import { deliveryFailedV1, deliverySucceededV1, notificationSentV1, paymentRequestedV1 } from '@lienthong/contracts';
import { dossierSubmission, request, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import { startIntake } from './intake.fixture';

const PORTAL = { 'x-lienthong-client': 'VN/GOV/000.00.00.G22/DVCQG' };
const ONE_STOP = 'VN/GOV/000.00.00.H56/MOTCUA';
const run = Date.now().toString(36);

describe("intake: a dossier's journey across the backbone on its timeline (real PostgreSQL and Kafka)", () => {
  let intake: TestApp;
  let db: DataSource;
  const timelineOf = async (code: string) => (await request(`${intake.baseUrl}/dossiers/${code}`)).body.timeline as Record<string, unknown>[];

  beforeAll(async () => ({ intake, db } = await startIntake(4_000_000)), 60000);
  afterAll(() => intake?.close());

  it('shows each delivery, failed delivery, notification and payment request once, in time order, at the status of then', async () => {
    const submitted = await request(`${intake.baseUrl}/dossiers`, { body: dossierSubmission(`${run}-journey`), headers: PORTAL });
    const code = submitted.body.code as string;
    const events = testEvents(intake.app);
    const delivered = { ...deliverySucceededV1.example, subject: code, systemCode: ONE_STOP, attempts: 2, deliveredAt: new Date(Date.now() + 1000).toISOString() };
    const deliveredId = await events.publish(deliverySucceededV1, code, delivered);
    await events.publish(deliveryFailedV1, code, { ...deliveryFailedV1.example, subject: code, failedAt: new Date(Date.now() + 2000).toISOString() });
    await events.publish(notificationSentV1, code, { ...notificationSentV1.example, subject: code, template: 'dossier.status-changed.1', sentAt: new Date(Date.now() + 3000).toISOString() });
    await events.publish(paymentRequestedV1, code, { ...paymentRequestedV1.example, dossierCode: code, amount: 150000, requestedAt: new Date(Date.now() + 4000).toISOString() });
    // Kafka delivers the first one again, as after a consumer crash: the inbox keeps it from showing twice
    await events.publishAgain(deliverySucceededV1, deliveredId, code, delivered);
    // a delivery of something that is no dossier of intake's leaves no trace and stops nothing; on the same partition,
    // it is handled after the redelivery
    const elsewhereId = await events.publish(deliverySucceededV1, code, { ...deliverySucceededV1.example, subject: `${run}-elsewhere` });

    await waitFor(async () => (await db.query(`SELECT 1 FROM intake.inbox WHERE event_id = $1`, [elsewhereId])).length > 0, 'the last delivery handled', 30000);
    await waitFor(async () => (await timelineOf(code)).length >= 5, 'the four journey entries after submission', 30000);
    const timeline = await timelineOf(code);
    expect(timeline.map((t) => t.kind)).toEqual(['submitted', 'delivered', 'delivery-failed', 'notified', 'payment-requested']);
    expect(timeline.slice(1)).toEqual([
      expect.objectContaining({ status: 1, actor: ONE_STOP, note: 'attempt 2', detail: delivered.deliveryId }),
      expect.objectContaining({ note: '12 attempts: HTTP 503 from one-stop system' }),
      expect.objectContaining({ actor: 'notification', note: 'dossier.status-changed.1', detail: 'EMAIL' }),
      expect.objectContaining({ actor: 'payment', note: '150.000 VND', detail: paymentRequestedV1.example.paymentId }),
    ]);
    const elsewhere = await db.query(`SELECT count(*)::int AS n FROM intake.dossier_timeline WHERE dossier_code = $1`, [`${run}-elsewhere`]);
    expect(elsewhere[0].n).toBe(0);
  }, 60000);

  it("answers a citizen's tracking with nothing personal, and operators' journey without the applicant", async () => {
    const submitted = await request(`${intake.baseUrl}/dossiers`, { body: dossierSubmission(`${run}-tracking`), headers: PORTAL });
    const code = submitted.body.code as string;
    await request(`${intake.baseUrl}/dossiers/${code}/status`, { body: { status: 2, note: 'Đã tiếp nhận tại quầy' }, headers: { 'x-lienthong-client': ONE_STOP } });
    await testEvents(intake.app).publish(notificationSentV1, code, { ...notificationSentV1.example, subject: code, sentAt: new Date(Date.now() + 1000).toISOString() });

    const tracking = (await request(`${intake.baseUrl}/dossiers/${code}/tracking`)).body;
    expect(tracking).toMatchObject({ code, status: 2, statusLabel: 'Đã tiếp nhận', provinceCode: 'H56', applicant: { name: 'N***** V** A*' }, overdue: false });
    expect(tracking.history).toEqual([{ status: 2, statusLabel: 'Đã tiếp nhận', occurredAt: expect.any(String) }]);
    const shown = JSON.stringify(tracking);
    for (const personal of ['038090001234', 'an.nguyen@example.vn', '0961234567', 'Nguyễn Văn An', 'Đã tiếp nhận tại quầy', ONE_STOP]) expect(shown).not.toContain(personal);

    const journey = await waitFor(async () => {
      const body = (await request(`${intake.baseUrl}/dossiers/${code}/journey`)).body;
      return (body.journey as unknown[]).length === 3 && body;
    }, 'the notification on the journey', 30000);
    expect((journey.journey as { kind: string }[]).map((e) => e.kind)).toEqual(['submitted', 'status-changed', 'notified']);
    expect(journey).toMatchObject({ sourceSystem: PORTAL['x-lienthong-client'] });
    expect(journey).not.toHaveProperty('applicant');
    expect((await request(`${intake.baseUrl}/dossiers/000.00.06.H56-000101-9999/tracking`)).status).toBe(404);
  }, 60000);
});
