import { Injectable, OnModuleInit } from '@nestjs/common';
import { exchangeRecordedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { ExchangeRecordRepository } from './exchange-record.repository';

/** Keeps the exchange records of every gateway instance in one table for the operators' queries. */
@Injectable()
export class ExchangeRecordedConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly records: ExchangeRecordRepository) {}

  onModuleInit(): void {
    // one record per call: a batch per transaction keeps up with the gateway's rate
    this.messaging.consumer.onBatch(exchangeRecordedV1, (events, manager) => this.records.insertOnce(manager, events.map((e) => e.data)));
  }
}
