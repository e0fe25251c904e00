import { Injectable, OnModuleInit } from '@nestjs/common';
import { dossierSubmittedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { DeliveryService } from './delivery.service';

@Injectable()
export class DossierSubmittedConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly deliveries: DeliveryService) {}

  onModuleInit(): void {
    this.messaging.consumer.on(dossierSubmittedV1, (event, manager) => this.deliveries.accept(event.data, manager, event.id));
  }
}
