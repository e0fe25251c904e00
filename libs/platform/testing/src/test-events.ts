import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventContract } from '@lienthong/contracts';
import { inNamespace, Messaging, Outbox, toKafkaMessage } from '@lienthong/platform-kafka';

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
