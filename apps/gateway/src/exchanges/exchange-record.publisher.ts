import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { ExchangeRecordedV1, exchangeRecordsShippedV1, PayloadInvalidError } from '@lienthong/contracts';
import { backoffMs } from '@lienthong/platform-database';
import { Messaging } from '@lienthong/platform-kafka';
import { GatewayEnv } from '../config';
import { ExchangeBuffer } from './exchange-buffer';

/** What the publisher needs of Messaging. */
export type ExchangeMessaging = Pick<Messaging, 'publish' | 'beforeDisconnect'>;

const RETRY_BASE_MS = 500;
const RETRY_CAP_MS = 30000;
/** Which gateway instance shipped a batch: also its Kafka key, so that instances spread over the partitions. */
const INSTANCE = `${hostname()}/${process.pid}`.slice(0, 200);

/**
 * Ships exchange records from the in-memory buffer in batches (exchange.records-shipped.v1) to the instances that store
 * them and publish each as exchange.recorded.v1, off the request path, with no outbox: a record is no database change,
 * so there is nothing to keep it atomic with, and the round trip through PostgreSQL cost the gateway a large share of
 * its CPU per call; a batch per Kafka message, because a message costs kafkajs about 30 µs whatever its size.
 *
 * It lingers: a batch goes when the buffer holds EXCHANGE_FLUSH_BATCH records, or EXCHANGE_FLUSH_INTERVAL_MS after
 * the last send, whichever comes first, so that the broker and kafkajs see few large produce requests (the numbers
 * are in config.ts).
 *
 * Between a response's end and Kafka's acknowledgement of its record, the record lives only in memory: a crash (or a
 * buffer overflow while Kafka is away) loses it, so delivery is at most once up to the acknowledgement. That is the
 * price of never making a call wait for, or fail on, its own record. Registry changes reach the audit log in their own
 * transaction; exchanges reach it from these records, so an exchange lost before Kafka has it is missing there too.
 * From the acknowledgement on, every record reaches its consumers exactly as any other event does.
 */
@Injectable()
export class ExchangeRecordPublisher implements OnApplicationBootstrap {
  private readonly logger = new Logger('ExchangeRecordPublisher');
  private running: Promise<void> = Promise.resolve();
  private stopping = false;
  private failures = 0;
  private lastSendAt = 0;
  /** Ends the current pause: set while the loop waits. */
  private endPause: (() => void) | undefined;
  /** Ends the current pause when a full batch is waiting; unset while backing off after a failure. */
  private onFullBatch: (() => void) | undefined;

  constructor(
    private readonly buffer: ExchangeBuffer<ExchangeRecordedV1>,
    @Inject(Messaging) private readonly messaging: ExchangeMessaging,
    private readonly config: GatewayEnv,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    // the listener only ends the loop's pause: the send runs in the loop, not in the trace of the call whose record
    // filled the batch (publish stamps the active trace on every event it sends)
    buffer.onReach(config.EXCHANGE_FLUSH_BATCH, () => this.onFullBatch?.());
    messaging.beforeDisconnect(() => this.drain());
  }

  onApplicationBootstrap(): void {
    this.lastSendAt = Date.now();
    this.running = this.loop();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      await this.pause();
      if (!this.stopping) await this.sendBatch();
    }
  }

  private pause(): Promise<void> {
    const { EXCHANGE_FLUSH_BATCH: batch, EXCHANGE_FLUSH_INTERVAL_MS: interval } = this.config;
    const backingOff = this.failures > 0;
    if (!backingOff && this.buffer.size >= batch) return Promise.resolve();
    // a send that took longer than the interval leaves none of it to wait
    const ms = backingOff ? backoffMs(this.failures, RETRY_BASE_MS, RETRY_CAP_MS) : Math.max(0, interval - (Date.now() - this.lastSendAt));
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.endPause = this.onFullBatch = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.endPause = end;
      this.onFullBatch = backingOff ? undefined : end;
    });
  }

  /** Sends the oldest batch. A failure puts it back, to be tried again after a backoff, and answers false. */
  private async sendBatch(): Promise<boolean> {
    this.lastSendAt = Date.now();
    const batch = this.buffer.take(this.config.EXCHANGE_FLUSH_BATCH);
    if (batch.length === 0) return true;
    try {
      await this.messaging.publish(exchangeRecordsShippedV1, [{ key: INSTANCE, payload: { instance: INSTANCE, records: batch } }]);
      this.failures = 0;
      return true;
    } catch (error) {
      if (error instanceof PayloadInvalidError) {
        // the contract would refuse the batch on every retry: kept, it would block every record behind it
        this.logger.error(`${batch.length} exchange records dropped, refused by their contract: ${error.message}`);
        return true;
      }
      this.buffer.putBack(batch);
      this.failures += 1;
      this.logger.warn(`publishing ${batch.length} exchange records failed (attempt ${this.failures}), will retry: ${String(error)}`);
      return false;
    }
  }

  /**
   * Stops taking calls and waits for those in flight to end: a call's record is made as it ends, and must still go
   * out. Nest closes the server only after the producer has disconnected.
   */
  private callsEnded(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  /** Publishes what the buffer still holds before the producer disconnects; what Kafka refuses now is lost, and said so. */
  private async drain(): Promise<void> {
    await this.callsEnded();
    this.stopping = true;
    this.endPause?.();
    await this.running;
    while (this.buffer.size > 0) {
      if (!(await this.sendBatch())) {
        this.logger.warn(`${this.buffer.size} exchange records not published at shutdown`);
        return;
      }
    }
  }
}
