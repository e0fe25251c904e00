// bench/gateway: the gateway (authentication, authorisation, quota, exchange records on) beside a minimal undici
// reverse proxy, both in front of the same trivial upstream, measured in the same run. The proxies are pinned to
// core 1, the load generator and the upstream to core 0 (where taskset exists). The gateway is measured twice: as one
// process that also stores the exchange records (consumer of exchange.records-shipped.v1 into the operators' table and
// the audit log, publishing exchange.recorded.v1), and as an edge instance whose records are stored by a separate
// recorder instance (EXCHANGE_RECORDS_STORE), run at the lowest priority on core 0 and only between measurements, the
// way the edge scales out in production; the run waits until every call's record is stored. Each is measured beside the
// baseline in turn (the machine's speed drifts), with only the measured proxy running. Maximum throughput is
// autocannon's (closed loop, 32 connections), in rounds whose medians are compared; latency at half of a gateway's
// maximum load is an open-loop load at that constant rate (paced-load.js), because autocannon's rate limit sends each
// second's quota in a burst at full speed and so measures queueing in the burst, not latency at the rate. Prints req/s
// and p50/p99, their ratios, and ends with one line of JSON.
const { spawn } = require('node:child_process');
const path = require('node:path');
const autocannon = require('autocannon');
const { pacedLoad, pooled, totalOf } = require('./paced-load');
const { appCommand, ROOT } = require('../../scripts/app-command');
const { demoApiKeyOf, NATIONAL_PORTAL_SYSTEM } = require('../../dist/libs/domain/registry/src');

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
// Latency at half load: the baseline and the gateway in turn, slice after slice, each slice paced-load's warm-up and
// SLICE_S seconds
const LATENCY_SLICES = Number(process.env.BENCH_LATENCY_SLICES ?? 8);
const SLICE_S = Number(process.env.BENCH_SLICE_S ?? 3);
const PORTS = { upstream: 3290, baseline: 3291, gateway: 3292, recorder: 3293 };
const SECRET = 'bench-seed-secret';
const PATH = '/v1/dossiers/000.00.06.H56-261123-0001';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lienthong_bench';
const RECORDS_DEADLINE_MS = 300_000;
const onLinux = process.platform === 'linux';
const pinned = (core, exe, args) => (onLinux ? ['taskset', ['-c', String(core), exe, ...args]] : [exe, args]);
const lowPriority = ([exe, args]) => (onLinux ? ['nice', ['-n', '19', exe, ...args]] : [exe, args]);
const children = [];
let baselineProcess;

function start(name, [exe, args], env) {
  const child = spawn(exe, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code, signal) => signal !== 'SIGTERM' && console.error(`bench:gateway: ${name} exited (${code ?? signal})`));
  children.push(child);
  return child;
}

function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

/** A gateway instance; `store` says whether it also stores the exchange records of every instance. */
function startGateway(name, { port, core, store, background = false }) {
  const command = pinned(core, ...appCommand('gateway'));
  return start(name, background ? lowPriority(command) : command, {
    PORT: port,
    INTAKE_URL: `http://127.0.0.1:${PORTS.upstream}`,
    DEMO_SEED_SECRET: SECRET,
    DATABASE_URL,
    KAFKA_NAMESPACE: 'bench',
    RATE_LIMIT_PER_SECOND: '100000000',
    DAILY_REQUEST_CAP: '1000000000',
    EXCHANGE_RECORDS_STORE: String(store),
    LOG_LEVEL: 'warn',
  });
}

