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
}

@Injectable()
export class ExchangeRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the records not there already, in one statement. */
  async insertOnce(manager: EntityManager, records: ExchangeRecordedV1[]): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ExchangeRecord)
      .values(records.map((record) => ({ ...record, startedAt: new Date(record.startedAt), endedAt: new Date(record.endedAt) })))
      .orIgnore()
      .execute();
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
    return query
      .orderBy('e.startedAt', 'DESC')
      .addOrderBy('e.exchangeId', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
