import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ListPaymentsDto } from './list-payments.dto';
import { PaymentRequestService } from './payment-request.service';
import { paymentRequestView } from './payment-request.view';

@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentRequestService) {}

  /** Newest first, optionally for one dossier. */
  @Get()
  async list(@Query() query: ListPaymentsDto) {
    const { page, pageSize } = query;
    const [items, total] = await this.payments.list(query.dossier, page, pageSize);
    return { items: items.map(paymentRequestView), page, pageSize, total };
  }

  @Get(':id')
  async find(@Param('id', ParseUUIDPipe) id: string) {
    return paymentRequestView(await this.payments.find(id));
  }
}
