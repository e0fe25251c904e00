import { Injectable, OnModuleInit } from '@nestjs/common';
import { procedurePublishedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { PaymentRequestService } from '../payments/payment-request.service';

@Injectable()
export class ProcedurePublishedConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly payments: PaymentRequestService) {}

  onModuleInit(): void {
    this.messaging.consumer.on(procedurePublishedV1, (event, manager) => this.payments.onProcedurePublished(event.data, manager));
  }
}
