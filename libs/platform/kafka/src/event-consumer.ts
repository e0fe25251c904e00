import { context, SpanKind, trace } from '@opentelemetry/api';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { assertValidPayload, EventContract, PayloadInvalidError } from '@lienthong/contracts';
import { eventHandlingSeconds, eventsConsumed } from '@lienthong/platform-observability';
import { fromKafkaMessage, MalformedEventError, ReceivedEvent } from './cloud-event';
import { sendToDeadLetter } from './dead-letter';
import { inNamespace } from './namespace';
import { contextFromTraceparent } from './trace-context';

export type EventHandler<T> = (event: ReceivedEvent<T>, manager: EntityManager) => Promise<void>;
/** Handles many events of one topic in one transaction: for high-volume, independent events. */
export type BatchEventHandler<T> = (events: ReceivedEvent<T>[], manager: EntityManager) => Promise<void>;

interface Registration {
  contract: EventContract<unknown>;
  /** Every handler runs on batches; a per-event handler is a batch handler that takes the batch's events in turn. */
  handler: BatchEventHandler<unknown>;
  only?: EventFilter<unknown>;
}

/**
 * The events of a topic a handler acts on, by their payload alone (a redelivered event is judged the same); the others
 * are passed over with no transaction and no inbox row: a batch of nothing but them costs the database nothing.
 */
export type EventFilter<T> = (event: ReceivedEvent<T>) => boolean;

export interface EventConsumerOptions {
  /** Consumer group (within the namespace) and inbox consumer name. */
  groupId: string;
  namespace: string;
  /** Attempts before a failing event is dead-lettered. */
  maxAttempts: number;
  retryDelayMs: number;
  /** Called after each transaction of handled events commits, with its manager: what a handler wrote to the outbox can go at once. */
  onCommitted?: (manager: EntityManager) => void;
  /** Wait before a consumer that crashed for good is replaced by a new one. */
  restartDelayMs?: number;
}

const RESTART_DELAY_MS = 5000;
/**
 * A fetch is answered as soon as an event waits, or after maxWaitTimeInMs with none: under load a fetch takes what
 * gathered while the last batch was handled (one transaction), at rest a consumer asks twice a second. Against 16 KB
 * or 50 ms, the broker's CPU at rest fell from 70–230 to 15–30 ms/s and per dossier from 2–6 to about 2 ms (bench:intake,
 * docs/decisions.md); stopping an idle consumer waits for its fetch, maxWaitTimeInMs at most (KafkaJS's default: 5 s).
 */
const FETCH = { minBytes: 1, maxWaitTimeInMs: 500 };
/** Events of a fetched batch handled in one transaction at most: its locks and its time stay short. */
const TRANSACTION_EVENTS = 200;
/** How often a long transaction tells the group coordinator the consumer is alive (KafkaJS sends at its heartbeatInterval at most). */
const HEARTBEAT_EVERY_MS = 1000;
const tracer = trace.getTracer('lienthong-kafka');
const isPoison = (error: unknown) => error instanceof MalformedEventError || error instanceof PayloadInvalidError;

