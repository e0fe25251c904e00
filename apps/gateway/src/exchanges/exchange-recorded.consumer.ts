import { Injectable, OnModuleInit } from '@nestjs/common';
import { exchangeRecordedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { GatewayEnv } from '../config';
import { ExchangeRecordsService } from './exchange-records.service';

/**
 * Keeps the exchange records of every gateway instance in one table for the operators' queries, and in the audit log.
 * Instances with EXCHANGE_RECORDS_STORE off leave that to the others: edge instances then spend nothing on it.
 */
@Injectable()
export class ExchangeRecordedConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly exchanges: ExchangeRecordsService, private readonly config: GatewayEnv) {}

  onModuleInit(): void {
    if (!this.config.EXCHANGE_RECORDS_STORE) return;
    // one record per call: a batch per transaction keeps up with the gateway's rate
    this.messaging.consumer.onBatch(exchangeRecordedV1, (events, manager) => this.exchanges.store(manager, events.map((e) => e.data)));
  }
}
