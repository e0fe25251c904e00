// bench/intake: dossiers end to end through the whole backbone, every app a separate process (backbone.js): submitted
// through the gateway with the portal's OAuth token, persisted by intake, delivered by the connector to the simulated
// province (legacy-sim), whose first status pushed back through the gateway is the end of a dossier's run (outcomes.js).
// After a warm-up, a full load (BENCH_DOSSIERS submissions, BENCH_CONCURRENCY in flight) gives dossiers/s, then an open
// loop at a quarter of that rate gives the latency at a load the backbone is not saturated by; each phase waits until
// its backlog (the province's last status, the e-mails) is done. Every acknowledged dossier must reach a status beyond 1
// (lost otherwise). Then, with the backbone stopped, two baselines on the same infrastructure: raw KafkaJS
// produce→consume (kafka-baseline.js) and raw single-row INSERTs (pg-baseline.js), at the same concurrency, with
// messages and rows like the dossiers stored, each with its CPU per message or row (traffic.js counts a dossier's
// transactions and messages, which at the baselines' cost give what the servers spend on a dossier at the least).
// Prints the figures and ratios, and ends with one line of JSON.
const { availableParallelism } = require('node:os');
const { Client } = require('pg');
const { Backbone, DATABASE_URL, infrastructureCpuMs } = require('./backbone');
const { submitAtFullLoad, submitAtRate } = require('./dossier-load');
const { firstStatusBack, settled } = require('./outcomes');
const { kafkaBaseline } = require('./kafka-baseline');
const { pgBaseline, COLUMNS } = require('./pg-baseline');
const { trafficDuring } = require('./traffic');

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 3000);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
// the quarter rate for this long, and for at least so many dossiers that their p99 is not the slowest few
const QUARTER_RATE_S = Number(process.env.BENCH_QUARTER_RATE_S ?? 10);
const QUARTER_RATE_MIN_DOSSIERS = 500;
// how long the idle backbone's own CPU use is measured, to be told from what the dossiers cost
const IDLE_S = 5;
// 0: the simulated province answers at once, so that the latency is the backbone's (legacy-sim's default waits 100 ms)
const STATUS_PUSH_DELAY_MS = Number(process.env.BENCH_STATUS_PUSH_DELAY_MS ?? 0);
const BASELINE_MESSAGES = Number(process.env.BENCH_BASELINE_MESSAGES ?? 20000);
const BASELINE_ROWS = Number(process.env.BENCH_BASELINE_ROWS ?? 10000);
const DEADLINE_MS = 180000;
const TARGETS = { perSecond: 1000, p99AtQuarterRate: 250 };
const KAFKA = { brokers: process.env.KAFKA_BROKERS.split(','), namespace: process.env.KAFKA_NAMESPACE };
const run = Date.now().toString(36);

/** One phase of submissions, followed to their first status back, then until its backlog is done. */
async function phase(backbone, db, name, submit) {
  const { acknowledged, refused, refusedByStatus, failed, ackRate } = await submit({ gatewayUrl: backbone.url('gateway'), token: await backbone.portalToken(), run: `bench-${run}-${name}` });
  const outcome = await firstStatusBack(db, acknowledged, DEADLINE_MS);
  const settling = await settled(db, acknowledged.map((d) => d.code), DEADLINE_MS);
  return { submitted: acknowledged.length + refused + failed, refused, refusedByStatus, failed, ackRate, ...outcome, settling };
}

/** The CPU ms each app used while `work` ran, and for how many seconds it ran. */
async function cpuDuring(backbone, work) {
  const [before, start] = [backbone.cpuMs(), performance.now()];
  const result = await work();
  const after = backbone.cpuMs();
  return { result, seconds: (performance.now() - start) / 1000, ms: Object.fromEntries(Object.entries(after).map(([app, ms]) => [app, ms - before[app]])) };
}

/**
 * Each app's (and Kafka's, PostgreSQL's, Redis's) CPU ms per dossier of a phase, its backlog and its idle work included (under load the polling loops find
 * work instead, so the idle rate is not simply subtracted), beside what it uses when idle (polling loops, heartbeats).
 */
const cpuPerDossier = (idle, loaded, dossiers) =>
  Object.fromEntries(
    Object.keys(loaded.ms).map((app) => [app, { msPerDossier: Number((loaded.ms[app] / dossiers).toFixed(1)), idleMsPerS: Math.round(idle.ms[app] / idle.seconds) }]),
  );

