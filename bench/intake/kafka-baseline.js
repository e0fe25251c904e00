// Baseline 1: raw KafkaJS, one producer and one consumer on a fresh topic (as many partitions as the backbone's), each
// message sent on its own with acks from all in-sync replicas, at most `concurrency` sends in flight. Answers messages/s
// from the first send to the last receipt, and the produce-to-consume latency percentiles.
const { Kafka, logLevel } = require('kafkajs');
const { histogram, percentiles } = require('../shared/latency');
const { closedLoop } = require('./closed-loop');

const PARTITIONS = 3; // scripts/infra/up.sh's num.partitions, which the backbone's topics get
const DEADLINE_MS = 120000;

async function kafkaBaseline({ brokers, namespace, count, concurrency, value }) {
  const kafka = new Kafka({ clientId: 'bench-intake-baseline', brokers, logLevel: logLevel.ERROR });
  const topic = `${namespace}.bench-baseline-${Date.now().toString(36)}`;
  const admin = kafka.admin();
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: topic });
  const sentAt = new Array(count);
  const latenciesUs = histogram();
  const { promise: allReceived, resolve: received } = Promise.withResolvers();
  let receivedCount = 0;
  let lastReceivedAt = 0;
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
    await Promise.all([producer.connect(), consumer.connect()]);
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        lastReceivedAt = performance.now();
        latenciesUs.recordValue(Math.round((lastReceivedAt - sentAt[Number(message.key)]) * 1000));
        if (++receivedCount === count) received();
      },
    });
    await joined;
    const start = performance.now();
    await closedLoop(count, concurrency, async (i) => {
      sentAt[i] = performance.now();
      await producer.send({ topic, messages: [{ key: String(i), value }] });
    });
    const deadline = setTimeout(received, DEADLINE_MS);
    await allReceived;
    clearTimeout(deadline);
    return { messages: receivedCount, perSecond: Math.round(receivedCount / ((lastReceivedAt - start) / 1000)), ...percentiles(latenciesUs), lost: count - receivedCount };
  } finally {
    await Promise.all([producer.disconnect(), consumer.disconnect()]);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.deleteGroups([topic]).catch(() => undefined);
    await admin.disconnect();
  }
}

module.exports = { kafkaBaseline };
