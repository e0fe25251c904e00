import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
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

/** One schema per service, outbox and inbox included; never synchronize: migrations run at boot by `migratedDataSource`. */
export function dataSourceOptions(db: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    schema: db.schema,
    entities: [...(db.entities as unknown[]), OutboxMessage, InboxEntry] as DataSourceOptions['entities'],
    migrations: db.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: db.poolSize ?? 10,
    // raw SQL (inbox, advisory locks, counters) resolves unqualified names in the service's schema
    extra: { connectionTimeoutMillis: 5000, application_name: db.schema, options: `-c search_path=${db.schema}` },
  };
}

/**
 * Connects and runs the pending migrations under a session advisory lock of the schema, on a connection of its own:
 * instances of one service booting together on a fresh database (the gateway's edge and recorder) would otherwise
 * both create the same tables, and one would fail. Whoever comes second finds nothing left to run. The schema is
 * created if missing.
 */
export async function migratedDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    const schema = String(dataSource.driver.schema);
    const key = `${schema}.migrations`;
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      // the migrations table lives in the schema, which the first migration would create too late for it
      await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', '""')}"`);
      // each in its own transaction, as the options say (migrationsTransactionMode)
      await dataSource.runMigrations();
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  } finally {
    await lock.release();
  }
}
