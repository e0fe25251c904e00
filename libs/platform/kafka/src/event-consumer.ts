import { context, SpanKind, trace } from '@opentelemetry/api';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { assertValidPayload, EventContract, PayloadInvalidError } from '@lienthong/contracts';
import { eventHandlingSeconds, eventsConsumed } from '@lienthong/platform-observability';
import { fromKafkaMessage, MalformedEventError, ReceivedEvent } from './cloud-event';
import { sendToDeadLetter } from './dead-letter';
import { inNamespace } from './namespace';
import { contextFromTraceparent } from './trace-context';

export type EventHandler<T> = (event: ReceivedEvent<T>, manager: EntityManager) => Promise<void>;

export interface EventConsumerOptions {
  /** Consumer group (within the namespace) and inbox consumer name. */
  groupId: string;
  namespace: string;
  /** Attempts before a failing event is dead-lettered. */
  maxAttempts: number;
  retryDelayMs: number;
}

const tracer = trace.getTracer('lienthong-kafka');
const isPoison = (error: unknown) => error instanceof MalformedEventError || error instanceof PayloadInvalidError;

/**
 * Runs registered handlers for contract topics. Each event is handled in one transaction together with
 * its inbox row, so a redelivered event has no second effect. A failing event is retried a bounded number
 * of times, then parked on the dead-letter topic, and the partition moves on; a malformed one goes there at once.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, { contract: EventContract<unknown>; handler: EventHandler<unknown> }>();
  private consumer: Consumer | undefined;
  private joined = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions,
  ) {}

  on<T>(contract: EventContract<T>, handler: EventHandler<T>): void {
    this.handlers.set(inNamespace(contract.topic, this.options.namespace), { contract: contract as EventContract<unknown>, handler: handler as EventHandler<unknown> });
  }

  /** True once the group has assigned partitions: the consumer is really listening. */
  get ready(): boolean {
    return this.handlers.size === 0 || this.joined;
  }

  async start(): Promise<void> {
    if (this.handlers.size === 0) return;
    const consumer = this.kafka.consumer({ groupId: inNamespace(this.options.groupId, this.options.namespace), sessionTimeout: 10000, heartbeatInterval: 1000 });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => (this.joined = true));
    consumer.on(consumer.events.CRASH, () => (this.joined = false));
    consumer.on(consumer.events.STOP, () => (this.joined = false));
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.handlers.keys()], fromBeginning: true });
    await consumer.run({ eachMessage: (payload) => this.handle(payload) });
  }

  /** Stops fetching and waits for the event in flight to finish. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.joined = false;
  }

  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const { contract, handler } = this.handlers.get(topic)!;
    const stopTimer = eventHandlingSeconds.startTimer({ topic, consumer: this.options.groupId });
    let attempts = 0;
    let lastError: unknown;
    while (attempts < this.options.maxAttempts) {
      attempts += 1;
      try {
        const event = fromKafkaMessage(message);
        assertValidPayload(contract, event.data);
        await this.inTrace(event, topic, () => this.handleOnce(event, handler));
        eventsConsumed.inc({ topic, consumer: this.options.groupId, outcome: 'handled' });
        stopTimer();
        return;
      } catch (error) {
        lastError = error;
        if (isPoison(error)) break;
        await heartbeat();
        await delay(this.options.retryDelayMs * attempts);
      }
    }
    await sendToDeadLetter(this.producer, this.options.namespace, { topic, partition, message, consumer: this.options.groupId, attempts, error: lastError });
    eventsConsumed.inc({ topic, consumer: this.options.groupId, outcome: 'dead-lettered' });
    stopTimer();
  }

  private async handleOnce(event: ReceivedEvent, handler: EventHandler<unknown>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [event.id, this.options.groupId],
      );
      if (inserted.length === 0) return; // processed before: a redelivery
      await handler(event, manager);
    });
  }

  private inTrace<R>(event: ReceivedEvent, topic: string, fn: () => Promise<R>): Promise<R> {
    const parent = contextFromTraceparent(event.traceparent);
    return tracer.startActiveSpan(`process ${topic}`, { kind: SpanKind.CONSUMER, attributes: { 'messaging.message.id': event.id } }, parent, async (span) => {
      try {
        return await context.with(trace.setSpan(parent, span), fn);
      } finally {
        span.end();
      }
    });
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
