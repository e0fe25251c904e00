import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { PollingLoop } from '@lienthong/platform-database';
import type { OutgoingEvent } from './cloud-event';
import { EventOrigin, sendEvents, TopicEvents } from './send-events';

export interface OutboxRelayOptions extends EventOrigin {
  batchSize: number;
  idleMs: number;
  onError: (name: string, error: unknown) => void;
}

/**
 * The oldest rows not locked by another relay, deleted and answered in one statement (DELETE … RETURNING has no
 * order). The payload comes back as JSON text, which is what goes on the wire: parsing it only to serialise it again
 * would cost the relay for nothing.
 */
const TAKE_BATCH = `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED)
  RETURNING id, position, topic, type, key, payload::text AS payload, traceparent, created_at`;

interface OutboxRow {
  id: string;
  position: string;
  topic: string;
  type: string;
  key: string;
  payload: string;
  traceparent: string | null;
  created_at: Date;
}

const toOutgoingEvent = (row: OutboxRow): OutgoingEvent => ({
  id: row.id,
  type: row.type,
  key: row.key,
  data: row.payload,
  traceparent: row.traceparent,
  time: row.created_at,
});

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
      // taken out of the outbox and published in one transaction: a failed send rolls the delete back
      const [taken]: [OutboxRow[], number] = await manager.query(TAKE_BATCH, [this.options.batchSize]);
      if (taken.length === 0) return 0;
      taken.sort((a, b) => Number(a.position) - Number(b.position));
      await sendEvents(this.producer, this.options, groupByTopic(taken));
      return taken.length;
    });
  }
}

const groupByTopic = (rows: OutboxRow[]): TopicEvents[] => {
  const groups = new Map<string, OutgoingEvent[]>();
  for (const row of rows) {
    let group = groups.get(row.topic);
    if (!group) groups.set(row.topic, (group = []));
    group.push(toOutgoingEvent(row));
  }
  return [...groups];
};
