import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ReadinessCheck } from '@lienthong/platform-health';
import { createKafka } from './kafka-client';
import { EventConsumer } from './event-consumer';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { ensureTopics } from './topics';

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

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Owns the service's Kafka client: topics, idempotent producer, outbox relay, consumer; starts and drains them. */
@Injectable()
export class Messaging implements OnApplicationBootstrap, BeforeApplicationShutdown, ReadinessCheck {
  readonly name = 'kafka';
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly consumer: EventConsumer;
  private readonly relay: OutboxRelay;
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
    });
    this.relay = new OutboxRelay(dataSource, this.producer, {
      source: `/lienthong/${options.service}`,
      namespace: options.namespace,
      batchSize: 500,
      idleMs: options.relayIdleMs ?? 200,
      onError: (name, error) => this.logger.warn(`${name} failed, will retry: ${String(error)}`),
    });
    outbox.onCommitted(() => this.relay.wake());
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, this.options.namespace);
    await this.producer.connect();
    this.relay.start();
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
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
