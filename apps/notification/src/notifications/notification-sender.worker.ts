import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingLoop } from '@lienthong/platform-database';
import { Outbox } from '@lienthong/platform-kafka';
import { NotificationEnv } from '../config';
import { NotificationDeliveryService, SENDER_BATCH_SIZE } from './notification-delivery.service';

/**
 * How often an idle sender looks for due messages: the granularity of retries (NOTIFY_BACKOFF_BASE_MS is 1 s) and of a
 * recipient's window. New messages wake a sender when they commit.
 */
const IDLE_MS = 1000;
/** Under load, how long a sender lets due e-mails gather after a batch that was not full. */
const BUSY_MS = 10;

/**
 * Background senders, NOTIFY_CONCURRENCY of them (row locks with SKIP LOCKED keep them apart): they run from
 * boot, and at shutdown finish the e-mails in flight before the app closes. Each committed transaction of handled
 * events (new messages among them) wakes one of them in turn: a message goes out at once, not at the next idle tick.
 */
@Injectable()
export class NotificationSenderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationSender');
  private readonly loops: PollingLoop[];
  private woken = 0;

  constructor(delivery: NotificationDeliveryService, config: NotificationEnv, outbox: Outbox) {
    this.loops = Array.from(
      { length: config.NOTIFY_CONCURRENCY },
      (_, i) =>
        new PollingLoop(`notification-sender-${i + 1}`, () => delivery.deliverDue(), {
          idleMs: IDLE_MS,
          busyMs: BUSY_MS,
          fullAt: SENDER_BATCH_SIZE,
          onError: (name, error) => this.logger.warn(`${name} failed, will retry: ${String(error)}`),
        }),
    );
    outbox.onCommitted(() => this.loops[this.woken++ % this.loops.length].wake());
  }

  onApplicationBootstrap(): void {
    for (const loop of this.loops) loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }
}
