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
    assertValidPayload(contract, payload);
    const id = randomUUID();
    await manager.insert(OutboxMessage, {
      id,
      topic: contract.topic,
      type: contract.type,
      key,
      payload: payload as object,
      traceparent: currentTraceparent(),
    });
    return id;
  }

  /** Tells the relay to look now rather than at its next poll (call after the transaction commits). */
  notifyCommitted(): void {
    for (const listener of this.listeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.listeners.push(listener);
  }
}
