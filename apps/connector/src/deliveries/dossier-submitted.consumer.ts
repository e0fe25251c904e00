import { Injectable, OnModuleInit } from '@nestjs/common';
import { dossierSubmittedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { DeliveryService } from './delivery.service';

/** Dossiers to deliver come in batches, each accepted in one transaction: they do not depend on one another. */
@Injectable()
export class DossierSubmittedConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly deliveries: DeliveryService) {}

  onModuleInit(): void {
    this.messaging.consumer.onBatch(dossierSubmittedV1, (events, manager) => this.deliveries.accept(manager, events.map((e) => ({ dossier: e.data, eventId: e.id }))));
  }
}
