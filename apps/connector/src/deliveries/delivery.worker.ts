import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '../background-worker';
import { DeliveryService } from './delivery.service';

/** How often an idle worker looks for due deliveries: the granularity of every backoff. */
const IDLE_MS = 250;

/** Attempts due deliveries in the background; a redrive wakes it. */
@Injectable()
export class DeliveryWorker extends BackgroundWorker {
  constructor(deliveries: DeliveryService) {
    super('delivery-worker', () => deliveries.deliverDue(), IDLE_MS);
    deliveries.onDue(() => this.loop.wake());
  }
}
