import { Injectable, OnModuleInit } from '@nestjs/common';
import { dossierStatusChangedV1, dossierSubmittedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { NotificationService } from './notification.service';

@Injectable()
export class DossierEventsConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly notifications: NotificationService) {}

  onModuleInit(): void {
    this.messaging.consumer.onBatch(dossierSubmittedV1, (events, manager) => this.notifications.recordSubmitted(events, manager));
    this.messaging.consumer.onBatch(dossierStatusChangedV1, (events, manager) => this.notifications.recordStatusChanged(events, manager));
  }
}