/**
 * Runs registered handlers for contract topics. Each fetched batch is handled in one transaction together with its
 * inbox rows, so a redelivered event has no second effect; under load a batch holds many events, and costs one
 * transaction. A batch that fails is handled again event by event, each in a transaction of its own: a failing event is
 * retried a bounded number of times, then parked on the dead-letter topic, and the partition moves on; a malformed one
 * goes there at once.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, Registration>();
  private consumer: Consumer | undefined;
  private joined = false;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions,
  ) {}

  /** Handles each event on its own, in the order of its partition, in its own trace span (a batch's transaction). */
  on<T>(contract: EventContract<T>, handler: EventHandler<T>, only?: EventFilter<T>): void {
    this.register(
      contract,
      (topic) => async (events, manager) => {
        for (const event of events) await this.inTrace(event, topic, () => handler(event, manager));
      },
      only,
    );
  }

  /**
   * Handles a fetched batch of a topic with one call (one inbox statement for all), for events whose handling is
   * cheaper together: one statement for many rows. A batch of one event runs in that event's trace span.
   */
  onBatch<T>(contract: EventContract<T>, handler: BatchEventHandler<T>, only?: EventFilter<T>): void {
    this.register(contract, (topic) => (events, manager) => (events.length === 1 ? this.inTrace(events[0], topic, () => handler(events, manager)) : handler(events, manager)), only);
  }

  /** `handlerOf` makes the batch handler of the contract's topic (its name in the namespace). */
  private register<T>(contract: EventContract<T>, handlerOf: (topic: string) => BatchEventHandler<T>, only: EventFilter<T> | undefined): void {
    const topic = inNamespace(contract.topic, this.options.namespace);
    this.handlers.set(topic, { contract: contract as EventContract<unknown>, handler: handlerOf(topic) as BatchEventHandler<unknown>, only: only as EventFilter<unknown> | undefined });
  }

  /** True once the group has assigned partitions: the consumer is really listening. */
  get ready(): boolean {
    return this.handlers.size === 0 || this.joined;
  }

  async start(): Promise<void> {
    if (this.handlers.size === 0) return;
    this.stopping = false;
    const consumer = this.kafka.consumer({ groupId: inNamespace(this.options.groupId, this.options.namespace), sessionTimeout: 10000, heartbeatInterval: 1000, ...FETCH });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => (this.joined = true));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.joined = false;
      // KafkaJS restarts itself after a retriable error only; after any other the consumer would stay dead
      if (!payload.restart) this.restartLater(consumer);
    });
    consumer.on(consumer.events.STOP, () => (this.joined = false));
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.handlers.keys()], fromBeginning: true });
    await consumer.run({ eachBatchAutoResolve: false, eachBatch: (payload) => this.handleBatch(payload) });
  }

  /** Stops fetching and waits for the event in flight to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect();
    this.joined = false;
  }

  /** A new consumer in place of one that crashed for good, tried again until one runs or the service stops. */
  private restartLater(crashed: Consumer): void {
    if (this.stopping || this.consumer !== crashed) return;
    this.restartTimer = setTimeout(() => {
      void crashed
        .disconnect()
        .catch(() => undefined)
        .then(() => (this.stopping ? undefined : this.start()))
        .catch(() => this.restartLater(this.consumer!));
    }, this.options.restartDelayMs ?? RESTART_DELAY_MS);
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const registration = this.handlers.get(batch.topic)!;
    for (let from = 0; from < batch.messages.length; from += TRANSACTION_EVENTS) {
      if (!isRunning() || isStale()) return;
      const slice = batch.messages.slice(from, from + TRANSACTION_EVENTS);
      if (slice.length > 1 && (await whileBeating(heartbeat, () => this.handleWhole(batch.topic, slice, registration)))) {
        resolveOffset(slice[slice.length - 1].offset);
        await heartbeat();
        continue;
      }
      for (const message of slice) {
        if (!isRunning() || isStale()) return;
        await this.handleOne(batch.topic, batch.partition, message, registration, heartbeat);
        resolveOffset(message.offset);
        await heartbeat();
      }
    }
  }

  /**
   * One transaction for the whole batch; false leaves it to handleOne. A batch is tried once: event by event, each
   * failing event has its own bounded retries, and the others are not held up by them.
   */
  private async handleWhole(topic: string, messages: KafkaMessage[], { contract, handler, only }: Registration): Promise<boolean> {
    try {
      const events = messages.map((message) => this.decode(message, contract));
      await this.handleFresh(only ? events.filter(only) : events, handler);
      eventsConsumed.inc({ topic, consumer: this.options.groupId, outcome: 'handled' }, events.length);
      return true;
    } catch {
      return false; // a malformed message or a failing event among them: each is handled, and dead-lettered, on its own
    }
  }

  private async handleOne(topic: string, partition: number, message: KafkaMessage, { contract, handler, only }: Registration, heartbeat: () => Promise<void>): Promise<void> {
    const stopTimer = eventHandlingSeconds.startTimer({ topic, consumer: this.options.groupId });
    let attempts = 0;
    let lastError: unknown;
    while (attempts < this.options.maxAttempts) {
      attempts += 1;
      try {
        const event = this.decode(message, contract);
        await this.handleFresh(!only || only(event) ? [event] : [], handler);
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

  private decode(message: KafkaMessage, contract: EventContract<unknown>): ReceivedEvent {
    const event = fromKafkaMessage(message);
    assertValidPayload(contract, event.data);
    return event;
  }

  /** Records the events in the inbox and hands the handler only those never processed before, in one transaction (none for no events). */
  private async handleFresh(events: ReceivedEvent[], handler: BatchEventHandler<unknown>): Promise<void> {
    if (events.length === 0) return;
    const committed = await this.dataSource.transaction(async (manager) => {
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO inbox (event_id, consumer) SELECT unnest($1::varchar[]), $2 ON CONFLICT DO NOTHING RETURNING event_id`,
        [events.map((e) => e.id), this.options.groupId],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      const unseen = events.filter((e) => fresh.has(e.id) && fresh.delete(e.id)); // a batch may carry one id twice
      if (unseen.length > 0) await handler(unseen, manager);
      return manager;
    });
    this.options.onCommitted?.(committed);
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

/** Runs `work` while heartbeats keep the consumer in its group, however long the work takes. */
async function whileBeating<R>(heartbeat: () => Promise<void>, work: () => Promise<R>): Promise<R> {
  const beating = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(beating);
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
