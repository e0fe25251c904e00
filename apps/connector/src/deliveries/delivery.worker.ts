import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingLoop } from '@lienthong/platform-database';
import { DeliveryService } from './delivery.service';

/** How often an idle worker looks for due deliveries: the granularity of every backoff. */
const IDLE_MS = 250;

/** Attempts due deliveries in the background; shutdown waits for the batch in flight. */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly loop: PollingLoop;

  constructor(deliveries: DeliveryService) {
    this.loop = new PollingLoop('delivery-worker', () => deliveries.deliverDue(), {
      idleMs: IDLE_MS,
      onError: (name, error) => this.logger.warn(`${name} failed, will retry: ${String(error)}`),
    });
    deliveries.onDue(() => this.loop.wake());
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
