import { Injectable, OnModuleInit } from '@nestjs/common';
import { dossierStatusChangedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { settlesTheWatch, StatusPollService } from './status-poll.service';

@Injectable()
export class DossierStatusChangedConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly polls: StatusPollService) {}

  onModuleInit(): void {
    // the other statuses (most of them) cost no transaction
    this.messaging.consumer.on(dossierStatusChangedV1, (event, manager) => this.polls.onStatusChanged(manager, event.data), ({ data }) => settlesTheWatch(data));
  }
}
