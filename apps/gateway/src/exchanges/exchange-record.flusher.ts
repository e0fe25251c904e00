import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ExchangeRecordedV1, exchangeRecordedV1, PayloadInvalidError } from '@lienthong/contracts';
import { PollingLoop } from '@lienthong/platform-database';
import { Outbox } from '@lienthong/platform-kafka';
import { GatewayEnv } from '../config';
import { ExchangeBuffer } from './exchange-buffer';
import { ANONYMOUS_CLIENT } from './exchange-record.audit';

/** How often the buffer is looked at while it was found empty. */
const IDLE_MS = 200;

/**
 * Moves exchange records from the in-memory buffer into the outbox, a batch per transaction, off the request path.
 *
 * Between a response's end and the flush that writes its record, the record lives only in memory: a crash (or a
 * buffer overflow while the database is away) loses it, so delivery is at most once up to the flush. That is the
 * price of never making a call wait for, or fail on, its own record. Registry changes reach the audit log in their own
 * transaction; exchanges reach it from these records, so an exchange lost before its flush is missing there too. From
 * the flush on, the outbox guarantees that every record reaches exchange.recorded.v1 exactly as any other event does.
 */
@Injectable()
export class ExchangeRecordFlusher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ExchangeRecordFlusher');
  private readonly loop: PollingLoop;

  constructor(
    private readonly buffer: ExchangeBuffer<ExchangeRecordedV1>,
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly config: GatewayEnv,
  ) {
    this.loop = new PollingLoop('exchange-record-flusher', () => this.flush(), {
      idleMs: IDLE_MS,
      onError: (name, error) => this.logger.warn(`${name} failed, will retry: ${String(error)}`),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Writes what the buffer still holds before the app closes; what the database refuses now is lost, and said so. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    try {
      while (this.buffer.size > 0) await this.flush();
    } catch (error) {
      this.logger.warn(`${this.buffer.size} exchange records not written at shutdown: ${String(error)}`);
    }
  }

  /** Writes one batch into the outbox; answers how many records it wrote. */
  async flush(): Promise<number> {
    const batch = this.buffer.take(this.config.EXCHANGE_FLUSH_BATCH);
    if (batch.length === 0) return 0;
    try {
      await this.dataSource.transaction((manager) =>
        this.outbox.addAll(manager, exchangeRecordedV1, batch.map((record) => ({ key: record.client ?? ANONYMOUS_CLIENT, payload: record }))),
      );
    } catch (error) {
      // a batch the contract refuses would fail every retry; any other failure is retried with the batch intact
      if (!(error instanceof PayloadInvalidError)) this.buffer.putBack(batch);
      throw error;
    }
    this.outbox.notifyCommitted();
    return batch.length;
  }
}
