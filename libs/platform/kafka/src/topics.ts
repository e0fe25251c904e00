import type { Kafka } from 'kafkajs';
import { DEAD_LETTER_TOPIC, EVENT_CONTRACTS } from '@lienthong/contracts';
import { inNamespace } from './namespace';

/** Creates every contract topic and the dead-letter topic with explicit partition counts (existing ones are kept). */
export async function ensureTopics(kafka: Kafka, namespace: string, replicationFactor = 1): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [...EVENT_CONTRACTS.map((c) => ({ topic: c.topic, partitions: c.partitions })), { topic: DEAD_LETTER_TOPIC, partitions: 3 }].map((t) => ({
      ...t,
      topic: inNamespace(t.topic, namespace),
    }));
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions, replicationFactor })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
