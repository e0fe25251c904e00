// What the backbone asks of PostgreSQL and Kafka per dossier: transactions committed or rolled back in the bench's
// database (pg_stat_database, the bench's own polling included, a few a second) and messages written to the topics of
// its Kafka namespace (the sum of their partitions' end offsets), counted around a phase.
const { Kafka, logLevel } = require('kafkajs');

// a backend flushes its transaction counts to pg_stat_database within 10 s of going idle (PostgreSQL 15's
// PGSTAT_IDLE_INTERVAL), so a count is read that long after the work it follows
const STATS_FLUSH_MS = 11000;
const BASELINE_TOPIC = /\.bench-baseline-/;

async function transactions(db) {
  const { rows } = await db.query(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`);
  return Number(rows[0].n);
}

async function messages(admin, namespace) {
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${namespace}.`) && !BASELINE_TOPIC.test(topic));
  const offsets = await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
  return offsets.flat().reduce((sum, partition) => sum + Number(partition.high), 0);
}

/** Runs `work`, then answers its result and the transactions and messages per `countOf(result)` it caused. */
async function trafficDuring(db, { brokers, namespace }, countOf, work) {
  const admin = new Kafka({ clientId: 'bench-intake-traffic', brokers, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const counts = async () => {
      await new Promise((r) => setTimeout(r, STATS_FLUSH_MS));
      return { transactions: await transactions(db), messages: await messages(admin, namespace) };
    };
    const before = await counts();
    const result = await work();
    const after = await counts();
    const per = (key) => Number(((after[key] - before[key]) / countOf(result)).toFixed(1));
    return { result, perDossier: { transactions: per('transactions'), messages: per('messages') } };
  } finally {
    await admin.disconnect();
  }
}

module.exports = { trafficDuring };
