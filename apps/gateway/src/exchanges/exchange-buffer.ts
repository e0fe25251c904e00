import type { Counter } from 'prom-client';

/**
 * Records waiting to be published, in arrival order, never more than `capacity`: when publishing falls behind
 * (Kafka is slow or down) the oldest are dropped and counted, so that memory stays bounded and the calls
 * themselves are never slowed down or refused for the sake of their records.
 */
export class ExchangeBuffer<T> {
  private items: T[] = [];
  private reached: { size: number; listener: () => void } | undefined;

  constructor(private readonly capacity: number, private readonly dropped: Counter) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    this.trim();
    if (this.reached && this.items.length >= this.reached.size) this.reached.listener();
  }

  /** Calls `listener` on every push that leaves at least `size` records waiting. */
  onReach(size: number, listener: () => void): void {
    this.reached = { size, listener };
  }

  /** Removes and answers up to `max` of the oldest records. */
  take(max: number): T[] {
    return this.items.splice(0, max);
  }

  /** Puts back records whose write failed, as the oldest, to be tried again (or dropped first when full). */
  putBack(items: T[]): void {
    this.items = [...items, ...this.items];
    this.trim();
  }

  private trim(): void {
    const excess = this.items.length - this.capacity;
    if (excess <= 0) return;
    this.items.splice(0, excess);
    this.dropped.inc(excess);
  }
}
