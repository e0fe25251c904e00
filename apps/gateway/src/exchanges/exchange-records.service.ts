import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ExchangeRecordedV1, exchangeRecordedV1 } from '@lienthong/contracts';
import type { Page } from '@lienthong/platform-http';
import { Outbox } from '@lienthong/platform-kafka';
import { AuditLog } from '../audit/audit-log.service';
import { ExchangeException, ExchangeProblem } from './exchange.exception';
import { ANONYMOUS_CLIENT, exchangeAuditRecord } from './exchange-record.audit';
import { ExchangeRecordRepository } from './exchange-record.repository';
import { exchangeRecordView } from './exchange-record.view';
import { ListExchangesQuery } from './list-exchanges.query';

/**
 * Records stored, audited and published per round of statements. The JavaScript of a round (the audit chain's hashes,
 * the statements' JSON) is one stretch of the event loop: a whole fetch of shipped records at once held up the calls
 * the same instance serves for tens of ms, a round of this many for about a millisecond.
 */
const STORE_SLICE = 100;

@Injectable()
export class ExchangeRecordsService {
  constructor(private readonly records: ExchangeRecordRepository, private readonly audit: AuditLog, private readonly outbox: Outbox) {}

  /**
   * Stores the records, appends each one stored to the audit log and publishes it as exchange.recorded.v1 (keyed by
   * its client), in the caller's transaction: a record already stored (the same exchange shipped twice) is neither
   * stored, audited nor published again, so every exchange is audited and published once.
   */
  async store(manager: EntityManager, records: readonly ExchangeRecordedV1[]): Promise<void> {
    for (let start = 0; start < records.length; start += STORE_SLICE) await this.storeSlice(manager, records.slice(start, start + STORE_SLICE));
  }

  private async storeSlice(manager: EntityManager, records: readonly ExchangeRecordedV1[]): Promise<void> {
    const stored = new Set(await this.records.insertOnce(manager, records));
    // PostgreSQL answers uuids in lower case; delete keeps the first of an id a batch carries twice, as the insert did
    const fresh = records.filter((record) => stored.delete(record.exchangeId.toLowerCase()));
    await this.audit.appendAll(manager, fresh.map(exchangeAuditRecord));
    await this.outbox.addAll(manager, exchangeRecordedV1, fresh.map((record) => ({ key: record.client ?? ANONYMOUS_CLIENT, payload: record })));
  }

  async list(query: ListExchangesQuery): Promise<Page<ExchangeRecordedV1>> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from >= to) throw new ExchangeException(ExchangeProblem.InvalidTimeRange, `from (${query.from}) must be before to (${query.to})`);
    const { page, pageSize } = query;
    const [items, total] = await this.records.findPage(
      { client: query.system, from, to, status: query.status, errorSide: query.errorSide, service: query.service, subject: query.subject },
      { page, pageSize },
    );
    return { items: items.map(exchangeRecordView), page, pageSize, total };
  }
}
