import { Counter, Registry } from 'prom-client';
import { ExchangeBuffer } from './exchange-buffer';

const counter = () => new Counter({ name: 'dropped_total', help: 'dropped', registers: [new Registry()] });
const countOf = async (c: Counter) => (await c.get()).values[0]?.value ?? 0;

describe('ExchangeBuffer', () => {
  it('hands records out oldest first, at most as many as asked', () => {
    const buffer = new ExchangeBuffer<number>(10, counter());
    [1, 2, 3, 4, 5].forEach((n) => buffer.push(n));
    expect(buffer.take(3)).toEqual([1, 2, 3]);
    expect(buffer.take(3)).toEqual([4, 5]);
    expect(buffer.take(3)).toEqual([]);
  });

  it('never holds more than its capacity: a full buffer drops the oldest and counts each drop', async () => {
    const dropped = counter();
    const buffer = new ExchangeBuffer<number>(3, dropped);
    for (let n = 1; n <= 7; n++) buffer.push(n);
    expect(buffer.size).toBe(3);
    expect(await countOf(dropped)).toBe(4);
    expect(buffer.take(10)).toEqual([5, 6, 7]);
  });

  it('tells its listener on every push that leaves at least the size it watches for', () => {
    const buffer = new ExchangeBuffer<number>(10, counter());
    const reached = jest.fn();
    buffer.onReach(3, reached);
    [1, 2].forEach((n) => buffer.push(n));
    expect(reached).not.toHaveBeenCalled();
    [3, 4].forEach((n) => buffer.push(n));
    expect(reached).toHaveBeenCalledTimes(2);
  });

  it('puts a failed batch back as the oldest, dropping from it first when that overflows', async () => {
    const dropped = counter();
    const buffer = new ExchangeBuffer<number>(4, dropped);
    [1, 2, 3].forEach((n) => buffer.push(n));
    const batch = buffer.take(3);
    [4, 5].forEach((n) => buffer.push(n));
    buffer.putBack(batch);
    expect(await countOf(dropped)).toBe(1);
    expect(buffer.take(10)).toEqual([2, 3, 4, 5]);
  });
});
