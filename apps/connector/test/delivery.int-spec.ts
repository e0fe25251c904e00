import type { Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deliveryFailedV1, DeliveryFailedV1, deliverySucceededV1, DeliverySucceededV1, dossierSubmittedV1, DossierSubmittedV1 } from '@lienthong/contracts';
import { oneStopSystemOf } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { fromKafkaMessage, inNamespace, Messaging, ReceivedEvent } from '@lienthong/platform-kafka';
import { request, startTestApp, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { ConnectorEnv } from '../src/config';
import { FakeOneStop } from './fake-one-stop';

const SEED_SECRET = 'connector-test-seed';
const MAX_ATTEMPTS = 6;
const run = Date.now().toString(36);
const dossier = (province: string, ref: string, overrides: Partial<DossierSubmittedV1> = {}): DossierSubmittedV1 => ({
  ...dossierSubmittedV1.example,
  code: `000.00.06.${province}-${run}-${ref}`,
  partnerReference: `${run}-${ref}`,
  agencyCode: `000.00.06.${province}`,
  provinceCode: province,
  ...overrides,
});

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  system_code: string;
  last_error: string | null;
}

describe('connector: delivering submitted dossiers to one-stop systems (real PostgreSQL and Kafka)', () => {
  const fake = new FakeOneStop(SEED_SECRET);
  let connector: TestApp;
  let db: DataSource;
  let listener: Consumer;
  const outcomes: ReceivedEvent[] = [];

  /** Publishes as intake does: through an outbox, so the event reaches the connector over Kafka. */
  const publish = (d: DossierSubmittedV1, key = d.code): Promise<string> => testEvents(connector.app).publish(dossierSubmittedV1, key, d);
  const deliveriesOf = (subject: string): Promise<DeliveryRow[]> => db.query(`SELECT * FROM connector.deliveries WHERE subject = $1`, [subject]);
  const deliveryOf = async (subject: string, status?: string): Promise<DeliveryRow | undefined> => {
    const [row] = await deliveriesOf(subject);
    return row && (!status || row.status === status) ? row : undefined;
  };
  const outcomeOf = <T>(type: string, deliveryId: string) =>
    waitFor(() => outcomes.find((e) => e.type === type && (e.data as { deliveryId: string }).deliveryId === deliveryId) as ReceivedEvent<T> | undefined, `${type} of ${deliveryId}`, 20000);

  beforeAll(async () => {
    await fake.start();
    const env = {
      ...process.env,
      ONE_STOP_BASE_URL: fake.baseUrl,
      DEMO_SEED_SECRET: SEED_SECRET,
      DELIVERY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      DELIVERY_BACKOFF_BASE_MS: '50',
      DELIVERY_BACKOFF_CAP_MS: '400',
      DELIVERY_TIMEOUT_MS: '2000',
    };
    connector = await startTestApp(AppModule.register(loadConfig(ConnectorEnv, env)));
    db = connector.app.get(DataSource);
    // a group of its own, from the beginning: sees every delivery outcome, whenever it joins
    listener = connector.app.get(Messaging).kafka.consumer({ groupId: `connector-test-${run}` });
    await listener.connect();
    await listener.subscribe({ topics: [inNamespace(deliverySucceededV1.topic), inNamespace(deliveryFailedV1.topic)], fromBeginning: true });
    await listener.run({ eachMessage: async ({ message }) => void outcomes.push(fromKafkaMessage(message)) });
  }, 60000);

  afterAll(async () => {
    await listener?.disconnect();
    await connector?.close();
    await fake.close();
  }, 30000);

  it('registers the 34 provincial one-stop systems without their secrets', async () => {
    const res = await request(`${connector.baseUrl}/systems`);
    expect(res.status).toBe(200);
    const systems = res.body.items as Record<string, unknown>[];
    const thanhHoa = systems.find((s) => s.code === oneStopSystemOf('H56'));
    expect(systems.filter((s) => s.code === oneStopSystemOf(String(s.provinceCode)))).toHaveLength(34);
    expect(thanhHoa).toMatchObject({ protocol: 'DVCQG_SESSION', endpoint: `${fake.baseUrl}/H56`, username: 'lienthong', credentialsRef: 'demo-seed', enabled: true });
    expect(JSON.stringify(res.body)).not.toMatch(/password|lt_[\w-]{32}/);
  });

  it('delivers a submitted dossier in the DongBoHoSoMC dialect and publishes delivery.succeeded.v1', async () => {
    const d = dossier('H56', 'first', { submittedAt: '2026-11-23T17:30:00.000Z', applicant: { ...dossierSubmittedV1.example.applicant, accountId: 'vneid-7' } });
    const eventId = await publish(d);
    const delivery = await waitFor(() => deliveryOf(d.code, 'delivered'), 'delivered', 30000);
    expect(delivery).toMatchObject({ system_code: oneStopSystemOf('H56'), attempts: 1, last_error: null });
    const [sync] = fake.syncsOf(d.code);
    expect(sync).toMatchObject({ province: 'H56', isUpdating: false, madonvi: '000.00.06.H56', answer: 'accepted' });
    expect(sync.record).toMatchObject({
      MaHoSo: d.code,
      MaTTHC: '1.000358',
      KenhThucHien: '2',
      ChuHoSo: 'Nguyễn Văn An',
      MaDoiTuong: 'vneid-7',
      NgayNopHoSo: '20261124003000',
      TrangThaiHoSo: '1',
      DonViXuLy: '000.00.06.H56',
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038090001234' }],
    });
    const event = await outcomeOf<DeliverySucceededV1>(deliverySucceededV1.type, delivery.id);
    expect(event.subject).toBe(d.code);
    expect(event.data).toMatchObject({ systemCode: oneStopSystemOf('H56'), sourceEventId: eventId, attempts: 1 });
  });

  it('resends a dossier the system already holds as an update, logging in again when the session expired', async () => {
    const d = dossier('H56', 'again');
    await publish(d);
    await waitFor(() => deliveryOf(d.code, 'delivered'), 'first delivery', 30000);
    const logins = fake.logins.get('H56')!;
    fake.expireSessions();
    await publish(d); // the same dossier again, as a new event
    await waitFor(async () => (await deliveriesOf(d.code)).filter((r) => r.status === 'delivered').length === 2, 'second delivery', 30000);
    expect(fake.syncsOf(d.code).map((s) => [s.isUpdating, s.answer])).toEqual([
      [false, 'accepted'],
      [false, 'already-exists'],
      [true, 'accepted'],
    ]);
    expect(fake.logins.get('H56')).toBe(logins + 1);
  });

  it('retries with backoff while the system answers 503 and delivers once it recovers', async () => {
    fake.setDown('H26', true);
    const d = dossier('H26', 'outage');
    await publish(d);
    const failing = await waitFor(async () => {
      const row = await deliveryOf(d.code, 'pending');
      return row && row.attempts >= 2 ? row : undefined;
    }, 'two failed attempts', 30000);
    expect(failing.last_error).toMatch(/HTTP 503 from .*\/H26\/login/);
    fake.setDown('H26', false);
    const delivered = await waitFor(() => deliveryOf(d.code, 'delivered'), 'delivered after recovery', 30000);
    expect(delivered.attempts).toBeGreaterThanOrEqual(3);
    expect(fake.syncsOf(d.code)).toHaveLength(1);
  });

  it('fails a delivery after the last attempt with delivery.failed.v1, and a redrive delivers it', async () => {
    fake.setDown('H29', true);
    const d = dossier('H29', 'down');
    await publish(d);
    const failed = await waitFor(() => deliveryOf(d.code, 'failed'), 'failed', 30000);
    expect(failed.attempts).toBe(MAX_ATTEMPTS);
    const event = await outcomeOf<DeliveryFailedV1>(deliveryFailedV1.type, failed.id);
    expect(event.data).toMatchObject({ systemCode: oneStopSystemOf('H29'), subject: d.code, attempts: MAX_ATTEMPTS, error: expect.stringMatching(/HTTP 503/) });
    const listed = await request(`${connector.baseUrl}/deliveries?status=failed&system=${encodeURIComponent(oneStopSystemOf('H29'))}&subject=${encodeURIComponent(d.code)}`);
    expect(listed.body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: failed.id, status: 'failed', attempts: MAX_ATTEMPTS })]);

    fake.setDown('H29', false);
    const redriven = await request(`${connector.baseUrl}/deliveries/${failed.id}/redrive`, { method: 'POST' });
    expect(redriven.status).toBe(200);
    expect(redriven.body).toMatchObject({ id: failed.id, status: 'pending', attempts: 0 });
    await waitFor(() => deliveryOf(d.code, 'delivered'), 'delivered after redrive', 30000);
    await outcomeOf(deliverySucceededV1.type, failed.id);

    const again = await request(`${connector.baseUrl}/deliveries/${failed.id}/redrive`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({ type: expect.stringMatching(/\/delivery-not-redrivable$/), deliveryStatus: 'delivered' });
  });

  it('stores a dossier of a province without a system as failed, with delivery.failed.v1', async () => {
    const d = dossier('H99', 'nowhere');
    await publish(d);
    const failed = await waitFor(() => deliveryOf(d.code, 'failed'), 'failed at once', 30000);
    expect(failed).toMatchObject({ system_code: oneStopSystemOf('H99'), last_error: 'no enabled system for province H99' });
    const event = await outcomeOf<DeliveryFailedV1>(deliveryFailedV1.type, failed.id);
    expect(event.data.error).toBe('no enabled system for province H99');
  });

  it('makes one delivery of an event that Kafka delivers twice', async () => {
    const d = dossier('H17', 'twice');
    const id = await publish(d);
    await waitFor(() => deliveryOf(d.code, 'delivered'), 'delivered', 30000);
    // the relay publishing the same event again, as after a crash before it deleted the row
    await testEvents(connector.app).publishAgain(dossierSubmittedV1, id, d.code, d);
    // a later event on the same key, hence the same partition: once it is handled, so is the repeat
    const marker = dossier('H17', 'marker');
    await publish(marker, d.code);
    await waitFor(() => deliveryOf(marker.code, 'delivered'), 'marker delivered', 30000);
    expect(await deliveriesOf(d.code)).toHaveLength(1);
    expect(fake.syncsOf(d.code)).toHaveLength(1);
  });

  it.each([
    ['an unknown status', '/deliveries?status=lost', 400, 'invalid-request'],
    ['a page size over 100', '/deliveries?pageSize=1000', 400, 'invalid-request'],
    ['an unknown query parameter', '/deliveries?colour=red', 400, 'invalid-request'],
  ])('refuses a listing with %s', async (_what, path, status, type) => {
    const res = await request(`${connector.baseUrl}${path}`);
    expect(res.status).toBe(status);
    expect(res.body.type).toMatch(new RegExp(`/${type}$`));
  });

  it.each([
    ['a malformed id', 'not-a-uuid', 400, 'invalid-request'],
    ['an unknown id', '1b4e28ba-2fa1-41d2-883f-0016d3cca427', 404, 'delivery-not-found'],
  ])('refuses a redrive of %s', async (_what, id, status, type) => {
    const res = await request(`${connector.baseUrl}/deliveries/${id}/redrive`, { method: 'POST' });
    expect(res.status).toBe(status);
    expect(res.body.type).toMatch(new RegExp(`/${type}$`));
  });
});
