import type { Consumer, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { defineEvent, integer, object, PayloadInvalidError, string } from '@lienthong/contracts';
import { createMessagingTables, InboxEntry, OutboxMessage } from '@lienthong/platform-database';
import { TEST_DATABASE_URL, waitFor } from '@lienthong/platform-testing';
import { fromKafkaMessage, inNamespace, Messaging, Outbox } from '../src';

const run = Date.now().toString(36);
const SCHEMA = `publish_${run}`;
const NAMESPACE = process.env.KAFKA_NAMESPACE!;
const contract = defineEvent<{ step: string; n: number }>({
  topic: `test.publish-${run}.v1`,
  type: `vn.lienthong.test.publish-${run}.v1`,
  partitions: 1,
  schema: object({ step: string(), n: integer({ minimum: 0 }) }),
  example: { step: 'one', n: 1 },
});
const TOPIC = inNamespace(contract.topic, NAMESPACE);
const CLOUDEVENTS_HEADERS = ['ce_id', 'ce_source', 'ce_specversion', 'ce_subject', 'ce_time', 'ce_type', 'content-type'];

describe('messaging: events published straight to Kafka, with no outbox (real Kafka)', () => {
  const received: KafkaMessage[] = [];
  let dataSource: DataSource;
  let messaging: Messaging;
  let watcher: Consumer;
  let shutDown = false;
  const receivedSteps = () => received.map((m) => (fromKafkaMessage(m).data as { step: string }).step);

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: TEST_DATABASE_URL, schema: SCHEMA, entities: [OutboxMessage, InboxEntry], extra: { options: `-c search_path=${SCHEMA}` } });
    await dataSource.initialize();
    await createMessagingTables(dataSource.createQueryRunner(), SCHEMA);
    messaging = new Messaging({ brokers: process.env.KAFKA_BROKERS!, service: `publish-spec-${run}`, namespace: NAMESPACE }, dataSource, new Outbox());
    await messaging.onApplicationBootstrap();
    const admin = messaging.kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: TOPIC, numPartitions: 1 }] });
    await admin.disconnect();

    watcher = messaging.kafka.consumer({ groupId: inNamespace(`publish-watch-${run}`, NAMESPACE) });
    let watching = false;
    watcher.on(watcher.events.GROUP_JOIN, () => (watching = true));
    await watcher.connect();
    await watcher.subscribe({ topic: TOPIC, fromBeginning: true });
    await watcher.run({ eachMessage: async ({ message }) => void received.push(message) });
    await waitFor(() => watching, 'the watcher joined', 30000);
  }, 90000);

  afterAll(async () => {
    await watcher?.disconnect();
    if (!shutDown) await messaging?.beforeApplicationShutdown();
    await dataSource?.query(`DROP SCHEMA "${SCHEMA}" CASCADE`);
    await dataSource?.destroy();
  }, 60000);

  it('sends each event as a CloudEvent in binary mode, keyed and in order, as consumers read them', async () => {
    const before = Date.now();
    await messaging.publish(contract, [
      { key: 'key-a', payload: { step: 'a', n: 1 } },
      { key: 'key-a', payload: { step: 'b', n: 2 } },
      { key: 'key-b', payload: { step: 'c', n: 3 } },
    ]);
    await waitFor(() => received.length >= 3, 'the published events', 20000);
    const events = received.slice(0, 3).map(fromKafkaMessage);
    expect(events.map((e) => e.data)).toEqual([
      { step: 'a', n: 1 },
      { step: 'b', n: 2 },
      { step: 'c', n: 3 },
    ]);
    expect(events.map((e) => e.subject)).toEqual(['key-a', 'key-a', 'key-b']);
    expect(received.slice(0, 3).map((m) => String(m.key))).toEqual(['key-a', 'key-a', 'key-b']);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    for (const event of events) {
      expect(event).toMatchObject({ type: contract.type, source: `/lienthong/publish-spec-${run}` });
      expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(event.time)).toBeGreaterThanOrEqual(before - 1000);
    }
    expect(Object.keys(received[0].headers!).sort()).toEqual(CLOUDEVENTS_HEADERS);
    expect(String(received[0].headers!['content-type'])).toBe('application/json');
  });

  it('refuses a batch with an invalid payload before sending any of it', async () => {
    const batch = [
      { key: 'key-a', payload: { step: 'valid-beside-invalid', n: 4 } },
      { key: 'key-a', payload: { step: 'invalid', n: -1 } },
    ];
    await expect(messaging.publish(contract, batch)).rejects.toBeInstanceOf(PayloadInvalidError);
    await messaging.publish(contract, [{ key: 'key-a', payload: { step: 'after-invalid', n: 5 } }]);
    await waitFor(() => receivedSteps().includes('after-invalid'), 'the event after the refused batch', 20000);
    expect(receivedSteps()).not.toContain('valid-beside-invalid');
    expect(receivedSteps()).not.toContain('invalid');
  });

  it('lets a publisher drain at shutdown before the producer disconnects', async () => {
    messaging.beforeDisconnect(() => messaging.publish(contract, [{ key: 'key-a', payload: { step: 'drained-at-shutdown', n: 6 } }]));
    await messaging.beforeApplicationShutdown();
    shutDown = true;
    await waitFor(() => receivedSteps().includes('drained-at-shutdown'), 'the event drained at shutdown', 20000);
  });
});
