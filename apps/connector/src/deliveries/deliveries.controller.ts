import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { Page } from '@lienthong/platform-http';
import { DeliveryService } from './delivery.service';
import { deliveryView } from './delivery.view';
import { ListDeliveriesQuery } from './list-deliveries.query';

/** The operators' view of deliveries: find what is stuck or failed, and redrive it. */
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveryService) {}

  @Get()
  async list(@Query() query: ListDeliveriesQuery): Promise<Page<ReturnType<typeof deliveryView>>> {
    const filter = { status: query.status, systemCode: query.system, subject: query.subject };
    const [items, total] = await this.deliveries.page(filter, query.page, query.pageSize);
    return { items: items.map(deliveryView), page: query.page, pageSize: query.pageSize, total };
  }

  @Post(':id/redrive')
  @HttpCode(200)
  async redrive(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    return deliveryView(await this.deliveries.redrive(id));
  }
}
