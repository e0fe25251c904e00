import type { INestApplication } from '@nestjs/common';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { EventContract } from '@lienthong/contracts';
import { createKafka, inNamespace, Messaging, Outbox, toKafkaMessage } from '@lienthong/platform-kafka';
import { waitFor } from './wait-for';

/** Puts events on Kafka from inside a test app, as the service that owns them would. */
export function testEvents(app: INestApplication) {
  const outbox = app.get(Outbox);
  return {
    /** Writes the event through the app's outbox; answers its CloudEvents id. */
    async publish<T>(contract: EventContract<T>, key: string, payload: T): Promise<string> {
      const id = await app.get(DataSource).transaction((m) => outbox.add(m, contract, key, payload));
      outbox.notifyCommitted();
      return id;
    },

    /** Publishes a message with an id already used: what Kafka does after a consumer crash or a producer retry. */
    publishAgain<T>(contract: EventContract<T>, id: string, key: string, payload: T): Promise<void> {
      return this.publishAllAgain(contract, [{ id, key, payload }]);
    },

    /** publishAgain for many events at once, in one produce request. */
    async publishAllAgain<T>(contract: EventContract<T>, events: readonly { id: string; key: string; payload: T }[]): Promise<void> {
      const messages = events.map(({ id, key, payload }) => toKafkaMessage({ id, type: contract.type, key, data: JSON.stringify(payload), traceparent: null, time: new Date() }, '/lienthong/test'));
      await app.get(Messaging).producer.send({ topic: inNamespace(contract.topic), acks: -1, messages });
    },

    /** Waits until the service's consumer group has committed every message of the contracts' topics, redeliveries included. */
    async consumedAll(groupId: string, contracts: EventContract<unknown>[], timeoutMs = 60000): Promise<void> {
      const admin = app.get(Messaging).kafka.admin();
      await admin.connect();
      try {
        await waitFor(
          async () => {
            for (const topic of contracts.map((c) => inNamespace(c.topic))) {
              const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId: inNamespace(groupId), topics: [topic] })]);
              const at = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
              if (ends.some((end) => (at.get(end.partition) ?? -1) < Number(end.high))) return false;
            }
            return true;
          },
          `${groupId} caught up`,
          timeoutMs,
        );
      } finally {
        await admin.disconnect();
      }
    },
  };
}

/**
 * A consumer of a group of its own that pushes every message of the contracts' topics (in the test namespace) onto
 * `into`, from now on or from the beginning; the caller disconnects it.
 */
export async function collectMessages(groupId: string, contracts: EventContract<unknown>[], into: KafkaMessage[], { fromBeginning = false } = {}): Promise<Consumer> {
  const consumer = createKafka(process.env.KAFKA_BROKERS!, groupId).consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topics: contracts.map((contract) => inNamespace(contract.topic)), fromBeginning });
  await consumer.run({ eachMessage: async ({ message }) => void into.push(message) });
  return consumer;
}
