import type { INestApplication } from '@nestjs/common';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { EventContract } from '@lienthong/contracts';
import { createKafka, inNamespace, Messaging, Outbox, toKafkaMessage } from '@lienthong/platform-kafka';

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
    async publishAgain<T>(contract: EventContract<T>, id: string, key: string, payload: T): Promise<void> {
      const event = { id, type: contract.type, key, data: JSON.stringify(payload), traceparent: null, time: new Date() };
      await app.get(Messaging).producer.send({ topic: inNamespace(contract.topic), acks: -1, messages: [toKafkaMessage(event, '/lienthong/test')] });
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
