import RequestQueue from 'kafkajs/src/network/requestQueue';
import './request-queue-fix';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** KafkaJS's own queue of one broker connection, one request in flight at most. */
function queueOfOne() {
  const sent: number[] = [];
  const queue = new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30000, enforceRequestTimeout: false, clientId: 'test', broker: 'broker:9092', logger: silent });
  const push = (correlationId: number) =>
    queue.push({ entry: { correlationId, resolve: () => undefined, reject: () => undefined }, expectResponse: true, sendRequest: () => sent.push(correlationId) });
  return { queue, sent, push };
}

describe('KafkaJS request queue without its idle loop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('schedules nothing once an answer leaves nothing pending (KafkaJS 2.2.4 looked again every millisecond)', () => {
    const { queue, sent, push } = queueOfOne();
    push(1);
    queue.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(sent).toEqual([1]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('sends a request held back for the one in flight as soon as that one is answered', () => {
    const { queue, sent, push } = queueOfOne();
    push(1);
    push(2);
    expect(sent).toEqual([1]);
    queue.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(sent).toEqual([1, 2]);
  });

  it("sends a request held back by the broker's throttle when the throttle ends, and then schedules nothing more", () => {
    const { queue, sent, push } = queueOfOne();
    queue.maybeThrottle(50);
    push(1);
    jest.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([1]);
    queue.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(jest.getTimerCount()).toBe(0);
  });
});
