import { Kafka, logLevel } from 'kafkajs';
// before any client exists: every connection's request queue without KafkaJS's idle loop
import './request-queue-fix';

/** KafkaJS stays behind this library: apps see contracts, the outbox and handlers, never the client. */
export function createKafka(brokers: string, clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: brokers.split(','),
    logLevel: logLevel.ERROR,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}
