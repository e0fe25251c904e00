import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { DEAD_LETTER_TOPIC } from '@lienthong/contracts';
import { inNamespace } from './namespace';

export interface DeadLetterOrigin {
  /** The Kafka topic the message was read from (with its namespace). */
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumer: string;
  attempts: number;
  error: unknown;
}

export const DEAD_LETTER_HEADERS = {
  topic: 'x-original-topic',
  partition: 'x-original-partition',
  offset: 'x-original-offset',
  consumer: 'x-consumer',
  attempts: 'x-attempts',
  error: 'x-error',
} as const;

const errorText = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);

/** Parks a message on the dead-letter topic, unchanged, with where it came from and why it failed in headers. */
export async function sendToDeadLetter(producer: Producer, namespace: string, origin: DeadLetterOrigin): Promise<void> {
  const headers: IHeaders = {
    ...origin.message.headers,
    [DEAD_LETTER_HEADERS.topic]: origin.topic,
    [DEAD_LETTER_HEADERS.partition]: String(origin.partition),
    [DEAD_LETTER_HEADERS.offset]: origin.message.offset,
    [DEAD_LETTER_HEADERS.consumer]: origin.consumer,
    [DEAD_LETTER_HEADERS.attempts]: String(origin.attempts),
    [DEAD_LETTER_HEADERS.error]: errorText(origin.error),
  };
  await producer.send({
    topic: inNamespace(DEAD_LETTER_TOPIC, namespace),
    acks: -1,
    messages: [{ key: origin.message.key, value: origin.message.value, headers }],
  });
}
