import { DynamicModule, InjectionToken, Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { CommonEnv } from '@lienthong/platform-config';
import { dataSourceOptions, migratedDataSource, ServiceDatabase } from '@lienthong/platform-database';
import { HealthController, PostgresReadiness, readinessChecks } from '@lienthong/platform-health';
import { Messaging, MessagingModule, MessagingOptions } from '@lienthong/platform-kafka';
import { loggerModule, MetricsController } from '@lienthong/platform-observability';

export interface ServiceCoreOptions {
  /** Service name: logs, Kafka client id and consumer group, CloudEvents source. */
  name: string;
  config: CommonEnv;
  database: Omit<ServiceDatabase, 'url'>;
  messaging?: Omit<MessagingOptions, 'brokers' | 'service' | 'namespace'>;
  /** Clients shared across the app (e.g. Redis), available everywhere. */
  providers?: Provider[];
  /** Extra readiness checks (e.g. Redis): injection tokens of providers implementing ReadinessCheck. */
  readiness?: InjectionToken[];
}

/**
 * Wires every service the same way: its validated config injectable by class, pino logs, its own PostgreSQL schema with
 * migrations, outbox relay and Kafka consumer, /health/live, /health/ready and /metrics.
 */
@Module({})
export class ServiceCoreModule {
  static forService(options: ServiceCoreOptions): DynamicModule {
    const shared = [{ provide: options.config.constructor, useValue: options.config }, ...(options.providers ?? [])];
    const checks = options.readiness ?? [];
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [
        loggerModule(options.name, options.config.LOG_LEVEL),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions({ url: options.config.DATABASE_URL, ...options.database }),
          dataSourceFactory: (typeOrmOptions) => migratedDataSource(typeOrmOptions!),
        }),
        MessagingModule.forRoot({
          brokers: options.config.KAFKA_BROKERS,
          namespace: options.config.KAFKA_NAMESPACE,
          service: options.name,
          ...options.messaging,
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [PostgresReadiness, ...shared, readinessChecks(PostgresReadiness, Messaging, ...checks)],
      exports: shared,
    };
  }
}
