import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingLoop } from '@lienthong/platform-database';
import { NotificationEnv } from '../config';
import { NotificationDeliveryService, SENDER_BATCH_SIZE } from './notification-delivery.service';

/** How often the sender looks for due e-mails when it found none. */
const IDLE_MS = 500;
/** Under load, how long a sender lets due e-mails gather after a batch that was not full. */
const BUSY_MS = 10;

/**
 * Background senders, NOTIFY_CONCURRENCY of them (row locks with SKIP LOCKED keep them apart): they run from
 * boot, and at shutdown finish the e-mails in flight before the app closes.
 */
@Injectable()
export class NotificationSenderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationSender');
  private readonly loops: PollingLoop[];

  constructor(delivery: NotificationDeliveryService, config: NotificationEnv) {
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
  }

  onApplicationBootstrap(): void {
    for (const loop of this.loops) loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }
}
