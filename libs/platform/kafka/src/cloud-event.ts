import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** An event as a consumer sees it: the CloudEvents attributes, the payload and the trace it belongs to. */
export interface ReceivedEvent<T = unknown> {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  data: T;
  traceparent?: string;
}

/** An event on its way to Kafka. */
export interface OutgoingEvent {
  id: string;
  type: string;
  /** Message key and CloudEvents subject: the business key that keeps its events in order. */
  key: string;
  /** The payload as JSON text, which is what goes on the wire (the outbox hands it back as text). */
  data: string;
  traceparent: string | null;
  time: Date;
}

/**
 * CloudEvents 1.0 in Kafka binary mode: ce_* headers, JSON value, business key as message key. Written by hand, not
 * with the cloudevents SDK: building its CloudEvent and binary binding took 8–12 µs of CPU per message against under
 * 1 µs for these headers (50k exchange records, process.cpuUsage, 2-core machine), on a path every event takes. The
 * binding's ce_datacontenttype and ce_partitionkey are left out: in binary mode content-type and the message key
 * already carry them.
 */
export function toKafkaMessage(event: OutgoingEvent, source: string): Message {
  const headers: IHeaders = {
    ce_id: event.id,
    ce_type: event.type,
    ce_source: source,
    ce_specversion: '1.0',
    ce_time: event.time.toISOString(),
    ce_subject: event.key,
    'content-type': 'application/json',
  };
  if (event.traceparent) headers.traceparent = event.traceparent;
  return { key: event.key, value: event.data, headers };
}

const headerString = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? String(value[0]) : String(value);
};

export class MalformedEventError extends Error {}

/** Reads a binary-mode CloudEvent; throws MalformedEventError when a required attribute or the JSON body is missing. */
export function fromKafkaMessage(message: KafkaMessage): ReceivedEvent {
  const attr = (name: string) => headerString(message.headers, `ce_${name}`);
  const [id, type, source, specversion] = [attr('id'), attr('type'), attr('source'), attr('specversion')];
  if (!id || !type || !source || specversion !== '1.0') {
    throw new MalformedEventError('missing CloudEvents attributes (ce_id, ce_type, ce_source, ce_specversion=1.0)');
  }
  let data: unknown;
  try {
    data = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch {
    throw new MalformedEventError('the message value is not JSON');
  }
  return {
    id,
    type,
    source,
    subject: attr('subject') ?? message.key?.toString() ?? '',
    time: attr('time') ?? new Date(Number(message.timestamp)).toISOString(),
    data,
    traceparent: headerString(message.headers, 'traceparent'),
  };
}
