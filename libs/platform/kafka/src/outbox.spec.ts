import type { EntityManager } from 'typeorm';
import { EventContract } from '@lienthong/contracts';
import { Outbox } from './outbox';

const contract = { topic: 'test.happened', type: 'vn.lienthong.test.happened.v1', version: 1, schema: {} } as unknown as EventContract<unknown>;
/** A transaction's manager that takes every statement and answers nothing. */
const manager = () => ({ query: async () => [] }) as unknown as EntityManager;

describe('Outbox.notifyCommitted', () => {
  function outboxWithListeners() {
    const outbox = new Outbox();
    const woken = { relay: 0, worker: 0 };
    outbox.onCommitted(() => woken.relay++, { relay: true });
    outbox.onCommitted(() => woken.worker++);
    return { outbox, woken };
  }

  it("wakes the relay after a transaction that wrote events, and every other listener after any commit", async () => {
    const { outbox, woken } = outboxWithListeners();
    const writer = manager();
    await outbox.add(writer, contract, 'k', { any: 'payload' });
    outbox.notifyCommitted(writer);
    outbox.notifyCommitted(manager());
    expect(woken).toEqual({ relay: 1, worker: 2 });
  });

  it('wakes the relay when the committed transaction is not named', () => {
    const { outbox, woken } = outboxWithListeners();
    outbox.notifyCommitted();
    expect(woken).toEqual({ relay: 1, worker: 1 });
  });

  it('counts a transaction that wrote no events, an empty batch, as one that did not write', async () => {
    const { outbox, woken } = outboxWithListeners();
    const writer = manager();
    await outbox.addAll(writer, contract, []);
    outbox.notifyCommitted(writer);
    expect(woken).toEqual({ relay: 0, worker: 1 });
  });
});