async function ready(port, deadlineMs = 90_000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nothing ready on port ${port}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The same call to either proxy, on as many connections, whichever tool sends it. */
const target = (port) => ({ url: `http://127.0.0.1:${port}${PATH}`, headers: { 'x-api-key': demoApiKeyOf(SECRET, NATIONAL_PORTAL_SYSTEM) }, connections: CONNECTIONS });

function load(port, options = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ ...target(port), duration: DURATION_S, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Latency at a constant `rate` during one slice, timed from when each request was due (paced-load.js). */
const pacedAt = (port, rate) => pacedLoad({ ...target(port), rate, durationS: SLICE_S });

const figures = (r) => ({ rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors, calls: r.requests.total });

/** The maximum load a proxy sustains, after a warm-up (JIT, connection pools, caches), and how many calls it was sent. */
async function maxLoad(port) {
  const warmUp = await load(port, { duration: 3 });
  const max = figures(await load(port));
  return { ...max, calls: warmUp.requests.total + max.calls };
}

/** The run of median throughput, with the calls and refusals of all. */
function median(runs) {
  const middle = [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
  return { ...middle, non2xx: totalOf(runs, 'non2xx'), calls: totalOf(runs, 'calls') };
}

/**
 * A gateway's maximum load beside the baseline's, ROUNDS times in turn: on a shared machine the speed of both drifts by
 * tens of percent within minutes, so each gateway run is compared with baseline runs made just before it, and the
 * medians are compared. After each gateway run its records are stored before anything else is measured, so that their
 * backlog does not weigh on what follows. Then latency at half of the gateway's load, beside the baseline's at the same
 * rate, in short slices in turn whose answers are pooled for each: this machine stalls now and then for tens of ms (the
 * load generator's own event loop too, on the other core), and a p99 over one stretch of seconds is that of the stalls
 * that fell in it; alternating slices give both the same share of them. Ends when every call's record is stored, and says
 * how many are.
 */
async function measureGateway(port, { gateway, recorder }) {
  const since = new Date();
  const baselineRuns = [];
  const gatewayRuns = [];
  // Only what is measured runs: an idle proxy on the same core still collects its garbage and runs its timers (a major
  // GC of the gateway's heap stalled the baseline's calls for tens of ms), and a separate recorder's database work
  // would run beside it on one of the two cores. Its records wait in Kafka meanwhile, as they would for a slow recorder.
  const alone = async (measured, measure) => {
    const others = [baselineProcess, gateway, recorder].filter((child) => child && child !== measured);
    others.forEach((child) => child.kill('SIGSTOP'));
    try {
      return await measure();
    } finally {
      others.forEach((child) => child.kill('SIGCONT'));
    }
  };
  for (let round = 0; round < ROUNDS; round++) {
    baselineRuns.push(await alone(baselineProcess, () => maxLoad(PORTS.baseline)));
    gatewayRuns.push(await alone(gateway, () => maxLoad(port)));
    await storedRecords(since, median(gatewayRuns).calls);
  }
  const max = median(gatewayRuns);
  const halfLoadRps = Math.max(1, Math.round(max.rps / 2));
  const baselineHalves = [];
  const halves = [];
  for (let slice = 0; slice < LATENCY_SLICES; slice++) {
    baselineHalves.push(await alone(baselineProcess, () => pacedAt(PORTS.baseline, halfLoadRps)));
    halves.push(await alone(gateway, () => pacedAt(port, halfLoadRps)));
  }
  const [baselineHalf, half] = [pooled(baselineHalves), pooled(halves)];
  const calls = max.calls + half.calls;
  return {
    baseline: median(baselineRuns),
    gateway: {
      ...max,
      // a refusal or failure at half load counts with the others: a gateway failing fast must not pass for fast
      non2xx: max.non2xx + half.non2xx + half.errors,
      calls,
      rpsOfRounds: gatewayRuns.map((r) => r.rps),
      baselineRpsOfRounds: baselineRuns.map((r) => r.rps),
      halfLoadRps,
      p50AtHalfLoad: half.p50,
      p99AtHalfLoad: half.p99,
      p99AtHalfLoadOfSlices: halves.map((r) => r.p99),
      baselineP99AtHalfLoad: baselineHalf.p99,
      // the load generator's own share of those latencies: how late it sent the requests (p99 and max, ms)
      sentLateAtHalfLoad: { p99: half.sentLate.p99, max: half.sentLate.max },
      baselineSentLateAtHalfLoad: { p99: baselineHalf.sentLate.p99, max: baselineHalf.sentLate.max },
      baselineP99AtHalfLoadOfSlices: baselineHalves.map((r) => r.p99),
      addedP99AtHalfLoadMs: Number((half.p99 - baselineHalf.p99).toFixed(1)),
      exchangeRecordsStored: await storedRecords(since, calls),
    },
  };
}

/** Waits until the exchange records of every call made since `since` are stored; answers how many are. */
async function storedRecords(since, expected) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const deadline = Date.now() + RECORDS_DEADLINE_MS;
    for (;;) {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM gateway.exchange_records WHERE started_at >= $1', [since]);
      if (rows[0].n >= expected || Date.now() > deadline) return rows[0].n;
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await client.end();
  }
}

const row = (name, f) =>
  `  ${name.padEnd(26)}${[f.rps, f.p50, f.p99, f.p99AtHalfLoad ?? '', f.baselineP99AtHalfLoad ?? ''].map((v) => String(v).padStart(9)).join('')}  ${String(f.non2xx).padStart(6)}`;

async function main() {
  process.chdir(ROOT);
  start('upstream', pinned(0, process.execPath, [path.join(__dirname, 'upstream.js')]), { PORT: PORTS.upstream });
  baselineProcess = start('baseline', pinned(1, process.execPath, [path.join(__dirname, 'baseline-proxy.js')]), { PORT: PORTS.baseline, UPSTREAM_URL: `http://127.0.0.1:${PORTS.upstream}` });
  await ready(PORTS.baseline);

  // one process: requests, records shipped to Kafka, and the consumer that stores and publishes them
  const oneProcess = startGateway('gateway', { port: PORTS.gateway, core: 1, store: true });
  await ready(PORTS.gateway);
  const { baseline: baselineOfOneProcess, gateway: allInOne } = await measureGateway(PORTS.gateway, { gateway: oneProcess });
  await stop(oneProcess);

  // the edge alone on core 1; a recorder instance stores the records, at the lowest priority on core 0
  const recorder = startGateway('recorder', { port: PORTS.recorder, core: 0, store: true, background: true });
  const edgeProcess = startGateway('gateway edge', { port: PORTS.gateway, core: 1, store: false });
  await ready(PORTS.recorder);
  await ready(PORTS.gateway);
  const { baseline, gateway: edge } = await measureGateway(PORTS.gateway, { gateway: edgeProcess, recorder });

  const result = {
    bench: 'gateway',
    durationSeconds: DURATION_S,
    rounds: ROUNDS,
    connections: CONNECTIONS,
    baseline,
    baselineOfOneProcess,
    gateway: edge,
    gatewayOneProcess: allInOne,
    throughputRatio: Number((edge.rps / baseline.rps).toFixed(3)),
    throughputRatioOneProcess: Number((allInOne.rps / baselineOfOneProcess.rps).toFixed(3)),
    addedP99AtHalfLoadMs: edge.addedP99AtHalfLoadMs,
  };
  console.log(`
                               req/s   p50 ms   p99 ms p99@half baseline p99@half  errors
${row('undici baseline', baseline)}
${row('gateway (edge + recorder)', edge)}
${row('undici baseline', baselineOfOneProcess)}
${row('gateway (one process)', allInOne)}

  medians of ${ROUNDS} rounds each, in turn: req/s edge ${edge.rpsOfRounds.join(', ')} beside baseline ${edge.baselineRpsOfRounds.join(', ')}; one process ${allInOne.rpsOfRounds.join(', ')} beside ${allInOne.baselineRpsOfRounds.join(', ')}
  p99 ms at half load, slice by slice (${LATENCY_SLICES} of ${SLICE_S} s each, pooled above): edge ${edge.p99AtHalfLoadOfSlices.join(', ')} beside baseline ${edge.baselineP99AtHalfLoadOfSlices.join(', ')}; one process ${allInOne.p99AtHalfLoadOfSlices.join(', ')} beside ${allInOne.baselineP99AtHalfLoadOfSlices.join(', ')}

  the load generator sent requests late by (p99 / max ms): ${edge.sentLateAtHalfLoad.p99} / ${edge.sentLateAtHalfLoad.max} to the edge, ${edge.baselineSentLateAtHalfLoad.p99} / ${edge.baselineSentLateAtHalfLoad.max} to the baseline; one process ${allInOne.sentLateAtHalfLoad.p99} / ${allInOne.sentLateAtHalfLoad.max}, baseline ${allInOne.baselineSentLateAtHalfLoad.p99} / ${allInOne.baselineSentLateAtHalfLoad.max}

  throughput ratio gateway/baseline: ${result.throughputRatio} (target ≥ 0.5); one process: ${result.throughputRatioOneProcess}
  added p99 at half the gateway's max load (${edge.halfLoadRps} req/s): ${edge.addedP99AtHalfLoadMs} ms (target ≤ 3 ms); one process: ${allInOne.addedP99AtHalfLoadMs} ms
  exchange records stored: ${edge.exchangeRecordsStored} of ${edge.calls} calls (edge + recorder), ${allInOne.exchangeRecordsStored} of ${allInOne.calls} (one process)`);
  console.log(JSON.stringify(result));
}

main()
  .catch((error) => {
    console.error(`bench:gateway failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => children.forEach((child) => child.kill('SIGTERM')));
