import { randomUUID } from 'node:crypto';
import type { Consumer, KafkaMessage, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DEAD_LETTER_TOPIC, defineEvent, object, string } from '@lienthong/contracts';
import { createMessagingTables, InboxEntry, OutboxMessage } from '@lienthong/platform-database';
import { TEST_DATABASE_URL, waitFor } from '@lienthong/platform-testing';
import { createKafka, DEAD_LETTER_HEADERS, EventConsumer, ensureTopics, inNamespace, Outbox, OutboxRelay } from '../src';

const run = Date.now().toString(36);
const SCHEMA = `messaging_${run}`;
const NAMESPACE = process.env.KAFKA_NAMESPACE!;
const contract = defineEvent<{ step: string }>({
  topic: `test.messaging-${run}.v1`,
  type: `vn.lienthong.test.messaging-${run}.v1`,
  partitions: 1,
  schema: object({ step: string() }),
  example: { step: 'one' },
});
const TOPIC = inNamespace(contract.topic, NAMESPACE);
const batchContract = defineEvent<{ step: string }>({ ...contract, topic: `test.messaging-batch-${run}.v1`, type: `vn.lienthong.test.messaging-batch-${run}.v1` });

describe('messaging: outbox relay, inbox, bounded retries, dead letters (real Kafka and PostgreSQL)', () => {
  const kafka = createKafka(process.env.KAFKA_BROKERS!, `messaging-spec-${run}`);
  const outbox = new Outbox();
  const handled: string[] = [];
  const batches: string[][] = [];
  const deadLetters: KafkaMessage[] = [];
  let dataSource: DataSource;
  let producer: Producer;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  let deadLetterWatcher: Consumer;

  const publish = async (...steps: string[]) => {
    await dataSource.transaction(async (manager) => {
      for (const step of steps) await outbox.add(manager, contract, 'one-key', { step });
    });
    relay.wake();
  };

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: TEST_DATABASE_URL, schema: SCHEMA, entities: [OutboxMessage, InboxEntry], extra: { options: `-c search_path=${SCHEMA}` } });
    await dataSource.initialize();
    await createMessagingTables(dataSource.createQueryRunner(), SCHEMA);
    await ensureTopics(kafka, NAMESPACE);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [TOPIC, inNamespace(batchContract.topic, NAMESPACE)].map((topic) => ({ topic, numPartitions: 1 })),
    });
    await admin.disconnect();

    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    relay = new OutboxRelay(dataSource, producer, { source: '/lienthong/test', namespace: NAMESPACE, batchSize: 50, idleMs: 50, onError: () => undefined });
    relay.start();

    deadLetterWatcher = kafka.consumer({ groupId: `dlt-watch-${run}` });
    await deadLetterWatcher.connect();
    await deadLetterWatcher.subscribe({ topic: inNamespace(DEAD_LETTER_TOPIC, NAMESPACE), fromBeginning: false });
    let watching = false;
    deadLetterWatcher.on(deadLetterWatcher.events.GROUP_JOIN, () => (watching = true));
    await deadLetterWatcher.run({
      eachMessage: async ({ message }) => {
        if (String(message.headers?.[DEAD_LETTER_HEADERS.consumer]) === `consumer-${run}`) deadLetters.push(message);
      },
    });

    consumer = new EventConsumer(kafka, producer, dataSource, { groupId: `consumer-${run}`, namespace: NAMESPACE, maxAttempts: 3, retryDelayMs: 10 });
    consumer.on(contract, async (event, manager) => {
      if (event.data.step.startsWith('poison')) throw new Error(`cannot handle ${event.data.step}`);
      await manager.query('SELECT 1');
      handled.push(event.data.step);
    });
    consumer.onBatch(
      batchContract,
      async (events) => {
        if (events.some((e) => e.data.step.startsWith('poison'))) throw new Error('a poison event in the batch');
        batches.push(events.map((e) => e.data.step));
      },
      (event) => !event.data.step.startsWith('not-mine'),
    );
    await consumer.start();
    await waitFor(() => consumer.ready && watching, 'consumers joined', 30000);
  }, 90000);

  afterAll(async () => {
    await consumer?.stop();
    await deadLetterWatcher?.disconnect();
    await relay?.stop();
    await producer?.disconnect();
    await dataSource?.query(`DROP SCHEMA "${SCHEMA}" CASCADE`);
    await dataSource?.destroy();
  }, 60000);

  it('publishes outbox rows in order as CloudEvents and empties the outbox', async () => {
    await publish('a', 'b', 'c');
    await waitFor(() => handled.includes('c'), 'events handled', 20000);
    expect(handled.slice(-3)).toEqual(['a', 'b', 'c']);
    expect(await dataSource.getRepository(OutboxMessage).count()).toBe(0);
  });

  it('parks a failing event on the dead-letter topic after bounded retries, and the partition moves on', async () => {
    await publish('poison-1', 'after-poison');
    await waitFor(() => handled.includes('after-poison'), 'the event behind the poison', 20000);
    const parked = await waitFor(() => deadLetters.find((m) => JSON.parse(String(m.value)).step === 'poison-1'), 'dead letter', 20000);
    expect(String(parked.headers![DEAD_LETTER_HEADERS.topic])).toBe(TOPIC);
    expect(String(parked.headers![DEAD_LETTER_HEADERS.attempts])).toBe('3');
    expect(String(parked.headers![DEAD_LETTER_HEADERS.error])).toMatch(/cannot handle poison-1/);
    expect(parked.headers![DEAD_LETTER_HEADERS.partition]).toBeDefined();
    expect(parked.headers![DEAD_LETTER_HEADERS.offset]).toBeDefined();
    expect(handled).not.toContain('poison-1');
  });

  it('dead-letters a message that is not a CloudEvent at once, without blocking the next one', async () => {
    await producer.send({ topic: TOPIC, messages: [{ key: 'one-key', value: 'not json at all' }] });
    await publish('after-garbage');
    await waitFor(() => handled.includes('after-garbage'), 'the event behind the garbage', 20000);
    const parked = await waitFor(() => deadLetters.find((m) => String(m.value) === 'not json at all'), 'garbage dead letter', 20000);
    expect(String(parked.headers![DEAD_LETTER_HEADERS.attempts])).toBe('1');
  });

  it('handles a redelivered event (same ce_id) once', async () => {
    const id = randomUUID();
    const message = {
      key: 'one-key',
      value: JSON.stringify({ step: 'redelivered' }),
      headers: { ce_id: id, ce_type: contract.type, ce_source: '/lienthong/test', ce_specversion: '1.0', 'content-type': 'application/json' },
    };
    await producer.send({ topic: TOPIC, messages: [message, message] });
    await publish('after-redelivery');
    await waitFor(() => handled.includes('after-redelivery'), 'the event behind the redelivery', 20000);
    expect(handled.filter((s) => s === 'redelivered')).toHaveLength(1);
  });

  it('passes over the events its filter leaves out: no handler call, no inbox row', async () => {
    const [notMine, , alsoNotMine] = await dataSource.transaction((manager) =>
      outbox.addAll(manager, batchContract, ['not-mine-1', 'mine-1', 'not-mine-2'].map((step) => ({ key: 'filter-key', payload: { step } }))),
    );
    relay.wake();
    await waitFor(() => batches.flat().includes('mine-1'), 'the event the filter keeps', 30000);
    expect(batches.flat().filter((step) => step.startsWith('not-mine'))).toEqual([]);
    expect(await dataSource.getRepository(InboxEntry).countBy([{ eventId: notMine }, { eventId: alsoNotMine }])).toBe(0);
  });

  it('handles a batch in one go, and when it keeps failing, each event on its own so only the poison is parked', async () => {
    await dataSource.transaction((manager) =>
      outbox.addAll(manager, batchContract, ['b1', 'b2', 'poison-b3', 'b4'].map((step) => ({ key: 'batch-key', payload: { step } }))),
    );
    relay.wake();
    await waitFor(() => batches.flat().includes('b4'), 'the healthy events of the batch', 30000);
    expect(batches.flat().filter((step) => ['b1', 'b2', 'b4'].includes(step)).sort()).toEqual(['b1', 'b2', 'b4']);
    await waitFor(() => deadLetters.find((m) => String(m.value).includes('"poison-b3"')), 'the poison of the batch parked', 20000);
  });
});
