import { PollingLoop, PollingLoopOptions } from './polling-loop';

/** A loop whose units answer the given counts in turn (then 0), and the times at which each unit started. */
function loopOf(counts: number[], options: Omit<PollingLoopOptions, 'onError'>) {
  const startedAt: number[] = [];
  const loop = new PollingLoop('test', async () => (startedAt.push(performance.now()), counts.shift() ?? 0), { ...options, onError: () => undefined });
  return { loop, startedAt };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

describe('PollingLoop', () => {
  it('runs again at once while it finds work, and waits idleMs when it finds none, unless woken', async () => {
    const { loop, startedAt } = loopOf([1, 1], { idleMs: 10_000 });
    loop.start();
    await pause(50);
    expect(startedAt).toHaveLength(3);
    loop.wake();
    await pause(20);
    expect(startedAt).toHaveLength(4);
    await loop.stop();
    expect(Math.max(...gaps(startedAt.slice(0, 3)))).toBeLessThan(20);
  });

  it('waits busyMs after a unit that found less than fullAt, and a wake does not cut that wait short', async () => {
    const { loop, startedAt } = loopOf([1, 5, 1], { idleMs: 10_000, busyMs: 60, fullAt: 5 });
    loop.start();
    await pause(10);
    loop.wake();
    await pause(200);
    await loop.stop();
    // 1 → wait 60 ms; 5 (full) → at once; 1 → wait 60 ms; then 0
    const [afterPartial, afterFull, afterSecondPartial] = gaps(startedAt);
    expect(startedAt).toHaveLength(4);
    expect(afterPartial).toBeGreaterThanOrEqual(55);
    expect(afterFull).toBeLessThan(20);
    expect(afterSecondPartial).toBeGreaterThanOrEqual(55);
  });

  it('with all work announced, goes idle after a unit that found less than fullAt unless woken while it ran', async () => {
    const counts = [1, 1];
    let wakeDuringNext = false;
    const startedAt: number[] = [];
    const loop: PollingLoop = new PollingLoop(
      'test',
      async () => {
        startedAt.push(performance.now());
        if (wakeDuringNext) loop.wake();
        wakeDuringNext = false;
        return counts.shift() ?? 0;
      },
      { idleMs: 10_000, busyMs: 20, fullAt: 5, announced: true, onError: () => undefined },
    );
    loop.start();
    await pause(60);
    // 1, not woken meanwhile → idle, not a last unit that would find nothing
    expect(startedAt).toHaveLength(1);
    wakeDuringNext = true;
    loop.wake();
    await pause(60);
    await loop.stop();
    // woken → 1 (woken while it ran) → after busyMs a unit that finds 0 → idle
    expect(startedAt).toHaveLength(3);
    expect(gaps(startedAt)[1]).toBeGreaterThanOrEqual(15);
  });

  it('stops during a busy wait without waiting it out', async () => {
    const { loop } = loopOf([1], { idleMs: 10_000, busyMs: 10_000 });
    loop.start();
    await pause(10);
    const stoppedAt = performance.now();
    await loop.stop();
    expect(performance.now() - stoppedAt).toBeLessThan(100);
  });
});
