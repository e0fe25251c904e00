import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { assertValidPayload, EventContract } from '@lienthong/contracts';
import { ReadinessCheck } from '@lienthong/platform-health';
import { createKafka } from './kafka-client';
import { EventConsumer } from './event-consumer';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { EventOrigin, sendEvents } from './send-events';
import { ensureTopics } from './topics';
import { currentTraceparent } from './trace-context';

export interface MessagingOptions {
  brokers: string;
  /** Service name: Kafka client id, consumer group, CloudEvents source /lienthong/<service>. */
  service: string;
  /** Keeps environments that share a broker apart (see inNamespace); empty for none. */
  namespace: string;
  maxAttempts?: number;
  retryDelayMs?: number;
  relayIdleMs?: number;
}

/** How long the relay lets events gather after a batch that was not full (see OutboxRelay): up to this much added to an event's way out under load, for fewer and fuller batches. */
const RELAY_BUSY_MS = 10;

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Owns the service's Kafka client: topics, idempotent producer, outbox relay, direct publishing, consumer; starts and drains them. */
@Injectable()
export class Messaging implements OnApplicationBootstrap, BeforeApplicationShutdown, ReadinessCheck {
  readonly name = 'kafka';
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly consumer: EventConsumer;
  private readonly relay: OutboxRelay;
  private readonly origin: EventOrigin;
  private readonly drains: (() => Promise<void>)[] = [];
  private readonly logger = new Logger('Messaging');

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions, dataSource: DataSource, readonly outbox: Outbox) {
    this.kafka = createKafka(options.brokers, options.service);
    // idempotent producer: no duplicates from producer retries, acks from all in-sync replicas
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.consumer = new EventConsumer(this.kafka, this.producer, dataSource, {
      groupId: options.service,
      namespace: options.namespace,
      maxAttempts: options.maxAttempts ?? 5,
      retryDelayMs: options.retryDelayMs ?? 200,
      // what a handler wrote (to the outbox, or work for a worker of the service) is due once its transaction commits
      onCommitted: (manager) => outbox.notifyCommitted(manager),
    });
    this.origin = { source: `/lienthong/${options.service}`, namespace: options.namespace };
    this.relay = new OutboxRelay(dataSource, this.producer, {
      ...this.origin,
      batchSize: 500,
      idleMs: options.relayIdleMs ?? 200,
      busyMs: RELAY_BUSY_MS,
      // every writer of the outbox tells the relay after its commit (Outbox.notifyCommitted); another instance's rows
      // wait for this one's next idle poll at worst, or go with its own relay
      announced: true,
      onError: (name, error) => this.logger.warn(`${name} failed, will retry: ${String(error)}`),
    });
    outbox.onCommitted(() => this.relay.wake(), { relay: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, this.options.namespace);
    await this.producer.connect();
    this.relay.start();
    await this.consumer.start();
  }

  /**
   * Publishes events that no database change implies (an exchange record, say) straight to Kafka, in one batch and
   * exactly as the relay publishes outbox rows. Nothing keeps them until Kafka acknowledges: a caller that must not
   * lose them holds on to them until this resolves. Every payload is checked against its contract before anything is
   * sent.
   */
  async publish<T>(contract: EventContract<T>, events: readonly { key: string; payload: T }[]): Promise<void> {
    for (const { payload } of events) assertValidPayload(contract, payload);
    if (events.length === 0) return;
    const [traceparent, time] = [currentTraceparent(), new Date()];
    const outgoing = events.map(({ key, payload }) => ({ id: randomUUID(), type: contract.type, key, data: JSON.stringify(payload), traceparent, time }));
    await sendEvents(this.producer, this.origin, [[contract.topic, outgoing]]);
  }

  /**
   * Runs `drain` at shutdown before anything stops, while the producer can still send: how a publisher that holds
   * events in memory gets the last ones out, whatever order Nest calls the modules' shutdown hooks in.
   */
  beforeDisconnect(drain: () => Promise<void>): void {
    this.drains.push(drain);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // a failed drain must not keep the rest of the service from stopping
    for (const outcome of await Promise.allSettled(this.drains.map((drain) => drain()))) {
      if (outcome.status === 'rejected') this.logger.warn(`draining before the producer disconnects failed: ${String(outcome.reason)}`);
    }
    await this.consumer.stop();
    await this.relay.stop();
    await this.producer.disconnect();
  }

  async check(): Promise<void> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      await admin.describeCluster();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    if (!this.consumer.ready) throw new Error('consumer has not joined its group');
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, Outbox, Messaging],
      exports: [Outbox, Messaging],
    };
  }
}
