import { Module } from '@nestjs/common';
import { Counter } from 'prom-client';
import type { ExchangeRecordedV1 } from '@lienthong/contracts';
import { GatewayEnv } from '../config';
import { ExchangeBuffer } from './exchange-buffer';
import { ExchangeRecordPublisher } from './exchange-record.publisher';
import { ExchangeRecordRepository } from './exchange-record.repository';
import { ExchangeRecordsShippedConsumer } from './exchange-records-shipped.consumer';
import { ExchangeRecorder } from './exchange.recorder';
import { ExchangeRecordsService } from './exchange-records.service';
import { OperatorExchangesController } from './operator-exchanges.controller';

const recordsDropped = new Counter({
  name: 'lienthong_exchange_records_dropped_total',
  help: 'Exchange records dropped because the buffer was full (publishing to Kafka fell behind)',
});

/** One exchange record per call under /v1: recorded off the request path, published, stored, queried by operators. */
@Module({
  controllers: [OperatorExchangesController],
  providers: [
    {
      provide: ExchangeBuffer,
      inject: [GatewayEnv],
      useFactory: (config: GatewayEnv) => new ExchangeBuffer<ExchangeRecordedV1>(config.EXCHANGE_BUFFER_SIZE, recordsDropped),
    },
    ExchangeRecorder,
    ExchangeRecordPublisher,
    ExchangeRecordsShippedConsumer,
    ExchangeRecordRepository,
    ExchangeRecordsService,
  ],
  exports: [ExchangeRecorder],
})
export class ExchangesModule {}
