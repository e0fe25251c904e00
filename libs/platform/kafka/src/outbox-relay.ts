import type { Producer } from 'kafkajs';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import { PollingLoop } from '@lienthong/platform-database';
import type { OutgoingEvent } from './cloud-event';
import { EventOrigin, sendEvents, TopicEvents } from './send-events';

export interface OutboxRelayOptions extends EventOrigin {
  batchSize: number;
  idleMs: number;
  /** Wait after a batch that was not full (see PollingLoop); 0 publishes again at once. */
  busyMs?: number;
  /** Every writer of the outbox wakes the relay after its commit (see PollingLoop). */
  announced?: boolean;
  onError: (name: string, error: unknown) => void;
}

/**
 * Opens the relay's transaction and takes the oldest rows not locked by another relay, deleted and answered in one
 * statement (DELETE … RETURNING has no order), in one round trip: a simple query of two statements, the constants
 * written in, since a simple query takes no parameters. The advisory lock (taken once, an InitPlan) keeps a second
 * relay of the service from publishing at the same time, so that a key's events keep their order; a relay that does not
 * get it takes nothing. The payload comes back as JSON text, which is what goes on the wire: parsing it only to serialise
 * it again would cost the relay for nothing.
 */
const takeBatch = (schema: string, batchSize: number) => `BEGIN;
  DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE (SELECT pg_try_advisory_xact_lock(hashtext(${literal(`${schema}.outbox`)})))
    ORDER BY position LIMIT ${Math.trunc(batchSize)} FOR UPDATE SKIP LOCKED)
  RETURNING id, position, topic, type, key, payload::text AS payload, traceparent, created_at`;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

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
 * a crash before the commit republishes the batch (consumers dedupe by event id), never loses it. A batch is two round
 * trips to PostgreSQL (begin and take, commit); under load the relay waits `busyMs` after a batch that was not full, so
 * that the next one carries more events for the same two round trips and one produce request.
 */
export class OutboxRelay {
  private readonly loop: PollingLoop;
  private readonly takeBatch: string;

  constructor(private readonly dataSource: DataSource, private readonly producer: Producer, private readonly options: OutboxRelayOptions) {
    this.loop = new PollingLoop('outbox-relay', () => this.publishBatch(), { ...options, fullAt: options.batchSize });
    this.takeBatch = takeBatch(String(dataSource.driver.schema), options.batchSize);
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
    const runner = this.dataSource.createQueryRunner();
    // the driver's own client: TypeORM does not answer the results of a query of several statements
    const client = (await runner.connect()) as PoolClient;
    try {
      const [, { rows: taken }] = (await client.query(this.takeBatch)) as unknown as [QueryResult, QueryResult<OutboxRow>];
      if (taken.length > 0) {
        taken.sort((a, b) => Number(a.position) - Number(b.position));
        // a failed send rolls the delete back
        await sendEvents(this.producer, this.options, groupByTopic(taken));
      }
      await client.query('COMMIT');
      return taken.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
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
