import type { Producer } from 'kafkajs';
import { eventsPublished } from '@lienthong/platform-observability';
import { OutgoingEvent, toKafkaMessage } from './cloud-event';
import { inNamespace } from './namespace';

export interface EventOrigin {
  /** CloudEvents source of this service, e.g. /lienthong/intake */
  source: string;
  namespace: string;
}

/** Events of one contract topic (its plain name), in the order they are to keep. */
export type TopicEvents = readonly [topic: string, events: readonly OutgoingEvent[]];

/**
 * Sends events as CloudEvents in one produce request per broker, acknowledged by every in-sync replica (acks -1); the producer
 * is the service's idempotent one, so its own retries add no duplicates.
 */
export async function sendEvents(producer: Producer, origin: EventOrigin, byTopic: readonly TopicEvents[]): Promise<void> {
  await producer.sendBatch({
    acks: -1,
    topicMessages: byTopic.map(([topic, events]) => ({
      topic: inNamespace(topic, origin.namespace),
      messages: events.map((event) => toKafkaMessage(event, origin.source)),
    })),
  });
  for (const [topic, events] of byTopic) eventsPublished.inc({ topic }, events.length);
}
