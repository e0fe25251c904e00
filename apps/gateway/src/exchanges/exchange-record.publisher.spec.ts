import { Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Counter, Registry } from 'prom-client';
import { EventContract, ExchangeRecordedV1, exchangeRecordedV1, ExchangeRecordsShippedV1, exchangeRecordsShippedV1, PayloadInvalidError } from '@lienthong/contracts';
import { GatewayEnv } from '../config';
import { ExchangeBuffer } from './exchange-buffer';
import { ExchangeMessaging, ExchangeRecordPublisher } from './exchange-record.publisher';

const BATCH = 3;
const INTERVAL_MS = 100;

const recordOf = (n: number, client: string | null = 'VN/GOV/000.00.00.H56/MOTCUA'): ExchangeRecordedV1 => ({
  ...exchangeRecordedV1.example,
  exchangeId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  client,
});
const numberOf = (record: ExchangeRecordedV1) => Number(record.exchangeId.slice(-12));

/** Kafka as the publisher sees it: it takes batches, or refuses them while `refusing` says so. */
class FakeMessaging implements ExchangeMessaging {
  readonly sent: number[][] = [];
  readonly keys: string[] = [];
  refusing: Error | undefined;
  drain: (() => Promise<void>) | undefined;

  async publish<T>(contract: EventContract<T>, events: readonly { key: string; payload: T }[]): Promise<void> {
    expect(contract).toBe(exchangeRecordsShippedV1);
    if (this.refusing) throw this.refusing;
    expect(events).toHaveLength(1);
    const [{ key, payload }] = events as unknown as { key: string; payload: ExchangeRecordsShippedV1 }[];
    expect(payload.instance).toBe(key);
    this.sent.push(payload.records.map(numberOf));
    this.keys.push(key);
  }

  beforeDisconnect(drain: () => Promise<void>): void {
    this.drain = drain;
  }
}

describe('ExchangeRecordPublisher', () => {
  let buffer: ExchangeBuffer<ExchangeRecordedV1>;
  let kafka: FakeMessaging;
  let publisher: ExchangeRecordPublisher;
  const push = (...numbers: number[]) => numbers.forEach((n) => buffer.push(recordOf(n)));
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
    buffer = new ExchangeBuffer(1000, new Counter({ name: 'dropped_total', help: 'dropped', registers: [new Registry()] }));
    kafka = new FakeMessaging();
    const config = Object.assign(new GatewayEnv(), { EXCHANGE_FLUSH_BATCH: BATCH, EXCHANGE_FLUSH_INTERVAL_MS: INTERVAL_MS });
    publisher = new ExchangeRecordPublisher(buffer, kafka, config, new HttpAdapterHost());
  });

  afterEach(async () => {
    await kafka.drain?.();
    jest.useRealTimers();
  });

  it('lets fewer records than a batch linger until the interval has passed since the last send', async () => {
    publisher.onApplicationBootstrap();
    push(1, 2);
    await jest.advanceTimersByTimeAsync(INTERVAL_MS - 1);
    expect(kafka.sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(kafka.sent).toEqual([[1, 2]]);
    push(3);
    await jest.advanceTimersByTimeAsync(INTERVAL_MS - 1);
    expect(kafka.sent).toEqual([[1, 2]]);
    await jest.advanceTimersByTimeAsync(1);
    expect(kafka.sent).toEqual([[1, 2], [3]]);
  });

  it('ships a full batch at once, in one message keyed by the gateway instance (host/pid)', async () => {
    publisher.onApplicationBootstrap();
    push(1, 2);
    buffer.push(recordOf(3, null));
    await jest.advanceTimersByTimeAsync(0);
    expect(kafka.sent).toEqual([[1, 2, 3]]);
    expect(kafka.keys).toEqual([expect.stringMatching(new RegExp(`/${process.pid}$`))]);
  });

  it('puts a refused batch back as the oldest and retries it after a backoff, not at every full batch', async () => {
    publisher.onApplicationBootstrap();
    kafka.refusing = new Error('broker away');
    push(1, 2, 3);
    await jest.advanceTimersByTimeAsync(0);
    expect(buffer.size).toBe(BATCH);
    kafka.refusing = undefined;
    push(4, 5, 6);
    await jest.advanceTimersByTimeAsync(0);
    expect(kafka.sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(500); // the first backoff is at most its base
    expect(kafka.sent).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('drops a batch its contract refuses rather than retrying it forever', async () => {
    publisher.onApplicationBootstrap();
    kafka.refusing = new PayloadInvalidError(exchangeRecordsShippedV1.topic, 'status must be >= 100');
    push(1, 2, 3);
    await jest.advanceTimersByTimeAsync(0);
    expect(buffer.size).toBe(0);
    kafka.refusing = undefined;
    push(4);
    await jest.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(kafka.sent).toEqual([[4]]);
  });

  it('at shutdown, publishes all the buffer holds without lingering, then sends nothing more', async () => {
    publisher.onApplicationBootstrap();
    push(1, 2);
    await kafka.drain!();
    expect(kafka.sent).toEqual([[1, 2]]);
    push(3, 4, 5);
    await jest.advanceTimersByTimeAsync(10 * INTERVAL_MS);
    expect(kafka.sent).toEqual([[1, 2]]);
  });

  it('at shutdown, drains batch after batch, and gives up on what Kafka still refuses', async () => {
    push(1, 2, 3, 4, 5, 6, 7);
    await kafka.drain!();
    expect(kafka.sent).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    push(8);
    kafka.refusing = new Error('broker away');
    await expect(kafka.drain!()).resolves.toBeUndefined();
    expect(buffer.size).toBe(1);
    expect(warn).toHaveBeenLastCalledWith('1 exchange records not published at shutdown');
  });
});
