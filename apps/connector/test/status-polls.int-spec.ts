import type { Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { dossierStatusChangedV1, dossierStatusObservedV1, DossierStatusObservedV1, dossierSubmittedV1, DossierSubmittedV1 } from '@lienthong/contracts';
import { oneStopSystemOf } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { fromKafkaMessage, inNamespace, Messaging, ReceivedEvent } from '@lienthong/platform-kafka';
import { startTestApp, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { ConnectorEnv } from '../src/config';
import { FakeOneStop } from './fake-one-stop';

const SEED_SECRET = 'connector-status-polls-test';
// provinces no other connector test uses: H32 cannot push, H35 can
const PULL = 'H32';
const PUSH = 'H35';
const run = Date.now().toString(36);

describe('connector: pull mode, looking statuses up in systems that cannot push them (real PostgreSQL and Kafka)', () => {
  const fake = new FakeOneStop(SEED_SECRET);
  let connector: TestApp;
  let db: DataSource;
  let listener: Consumer;
  const observed = new Map<string, DossierStatusObservedV1[]>();

  const observedOf = (code: string) => observed.get(code) ?? [];
  const lookedUp = (code: string, times: number) => waitFor(() => fake.lookupsOf(code) >= times, `${times} look-ups of ${code}`, 20000);
  /** Submitted as intake publishes it; answers once the province holds it. */
  const deliver = async (province: string, ref: string): Promise<string> => {
    const dossier: DossierSubmittedV1 = { ...dossierSubmittedV1.example, code: `000.00.06.${province}-${run}-${ref}`, partnerReference: `${run}-${ref}`, agencyCode: `000.00.06.${province}`, provinceCode: province };
    await testEvents(connector.app).publish(dossierSubmittedV1, dossier.code, dossier);
    await waitFor(() => fake.syncsOf(dossier.code).length > 0, `${dossier.code} delivered`, 30000);
    return dossier.code;
  };

  beforeAll(async () => {
    await fake.start();
    // a circuit opened by the outage test lets a trial look-up through soon
    const env = { ...process.env, ONE_STOP_BASE_URL: fake.baseUrl, DEMO_SEED_SECRET: SEED_SECRET, BREAKER_RESET_MS: '500' };
    connector = await startTestApp(AppModule.register(loadConfig(ConnectorEnv, env)));
    db = connector.app.get(DataSource);
    await db.query(`UPDATE connector.systems SET sync_mode = 'pull', poll_interval_ms = 100 WHERE code = $1`, [oneStopSystemOf(PULL)]);
    listener = connector.app.get(Messaging).kafka.consumer({ groupId: `connector-polls-test-${run}` });
    await listener.connect();
    await listener.subscribe({ topics: [inNamespace(dossierStatusObservedV1.topic)], fromBeginning: true });
    await listener.run({
      eachMessage: async ({ message }) => {
        const { data } = fromKafkaMessage(message) as ReceivedEvent<DossierStatusObservedV1>;
        observed.set(data.code, [...observedOf(data.code), data]);
      },
    });
  }, 60000);

  afterAll(async () => {
    // the test database outlives runs: every system pushes again, and no later run looks this run's dossiers up
    await db?.query(`UPDATE connector.systems SET sync_mode = DEFAULT, poll_interval_ms = DEFAULT`);
    await db?.query(`DELETE FROM connector.status_watches WHERE system_code = $1`, [oneStopSystemOf(PULL)]);
    await listener?.disconnect();
    await connector?.close();
    await fake.close();
  }, 30000);

  it('publishes each change of the status the province answers once, and nothing while it stays the same', async () => {
    const code = await deliver(PULL, 'changes');
    // the province holds it as delivered, with status 1: nothing new
    await lookedUp(code, 2);
    fake.update(PULL, code, { TrangThaiHoSo: '2', NgayTiepNhan: '20261123081500' });
    const [accepted] = await waitFor(() => observedOf(code).length > 0 && observedOf(code), 'status 2 observed', 20000);
    expect(accepted).toEqual({ code, systemCode: oneStopSystemOf(PULL), status: '2', occurredAt: '2026-11-23T01:15:00.000Z', observedAt: expect.any(String) });

    // the same status, as a number now
    fake.update(PULL, code, { TrangThaiHoSo: 2 });
    await lookedUp(code, fake.lookupsOf(code) + 2);
    fake.update(PULL, code, { TrangThaiHoSo: 'processing' });
    await waitFor(() => observedOf(code).length >= 2, 'processing observed', 20000);
    // one dossier's events arrive in order: an event of an unchanged look-up would have come before this one
    expect(observedOf(code).map((e) => e.status)).toEqual(['2', 'processing']);
    const processing = observedOf(code)[1];
    // the record says when a dossier was accepted, not when it went into processing: the look-up's time stands for it
    expect(processing.occurredAt).toBe(processing.observedAt);
    expect(Date.parse(processing.observedAt)).toBeGreaterThan(Date.parse(accepted.observedAt));
  });

  it('looks a dossier up no more once the backbone has finished it', async () => {
    const [finished, open] = [await deliver(PULL, 'finished'), await deliver(PULL, 'open')];
    await lookedUp(finished, 1);
    // intake's verdict on a report: the dossier's result was returned
    const change = { ...dossierStatusChangedV1.example, code: finished, provinceCode: PULL, previousStatus: 9, status: 10, changedBy: oneStopSystemOf(PULL) };
    await testEvents(connector.app).publish(dossierStatusChangedV1, finished, change);
    await waitFor(async () => (await db.query(`SELECT 1 FROM connector.settled_dossiers WHERE code = $1`, [finished])).length > 0, 'dossier settled', 20000);
    const lookups = fake.lookupsOf(finished);

    fake.update(PULL, finished, { TrangThaiHoSo: 9 });
    fake.update(PULL, open, { TrangThaiHoSo: 2 });
    await waitFor(() => observedOf(open).length > 0, 'the open dossier observed', 20000);
    await lookedUp(open, fake.lookupsOf(open) + 2);
    expect(fake.lookupsOf(finished)).toBe(lookups);
    expect(observedOf(finished)).toEqual([]);
  });

  it('leaves the dossiers of a system that pushes alone', async () => {
    const pushed = await deliver(PUSH, 'pushed');
    const pulled = await deliver(PULL, 'beside');
    await lookedUp(pulled, 2);
    expect(fake.lookupsOf(pushed)).toBe(0);
  });

  it('keeps looking a dossier up while the province fails, noting why, and publishes the change once it answers', async () => {
    const code = await deliver(PULL, 'outage');
    fake.setDown(PULL, true);
    const lastError = await waitFor(async () => {
      const [watch]: { last_error: string | null }[] = await db.query(`SELECT last_error FROM connector.status_watches WHERE dossier_code = $1`, [code]);
      return watch?.last_error ?? undefined;
    }, 'a failed look-up', 20000);
    expect(lastError).toMatch(/HTTP 503 from .*\/H32\/|circuit of .*H32.* is open/);
    fake.update(PULL, code, { TrangThaiHoSo: 'new' });
    fake.setDown(PULL, false);
    await waitFor(() => observedOf(code).length > 0, 'observed after the outage', 40000);
    expect(observedOf(code).map((e) => e.status)).toEqual(['new']);
  }, 60000);
});
