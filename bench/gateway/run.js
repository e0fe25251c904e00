// bench/gateway: the gateway (authentication, authorisation, quota, exchange records on) beside a minimal undici
// reverse proxy, both in front of the same trivial upstream, measured in the same run. The proxies are pinned to
// core 1, the load generator and the upstream to core 0 (where taskset exists). Prints req/s and p50/p99 of both,
// their ratios, and ends with one line of JSON.
const { spawn } = require('node:child_process');
const path = require('node:path');
const autocannon = require('autocannon');
const { appCommand, ROOT } = require('../../scripts/app-command');
const { demoApiKeyOf, NATIONAL_PORTAL_SYSTEM } = require('../../dist/libs/domain/registry/src');

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PORTS = { upstream: 3290, baseline: 3291, gateway: 3292 };
const SECRET = 'bench-seed-secret';
const PATH = '/v1/dossiers/000.00.06.H56-261123-0001';
const pinned = (core, exe, args) => (process.platform === 'linux' ? ['taskset', ['-c', String(core), exe, ...args]] : [exe, args]);
const children = [];

function start(name, [exe, args], env) {
  const child = spawn(exe, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code, signal) => signal !== 'SIGTERM' && console.error(`bench:gateway: ${name} exited (${code ?? signal})`));
  children.push(child);
  return child;
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

function load(port, options = {}) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `http://127.0.0.1:${port}${PATH}`, headers: { 'x-api-key': demoApiKeyOf(SECRET, NATIONAL_PORTAL_SYSTEM) }, connections: CONNECTIONS, duration: DURATION_S, ...options },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const figures = (r) => ({ rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors });

/** The maximum load a proxy sustains, after a warm-up (JIT, connection pools, caches). */
async function measure(port) {
  await load(port, { duration: 3 });
  return figures(await load(port));
}

async function main() {
  process.chdir(ROOT);
  start('upstream', pinned(0, process.execPath, [path.join(__dirname, 'upstream.js')]), { PORT: PORTS.upstream });
  start('baseline', pinned(1, process.execPath, [path.join(__dirname, 'baseline-proxy.js')]), { PORT: PORTS.baseline, UPSTREAM_URL: `http://127.0.0.1:${PORTS.upstream}` });
  const [exe, args] = appCommand('gateway');
  start('gateway', pinned(1, exe, args), {
    PORT: PORTS.gateway,
    INTAKE_URL: `http://127.0.0.1:${PORTS.upstream}`,
    DEMO_SEED_SECRET: SECRET,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lienthong_bench',
    KAFKA_NAMESPACE: 'bench',
    RATE_LIMIT_PER_SECOND: '100000000',
    LOG_LEVEL: 'warn',
  });
  await ready(PORTS.gateway);
  await ready(PORTS.baseline);

  const baseline = await measure(PORTS.baseline);
  const gateway = await measure(PORTS.gateway);
  // latency at half of the gateway's maximum load, the same rate offered to both
  const rate = Math.max(1, Math.round(gateway.rps / 2));
  const baselineHalf = figures(await load(PORTS.baseline, { overallRate: rate }));
  const gatewayHalf = figures(await load(PORTS.gateway, { overallRate: rate }));

  const result = {
    bench: 'gateway',
    durationSeconds: DURATION_S,
    connections: CONNECTIONS,
    baseline: { ...baseline, p50AtHalfLoad: baselineHalf.p50, p99AtHalfLoad: baselineHalf.p99 },
    gateway: { ...gateway, p50AtHalfLoad: gatewayHalf.p50, p99AtHalfLoad: gatewayHalf.p99 },
    halfLoadRps: rate,
    throughputRatio: Number((gateway.rps / baseline.rps).toFixed(3)),
    addedP99AtHalfLoadMs: Number((gatewayHalf.p99 - baselineHalf.p99).toFixed(2)),
  };
  console.log(`
                     req/s    p50 ms   p99 ms   p50@half  p99@half  errors
  undici baseline  ${String(baseline.rps).padStart(7)}  ${String(baseline.p50).padStart(7)}  ${String(baseline.p99).padStart(7)}  ${String(baselineHalf.p50).padStart(8)}  ${String(baselineHalf.p99).padStart(8)}  ${baseline.non2xx}
  gateway          ${String(gateway.rps).padStart(7)}  ${String(gateway.p50).padStart(7)}  ${String(gateway.p99).padStart(7)}  ${String(gatewayHalf.p50).padStart(8)}  ${String(gatewayHalf.p99).padStart(8)}  ${gateway.non2xx}

  throughput ratio gateway/baseline: ${result.throughputRatio} (target ≥ 0.5)
  added p99 at half the gateway's max load (${rate} req/s): ${result.addedP99AtHalfLoadMs} ms (target ≤ 3 ms)`);
  console.log(JSON.stringify(result));
}

main()
  .catch((error) => {
    console.error(`bench:gateway failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => children.forEach((child) => child.kill('SIGTERM')));
