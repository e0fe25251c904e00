import { EventEmitter } from 'node:events';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { EventContract } from '@lienthong/contracts';
import { EventConsumer } from './event-consumer';

/** A KafkaJS consumer that only records what it is asked to do and emits what a test tells it to. */
class FakeConsumer extends EventEmitter {
  readonly events = { GROUP_JOIN: 'group-join', CRASH: 'crash', STOP: 'stop' };
  readonly calls: string[] = [];
  async connect() {
    this.calls.push('connect');
  }
  async subscribe() {
    this.calls.push('subscribe');
  }
  async run() {
    this.calls.push('run');
  }
  async disconnect() {
    this.calls.push('disconnect');
  }
}

const contract = { topic: 'test.happened', version: 1, schema: {} } as unknown as EventContract<unknown>;

function consumerOver(consumers: FakeConsumer[]) {
  const kafka = { consumer: () => consumers[consumers.push(new FakeConsumer()) - 1] } as unknown as Kafka;
  const consumer = new EventConsumer(kafka, {} as Producer, {} as DataSource, { groupId: 'test', namespace: '', maxAttempts: 1, retryDelayMs: 1, restartDelayMs: 5 });
  consumer.on(contract, async () => undefined);
  return consumer;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('EventConsumer after a crash', () => {
  it('leaves a retriable crash to KafkaJS, which restarts the same consumer', async () => {
    const consumers: FakeConsumer[] = [];
    const consumer = consumerOver(consumers);
    await consumer.start();
    consumers[0].emit('group-join', { payload: {} });
    consumers[0].emit('crash', { payload: { restart: true } });
    await settle();
    expect(consumers).toHaveLength(1);
    expect(consumer.ready).toBe(false);
  });

  it('replaces a consumer that KafkaJS gave up on with a new one that runs', async () => {
    const consumers: FakeConsumer[] = [];
    const consumer = consumerOver(consumers);
    await consumer.start();
    consumers[0].emit('crash', { payload: { restart: false } });
    await settle();
    expect(consumers).toHaveLength(2);
    expect(consumers[0].calls).toContain('disconnect');
    expect(consumers[1].calls).toEqual(['connect', 'subscribe', 'run']);
    consumers[1].emit('group-join', { payload: {} });
    expect(consumer.ready).toBe(true);
  });

  it('does not come back once the service stops it', async () => {
    const consumers: FakeConsumer[] = [];
    const consumer = consumerOver(consumers);
    await consumer.start();
    consumers[0].emit('crash', { payload: { restart: false } });
    await consumer.stop();
    await settle();
    expect(consumers).toHaveLength(1);
  });
});
