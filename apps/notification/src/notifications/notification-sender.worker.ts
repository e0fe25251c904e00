import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingLoop } from '@lienthong/platform-database';
import { NotificationDeliveryService } from './notification-delivery.service';

/** How often the sender looks for due e-mails when it found none. */
const IDLE_MS = 500;

/** Background sender: runs from boot, and at shutdown finishes the e-mail in flight before the app closes. */
@Injectable()
export class NotificationSenderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationSender');
  private readonly loop: PollingLoop;

  constructor(delivery: NotificationDeliveryService) {
    this.loop = new PollingLoop('notification-sender', () => delivery.deliverNext(), {
      idleMs: IDLE_MS,
      onError: (name, error) => this.logger.warn(`${name} failed, will retry: ${String(error)}`),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
