import { Column, Entity, PrimaryColumn, ValueTransformer } from 'typeorm';
import type { ErrorSide } from '@lienthong/contracts';

/** PostgreSQL bigint arrives as a string; byte counts fit a JavaScript number. */
const BYTES: ValueTransformer = { to: (value: number) => value, from: (value: string) => Number(value) };

/** One call through the gateway, as consumed from exchange.recorded.v1, for operators to query. */
@Entity({ name: 'exchange_records' })
export class ExchangeRecord {
  @PrimaryColumn('uuid', { name: 'exchange_id' })
  exchangeId: string;

  @Column({ type: 'varchar', nullable: true })
  client: string | null;

  @Column('varchar')
  service: string;

  @Column({ type: 'varchar', nullable: true })
  target: string | null;

  @Column('varchar')
  method: string;

  @Column({ type: 'varchar', nullable: true })
  route: string | null;

  @Column({ type: 'varchar', nullable: true })
  subject: string | null;

  @Column('smallint')
  status: number;

  @Column({ name: 'error_side', type: 'varchar' })
  errorSide: ErrorSide;

  @Column({ name: 'request_bytes', type: 'bigint', transformer: BYTES })
  requestBytes: number;

  @Column({ name: 'response_bytes', type: 'bigint', transformer: BYTES })
  responseBytes: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz' })
  endedAt: Date;

  @Column({ name: 'duration_ms', type: 'double precision' })
  durationMs: number;

  @Column({ name: 'trace_id', type: 'varchar', nullable: true })
  traceId: string | null;
}
