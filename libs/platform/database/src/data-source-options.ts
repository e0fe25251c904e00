import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { InboxEntry } from './inbox-entry.entity';
import { OutboxMessage } from './outbox-message.entity';

export interface ServiceDatabase {
  url: string;
  /** The service's own PostgreSQL schema. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** One schema per service, migrations run at boot (never synchronize), outbox and inbox included. */
export function dataSourceOptions(db: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    schema: db.schema,
    entities: [...(db.entities as unknown[]), OutboxMessage, InboxEntry] as DataSourceOptions['entities'],
    migrations: db.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: db.poolSize ?? 10,
    // raw SQL (inbox, advisory locks, counters) resolves unqualified names in the service's schema
    extra: { connectionTimeoutMillis: 5000, application_name: db.schema, options: `-c search_path=${db.schema}` },
  };
}
