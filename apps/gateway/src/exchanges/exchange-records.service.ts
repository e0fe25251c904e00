import { Injectable } from '@nestjs/common';
import type { ExchangeRecordedV1 } from '@lienthong/contracts';
import type { Page } from '@lienthong/platform-http';
import { ExchangeException, ExchangeProblem } from './exchange.exception';
import { ExchangeRecordRepository } from './exchange-record.repository';
import { exchangeRecordView } from './exchange-record.view';
import { ListExchangesQuery } from './list-exchanges.query';

@Injectable()
export class ExchangeRecordsService {
  constructor(private readonly records: ExchangeRecordRepository) {}

  async list(query: ListExchangesQuery): Promise<Page<ExchangeRecordedV1>> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from >= to) throw new ExchangeException(ExchangeProblem.InvalidTimeRange, `from (${query.from}) must be before to (${query.to})`);
    const { page, pageSize } = query;
    const [items, total] = await this.records.findPage(
      { client: query.system, from, to, status: query.status, errorSide: query.errorSide, service: query.service },
      { page, pageSize },
    );
    return { items: items.map(exchangeRecordView), page, pageSize, total };
  }
}