/**
 * A baseline's CPU ms per message or row, of its client (this process, the backbone stopped) and of the `server` it
 * talks to (kafka, postgres): what one message or one single-row transaction costs the machine at the least.
 */
async function withCpuPerOp(server, countOf, work) {
  const [client, before] = [process.cpuUsage(), infrastructureCpuMs()[server]];
  const result = await work();
  const [clientUs, serverMs] = [process.cpuUsage(client), infrastructureCpuMs()[server] - before];
  const perOp = (ms) => Number((ms / countOf(result)).toFixed(3));
  return { ...result, cpuMsPerOp: { client: perOp((clientUs.user + clientUs.system) / 1000), [server]: perOp(serverMs) } };
}

/** The backbone's phases; answers them, its CPU use, and one stored dossier, the model of the baselines' messages and rows. */
async function measureBackbone(db) {
  const backbone = new Backbone({ statusPushDelayMs: STATUS_PUSH_DELAY_MS });
  try {
    await backbone.startAll(db);
    const fullLoad = (count) => (options) => submitAtFullLoad({ ...options, count, concurrency: CONCURRENCY });
    const warmUp = await phase(backbone, db, 'warm-up', fullLoad(WARM_UP));
    const idle = await cpuDuring(backbone, () => new Promise((r) => setTimeout(r, IDLE_S * 1000)));
    const { result: loaded, perDossier: traffic } = await trafficDuring(db, KAFKA, (l) => l.result.dossiers, () => cpuDuring(backbone, () => phase(backbone, db, 'full', fullLoad(DOSSIERS))));
    const full = loaded.result;
    const quarterRate = Math.max(1, Math.round(full.perSecond / 4));
    const durationS = Math.max(QUARTER_RATE_S, QUARTER_RATE_MIN_DOSSIERS / quarterRate);
    const quarter = await phase(backbone, db, 'quarter', (options) => submitAtRate({ ...options, rate: quarterRate, durationS, connections: CONCURRENCY }));
    const { rows } = await db.query(`SELECT * FROM intake.dossiers WHERE partner_reference LIKE $1 LIMIT 1`, [`bench-${run}-full-%`]);
    return { warmUp, full, quarter: { rate: quarterRate, durationS: Math.round(durationS), ...quarter }, cpu: cpuPerDossier(idle, loaded, full.dossiers), traffic, sample: rows[0] };
  } finally {
    await backbone.stopAll();
  }
}

/** The sample dossier's row with a code and partner reference of its own. */
const rowLike = (sample) => (i) => COLUMNS.map((column) => ({ code: `${sample.code}-${run}-${i}`, partner_reference: `bench-${run}-baseline-${i}` })[column] ?? sample[column]);

/**
 * What a dossier's transactions and messages cost the servers at the least, each at the cost of a baseline's: a
 * one-row transaction (PostgreSQL's CPU), a message (the broker's); beside what the throughput target allows a dossier
 * in all on this machine's cores. The apps, their drivers and Redis come on top.
 */
function serversFloor(traffic, kafka, pg) {
  const ms = (ops, perOp) => Number((ops * perOp).toFixed(1));
  return { postgres: ms(traffic.transactions, pg.cpuMsPerOp.postgres), kafka: ms(traffic.messages, kafka.cpuMsPerOp.kafka), allowedMsPerDossier: (availableParallelism() * 1000) / TARGETS.perSecond };
}

const totalCpu = (cpu) => Number(Object.values(cpu).reduce((sum, c) => sum + c.msPerDossier, 0).toFixed(1));
const ratio = (a, b) => Number((a / b).toFixed(3));
const verdict = (met) => (met ? 'met' : 'NOT met');
const row = (name, f) => `  ${name.padEnd(40)}${[f.perSecond, f.p50, f.p99, f.lost ?? f.failed].map((v) => String(v).padStart(9)).join('')}`;
const legs = (stages) =>
  Object.entries({ 'gateway + intake': 'submitted', 'outbox → Kafka → connector': 'queuedForDelivery', "connector's queue + delivery": 'delivered', 'status pushed back': 'statusBack' })
    .map(([label, key]) => `${label} ${stages[key].p50}/${stages[key].p99}`)
    .join(', ');
const withoutStages = ({ stages, ...figures }) => figures;

