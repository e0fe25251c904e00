import { defineEvent, object, string } from '../contract';
import { ExchangeRecordedV1, exchangeRecordedV1 } from './exchange-recorded.v1';

/** The most records one batch carries: 300 of the largest records the contract allows fit Kafka's 1 MB message. */
export const MAX_SHIPPED_RECORDS = 300;

/**
 * A batch of exchange records, shipped by a gateway instance to the instances that store them (EXCHANGE_RECORDS_STORE),
 * as X-Road's security servers ship operational monitoring records to the monitoring daemon in batches. Those store
 * each record, append it to the audit log and publish it as exchange.recorded.v1, one event per exchange, for every
 * other consumer. In batches because a Kafka message costs kafkajs some 30 µs of CPU to encode whatever its size:
 * one message per call would cost the gateway a fifth of its CPU per call (bench/gateway).
 */
export interface ExchangeRecordsShippedV1 {
  /** The gateway instance that served the calls: host/pid. */
  instance: string;
  records: ExchangeRecordedV1[];
}

export const exchangeRecordsShippedV1 = defineEvent<ExchangeRecordsShippedV1>({
  topic: 'exchange.records-shipped.v1',
  type: 'vn.lienthong.exchange.records-shipped.v1',
  partitions: 6,
  schema: object({
    instance: string({ maxLength: 200 }),
    records: { type: 'array', minItems: 1, maxItems: MAX_SHIPPED_RECORDS, items: exchangeRecordedV1.schema },
  }),
  example: { instance: 'gateway-7c9f/4211', records: [exchangeRecordedV1.example] },
});
