import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import type { ExchangeRecordedV1 } from '@lienthong/contracts';
import type { Page } from '@lienthong/platform-http';
import { RequiresGrant } from '../access/grant.decorator';
import { GrantGuard } from '../access/grant.guard';
import { Permission } from '../registry/permissions';
import { ExchangeRecordsService } from './exchange-records.service';
import { ListExchangesQuery } from './list-exchanges.query';

@Controller('v1/operator/exchanges')
@UseGuards(GrantGuard)
export class OperatorExchangesController {
  constructor(private readonly exchanges: ExchangeRecordsService) {}

  /** Newest first; by client system, time range, status, error side and service. */
  @Get()
  @RequiresGrant(Permission.ReadExchanges)
  list(@Query() query: ListExchangesQuery): Promise<Page<ExchangeRecordedV1>> {
    return this.exchanges.list(query);
  }
}