async function main() {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const { warmUp, full, quarter, cpu, traffic, sample } = await measureBackbone(db).finally(() => db.end());
  const kafka = await withCpuPerOp('kafka', (k) => k.messages, () => kafkaBaseline({ ...KAFKA, count: BASELINE_MESSAGES, concurrency: CONCURRENCY, value: JSON.stringify(sample) }));
  const pg = await withCpuPerOp('postgres', (p) => p.rows, () => pgBaseline({ databaseUrl: DATABASE_URL, count: BASELINE_ROWS, concurrency: CONCURRENCY, rowOf: rowLike(sample) }));

  const result = {
    bench: 'intake',
    dossiers: DOSSIERS,
    concurrency: CONCURRENCY,
    statusPushDelayMs: STATUS_PUSH_DELAY_MS,
    backbone: { ...withoutStages(full), stagesMs: full.stages, cpu, traffic, serversFloorMs: serversFloor(traffic, kafka, pg) },
    quarterRate: withoutStages(quarter),
    warmUp: withoutStages(warmUp),
    kafka: { ...kafka, messageBytes: Buffer.byteLength(JSON.stringify(sample)) },
    postgres: pg,
    ratioToKafka: ratio(full.perSecond, kafka.perSecond),
    ratioToPostgres: ratio(full.perSecond, pg.perSecond),
    lost: warmUp.lost + full.lost + quarter.lost,
  };
  const floor = result.backbone.serversFloorMs;
  console.log(`
                                            per s   p50 ms   p99 ms     lost
${row(`backbone, full load (${DOSSIERS}, ${CONCURRENCY} in flight)`, full)}
${row(`backbone, a quarter of it (${quarter.rate}/s)`, quarter)}
${row('KafkaJS produce → consume', kafka)}
${row('pg single-row INSERT', pg)}

  full load: ${full.submitted} submitted, acknowledged at ${full.ackRate}/s, ${full.refused} refused ${JSON.stringify(full.refusedByStatus)}, ${full.failed} failed; each leg p50/p99 ms: ${legs(full.stages)}
  CPU ms per dossier at full load, backlog and idle loops included (idle ms/s): ${Object.entries(cpu).map(([app, c]) => `${app} ${c.msPerDossier} (${c.idleMsPerS})`).join(', ')}; in all ${totalCpu(cpu)}
  per dossier at full load: ${traffic.transactions} PostgreSQL transactions, ${traffic.messages} Kafka messages: at the baselines' cost of a one-row transaction and of a message, PostgreSQL ${floor.postgres} ms of CPU and the broker ${floor.kafka} ms at the least, where ${TARGETS.perSecond} dossiers/s on ${availableParallelism()} cores allows ${floor.allowedMsPerDossier} ms in all
  quarter rate: ${quarter.submitted} submitted in ${quarter.durationS} s, ${quarter.refused} refused ${JSON.stringify(quarter.refusedByStatus)}, ${quarter.failed} failed; each leg p50/p99 ms: ${legs(quarter.stages)}
  backlog done (status 4, every e-mail sent) ${full.settling.seconds} s after the full load's last first status, ${quarter.settling.seconds} s after the quarter rate's
  lost (acknowledged, no status beyond 1 within ${DEADLINE_MS / 1000} s): ${result.lost}, of which not persisted: ${warmUp.notPersisted + full.notPersisted + quarter.notPersisted}
  baselines: ${kafka.messages} messages of ${result.kafka.messageBytes} bytes, ${pg.rows} rows, ${CONCURRENCY} in flight; CPU ms per message: KafkaJS ${kafka.cpuMsPerOp.client} + broker ${kafka.cpuMsPerOp.kafka}, per row: pg ${pg.cpuMsPerOp.client} + PostgreSQL ${pg.cpuMsPerOp.postgres}
  ratios: backbone dossiers/s ÷ Kafka messages/s ${result.ratioToKafka}, ÷ PostgreSQL inserts/s ${result.ratioToPostgres}
  targets: ≥ ${TARGETS.perSecond} dossiers/s: ${full.perSecond}, ${verdict(full.perSecond >= TARGETS.perSecond)}; p99 < ${TARGETS.p99AtQuarterRate} ms at a quarter rate: ${quarter.p99} ms, ${verdict(quarter.p99 < TARGETS.p99AtQuarterRate)}`);
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(`bench:intake failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
