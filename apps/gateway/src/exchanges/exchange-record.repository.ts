import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ErrorSide, ExchangeRecordedV1 } from '@lienthong/contracts';
import { ExchangeRecord } from './exchange-record.entity';

export interface ExchangeFilter {
  client?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  status?: number;
  errorSide?: ErrorSide;
  service?: string;
  subject?: string;
}

@Injectable()
export class ExchangeRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the records not there already in one statement (the batch travels as one JSON array, whose camelCase
   * members are the event's own); answers the ids of those it stored.
   */
  async insertOnce(manager: EntityManager, records: readonly ExchangeRecordedV1[]): Promise<string[]> {
    const rows: { exchange_id: string }[] = await manager.query(
      `INSERT INTO exchange_records (exchange_id, client, service, target, method, route, subject, status, error_side,
         request_bytes, response_bytes, started_at, ended_at, duration_ms, trace_id)
       SELECT "exchangeId", client, service, target, method, route, subject, status, "errorSide",
         "requestBytes", "responseBytes", "startedAt", "endedAt", "durationMs", "traceId"
       FROM jsonb_to_recordset($1::jsonb) AS r("exchangeId" uuid, client varchar, service varchar, target varchar, method varchar,
         route varchar, subject varchar, status smallint, "errorSide" varchar, "requestBytes" bigint, "responseBytes" bigint,
         "startedAt" timestamptz, "endedAt" timestamptz, "durationMs" double precision, "traceId" varchar)
       ON CONFLICT (exchange_id) DO NOTHING
       RETURNING exchange_id`,
      [JSON.stringify(records)],
    );
    return rows.map((row) => row.exchange_id);
  }

  /** Newest first. */
  findPage(filter: ExchangeFilter, { page, pageSize }: { page: number; pageSize: number }): Promise<[ExchangeRecord[], number]> {
    const query = this.dataSource.getRepository(ExchangeRecord).createQueryBuilder('e');
    if (filter.client !== undefined) query.andWhere('e.client = :client', { client: filter.client });
    if (filter.from !== undefined) query.andWhere('e.startedAt >= :from', { from: filter.from });
    if (filter.to !== undefined) query.andWhere('e.startedAt < :to', { to: filter.to });
    if (filter.status !== undefined) query.andWhere('e.status = :status', { status: filter.status });
    if (filter.errorSide !== undefined) query.andWhere('e.errorSide = :errorSide', { errorSide: filter.errorSide });
    if (filter.service !== undefined) query.andWhere('e.service = :service', { service: filter.service });
    if (filter.subject !== undefined) query.andWhere('e.subject = :subject', { subject: filter.subject });
    return query
      .orderBy('e.startedAt', 'DESC')
      .addOrderBy('e.exchangeId', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
