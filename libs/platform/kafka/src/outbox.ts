import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertValidPayload, EventContract } from '@lienthong/contracts';
import { currentTraceparent } from './trace-context';

/** Rows keep the order of the batch: positions are taken in that order, and the relay publishes by position. */
const INSERT_ROWS = `INSERT INTO outbox (id, topic, type, key, payload, traceparent)
  SELECT r.id, $2, $3, r.key, r.payload, $4
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, key varchar, payload jsonb)) WITH ORDINALITY AS r(id, key, payload, n)
  ORDER BY r.n`;

/**
 * Writes an event into the outbox inside the caller's transaction, so that the change and its event
 * commit or roll back together. The payload is checked against its contract before it is written.
 */
export class Outbox {
  private listeners: (() => void)[] = [];
  private relays: (() => void)[] = [];
  /** The transactions that wrote events: a commit of one that did not leaves the relay asleep. */
  private readonly writers = new WeakSet<EntityManager>();

  async add<T>(manager: EntityManager, contract: EventContract<T>, key: string, payload: T): Promise<string> {
    const [id] = await this.addAll(manager, contract, [{ key, payload }]);
    return id;
  }

  /** Writes many events of one contract in a single statement, in their order; answers their ids. */
  async addAll<T>(manager: EntityManager, contract: EventContract<T>, events: readonly { key: string; payload: T }[]): Promise<string[]> {
    for (const { payload } of events) assertValidPayload(contract, payload);
    if (events.length === 0) return [];
    const rows = events.map(({ key, payload }) => ({ id: randomUUID(), key, payload }));
    // one JSON parameter whatever the batch size: the relay's hot path writes hundreds of rows at a time
    await manager.query(INSERT_ROWS, [JSON.stringify(rows), contract.topic, contract.type, currentTraceparent()]);
    this.writers.add(manager);
    return rows.map((row) => row.id);
  }

  /**
   * Tells the relay, and any worker listening, to look now rather than at its next poll (call after the transaction
   * commits). Given the transaction's manager, the relay is told only if that transaction wrote events: a consumer's
   * batch that wrote none (most of payment's, say) cost an empty relay batch, two round trips, each time.
   */
  notifyCommitted(manager?: EntityManager): void {
    if (!manager || this.writers.has(manager)) for (const relay of this.relays) relay();
    for (const listener of this.listeners) listener();
  }

  /** `listener` runs after every commit notified; a relay's only after those that wrote events. */
  onCommitted(listener: () => void, { relay = false } = {}): void {
    (relay ? this.relays : this.listeners).push(listener);
  }
}
