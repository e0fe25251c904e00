import { Injectable, OnModuleInit } from '@nestjs/common';
import { dossierStatusChangedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { billsTheDossier, PaymentRequestService } from './payment-request.service';

@Injectable()
export class DossierStatusChangedConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly payments: PaymentRequestService) {}

  onModuleInit(): void {
    // the other statuses (most of them) cost no transaction
    this.messaging.consumer.on(dossierStatusChangedV1, (event, manager) => this.payments.onStatusChanged(event.data, manager, event.id), ({ data }) => billsTheDossier(data));
  }
}
