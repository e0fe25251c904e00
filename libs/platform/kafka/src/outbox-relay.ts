import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { OutboxMessage, PollingLoop } from '@lienthong/platform-database';
import { eventsPublished } from '@lienthong/platform-observability';
import { toKafkaMessage } from './cloud-event';
import { inNamespace } from './namespace';

export interface OutboxRelayOptions {
  /** CloudEvents source of this service, e.g. /lienthong/intake */
  source: string;
  namespace: string;
  batchSize: number;
  idleMs: number;
  onError: (name: string, error: unknown) => void;
}

/**
 * Publishes outbox rows in batches with the idempotent producer, then deletes them, in one transaction:
 * a crash before the commit republishes the batch (consumers dedupe by event id), never loses it.
 * One relay per service publishes at a time (advisory lock), so a key's events keep their order.
 */
export class OutboxRelay {
  private readonly loop: PollingLoop;

  constructor(private readonly dataSource: DataSource, private readonly producer: Producer, private readonly options: OutboxRelayOptions) {
    this.loop = new PollingLoop('outbox-relay', () => this.publishBatch(), options);
  }

  start(): void {
    this.loop.start();
  }

  wake(): void {
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Publishes one batch; returns how many events left the outbox. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const schema = this.dataSource.driver.schema;
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [`${schema}.outbox`]);
      if (!locked) return 0;
      const rows: OutboxMessage[] = await manager
        .createQueryBuilder(OutboxMessage, 'o')
        .orderBy('o.position')
        .limit(this.options.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: groupByTopic(rows).map(([topic, messages]) => ({
          topic: inNamespace(topic, this.options.namespace),
          messages: messages.map((m) => toKafkaMessage(m, this.options.source)),
        })),
      });
      await manager.delete(OutboxMessage, rows.map((r) => r.id));
      for (const row of rows) eventsPublished.inc({ topic: row.topic });
      return rows.length;
    });
  }
}

const groupByTopic = (rows: OutboxMessage[]): [string, OutboxMessage[]][] => {
  const groups = new Map<string, OutboxMessage[]>();
  for (const row of rows) groups.set(row.topic, [...(groups.get(row.topic) ?? []), row]);
  return [...groups];
};
