import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { CloudEvent, Kafka as KafkaBinding } from 'cloudevents';
import type { OutboxMessage } from '@lienthong/platform-database';

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

/** CloudEvents 1.0 in Kafka binary mode: ce_* headers, JSON value, business key as message key. */
export function toKafkaMessage(message: OutboxMessage, source: string): Message {
  // not strict: every attribute is set right here and the payload was checked against its contract when it entered
  // the outbox, so the SDK's schema check of each message would cost the relay throughput for nothing
  const event = new CloudEvent(
    {
      id: message.id,
      type: message.type,
      source,
      subject: message.key,
      time: message.createdAt.toISOString(),
      datacontenttype: 'application/json',
      data: message.payload,
      partitionkey: message.key,
    },
    false,
  );
  const binary = KafkaBinding.binary(event);
  // the binding lists unset optional attributes as undefined: Kafka headers carry only the set ones
  const headers: IHeaders = Object.fromEntries(Object.entries(binary.headers).filter(([, v]) => v !== undefined)) as IHeaders;
  if (message.traceparent) headers.traceparent = message.traceparent;
  // the binding leaves a JSON body as an object: serialise it for the wire
  const value = typeof binary.body === 'string' ? binary.body : JSON.stringify(binary.body);
  return { key: message.key, value, headers };
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
