// Latency at a given load: an open-loop load at a constant arrival rate (../shared/open-loop.js). autocannon's rate limit
// cannot give it: it counts per connection per second, so every connection sends its second's quota back to back and then
// idles, and "half load" is a burst at full speed once a second that measures queueing in the burst. Here each request's
// latency runs from its due time to the end of its answer.
//
// The requests go out by undici's dispatch, their bodies dropped as they arrive: request() wraps every answer in a
// Readable and arrayBuffer() in an ArrayBuffer, and at a few thousand req/s sweeping those made this generator's own
// scavenges last up to 38 ms (--trace-gc), stalls it then counted in both proxies' latencies.
const { Pool } = require('undici');
const { histogram, percentiles } = require('../shared/latency');
const { openLoop } = require('../shared/open-loop');

// Not recorded: connections being opened, JIT, caches filling, at the same rate as what follows.
const WARM_UP_S = 3;
// How long answers are awaited once the last request is due; a request still unanswered then is an error.
const DRAIN_MS = 5000;

/**
 * Sends GET `url` at `rate` req/s for a warm-up then `durationS` seconds, on `connections` keep-alive connections.
 * Answers the req/s answered after the warm-up, the latency percentiles of those answers that are 2xx (in ms, like
 * autocannon's), those of how late the generator sent them (`sentLate`), and for the whole run the errors (failed or
 * unanswered), the non-2xx answers, and `calls`: the requests answered, those the server certainly handled.
 */
async function pacedLoad({ url, headers, rate, durationS, connections }) {
  const { origin, pathname, search } = new URL(url);
  const pool = new Pool(origin, { connections });
  const latenciesUs = histogram();
  // how late the load generator itself sent each request (its own event loop stalled, or this machine): a latency
  // counts from the due time, so this much of it is none of the server's
  const sentLateUs = histogram();
  const warmUpRequests = Math.round(WARM_UP_S * rate);
  const requests = warmUpRequests + Math.round(durationS * rate);
  const counts = { settled: 0, answered: 0, answeredRecorded: 0, failed: 0, non2xx: 0 };
  const { promise: settled, resolve: allSettled } = Promise.withResolvers();

  function settle() {
    if (++counts.settled === requests) allSettled();
  }

  function send(dueAt, recorded) {
    if (recorded) sentLateUs.recordValue(Math.round((performance.now() - dueAt) * 1000));
    let statusCode = 0;
    pool.dispatch(
      { origin, path: `${pathname}${search}`, method: 'GET', headers },
      {
        onRequestStart() {},
        onResponseStart(_controller, status) {
          statusCode = status;
        },
        onResponseData() {},
        onResponseEnd() {
          const latencyUs = Math.round((performance.now() - dueAt) * 1000);
          const ok = statusCode >= 200 && statusCode < 300;
          counts.answered++;
          if (!ok) counts.non2xx++;
          if (recorded) {
            counts.answeredRecorded++;
            if (ok) latenciesUs.recordValue(latencyUs);
          }
          settle();
        },
        onResponseError() {
          counts.failed++;
          settle();
        },
      },
    );
  }

  await openLoop({ rate, count: requests, send: (dueAt, i) => send(dueAt, i >= warmUpRequests) });
  const drainDeadline = setTimeout(allSettled, DRAIN_MS);
  await settled;
  clearTimeout(drainDeadline);

  const result = {
    rps: Math.round(counts.answeredRecorded / durationS),
    ...percentiles(latenciesUs),
    errors: counts.failed + (requests - counts.settled),
    non2xx: counts.non2xx,
    calls: counts.answered,
    sentLate: percentiles(sentLateUs),
    latenciesUs,
    sentLateUs,
  };
  await pool.destroy(); // after the snapshot: the requests it aborts are already counted as unanswered
  return result;
}

/** The sum of one `field` over several runs. */
const totalOf = (runs, field) => runs.reduce((total, run) => total + run[field], 0);

/** Several runs of pacedLoad as one: their answers' latencies pooled, their req/s averaged, their counts summed. */
function pooled(runs) {
  const [latenciesUs, sentLateUs] = [histogram(), histogram()];
  runs.forEach((run) => {
    latenciesUs.add(run.latenciesUs);
    sentLateUs.add(run.sentLateUs);
  });
  const sum = (field) => totalOf(runs, field);
  return { rps: Math.round(sum('rps') / runs.length), ...percentiles(latenciesUs), sentLate: percentiles(sentLateUs), errors: sum('errors'), non2xx: sum('non2xx'), calls: sum('calls') };
}

module.exports = { pacedLoad, pooled, totalOf };
