import { Injectable, OnModuleInit } from '@nestjs/common';
import { dossierStatusChangedV1, dossierSubmittedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { NotificationService } from './notification.service';

@Injectable()
export class DossierEventsConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly notifications: NotificationService) {}

  onModuleInit(): void {
    this.messaging.consumer.on(dossierSubmittedV1, (event, manager) => this.notifications.recordSubmitted(event.data, manager, event.id));
    this.messaging.consumer.on(dossierStatusChangedV1, (event, manager) => this.notifications.recordStatusChanged(event.data, manager, event.id));
  }
}
