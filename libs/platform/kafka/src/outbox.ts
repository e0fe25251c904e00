import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertValidPayload, EventContract } from '@lienthong/contracts';
import { OutboxMessage } from '@lienthong/platform-database';
import { currentTraceparent } from './trace-context';

/**
 * Writes an event into the outbox inside the caller's transaction, so that the change and its event
 * commit or roll back together. The payload is checked against its contract before it is written.
 */
export class Outbox {
  private listeners: (() => void)[] = [];

  async add<T>(manager: EntityManager, contract: EventContract<T>, key: string, payload: T): Promise<string> {
    const [id] = await this.addAll(manager, contract, [{ key, payload }]);
    return id;
  }

  /** Writes many events of one contract in a single statement, in their order; answers their ids. */
  async addAll<T>(manager: EntityManager, contract: EventContract<T>, events: readonly { key: string; payload: T }[]): Promise<string[]> {
    for (const { payload } of events) assertValidPayload(contract, payload);
    const traceparent = currentTraceparent();
    const rows = events.map(({ key, payload }) => ({ id: randomUUID(), topic: contract.topic, type: contract.type, key, payload: payload as object, traceparent }));
    if (rows.length > 0) await manager.insert(OutboxMessage, rows);
    return rows.map((row) => row.id);
  }

  /** Tells the relay to look now rather than at its next poll (call after the transaction commits). */
  notifyCommitted(): void {
    for (const listener of this.listeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.listeners.push(listener);
  }
}
