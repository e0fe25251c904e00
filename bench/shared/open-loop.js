// An open-loop load: request i is due at start + i / rate whatever became of the earlier ones, so that a latency timed
// from its due time counts a stall of the server, or of the load generator, instead of hiding it (coordinated omission).

// Node's timers fire at millisecond granularity, so each tick sends every request that has come due since the last
// (several per tick at a few thousand req/s); the wait for the tick is part of the measured latency.
const TICK_MS = 1;

/** Calls `send(dueAt, i)` for i from 0 to count - 1, each once it is due (dueAt on performance.now()'s clock); resolves once all are sent. */
function openLoop({ rate, count, send }) {
  const intervalMs = 1000 / rate;
  const start = performance.now();
  let next = 0;
  return new Promise((scheduled) => {
    (function tick() {
      for (const now = performance.now(); next < count && start + next * intervalMs <= now; next++) send(start + next * intervalMs, next);
      if (next < count) setTimeout(tick, TICK_MS);
      else scheduled();
    })();
  });
}

module.exports = { openLoop };
