import { Injectable } from '@nestjs/common';
import { Outbox } from '@lienthong/platform-kafka';
import { BackgroundWorker } from '@lienthong/platform-database';
import { DELIVERY_BATCH_SIZE, DeliveryService } from './delivery.service';

/** How often an idle worker looks for due deliveries: the granularity of every backoff. */
const IDLE_MS = 250;
/** Under load, how long due deliveries gather after a batch that was not full. */
const BUSY_MS = 5;

/**
 * Attempts due deliveries in the background. A redrive wakes it, and so does every committed transaction of handled
 * events (a dossier accepted for delivery among them): a new dossier goes out at once, not at the next idle tick.
 */
@Injectable()
export class DeliveryWorker extends BackgroundWorker {
  constructor(deliveries: DeliveryService, outbox: Outbox) {
    super('delivery-worker', () => deliveries.deliverDue(), IDLE_MS, { busyMs: BUSY_MS, fullAt: DELIVERY_BATCH_SIZE });
    deliveries.onDue(() => this.loop.wake());
    outbox.onCommitted(() => this.loop.wake());
  }
}
