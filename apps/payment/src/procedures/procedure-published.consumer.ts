import { Injectable, OnModuleInit } from '@nestjs/common';
import { procedurePublishedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { ProcedureFeesRepository } from './procedure-fees.repository';

@Injectable()
export class ProcedurePublishedConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly procedures: ProcedureFeesRepository) {}

  onModuleInit(): void {
    this.messaging.consumer.on(procedurePublishedV1, (event, manager) => this.procedures.upsertNewer(manager, event.data));
  }
}
