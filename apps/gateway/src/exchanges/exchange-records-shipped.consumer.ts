import { Injectable, OnModuleInit } from '@nestjs/common';
import { exchangeRecordsShippedV1 } from '@lienthong/contracts';
import { Messaging } from '@lienthong/platform-kafka';
import { GatewayEnv } from '../config';
import { ExchangeRecordsService } from './exchange-records.service';

/**
 * Stores the exchange records every gateway instance ships (exchange.records-shipped.v1) in one table for the
 * operators' queries and in the audit log, and publishes each as exchange.recorded.v1. Instances with
 * EXCHANGE_RECORDS_STORE off leave that to the others: edge instances then spend nothing on it.
 */
@Injectable()
export class ExchangeRecordsShippedConsumer implements OnModuleInit {
  constructor(private readonly messaging: Messaging, private readonly exchanges: ExchangeRecordsService, private readonly config: GatewayEnv) {}

  onModuleInit(): void {
    if (!this.config.EXCHANGE_RECORDS_STORE) return;
    // the shipped batches of a fetch in one transaction keep up with the gateway's rate
    this.messaging.consumer.onBatch(exchangeRecordsShippedV1, (events, manager) => this.exchanges.store(manager, events.flatMap((e) => e.data.records)));
  }
}
