import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ClientSystem } from '@lienthong/platform-http';
import { paymentAttemptView } from '../attempts/payment-attempt.view';
import { RefundDto } from './refund.dto';
import { RefundService } from './refund.service';

/** Operators: money of a paid attempt given back. */
@Controller('attempts/:id/refunds')
export class RefundsController {
  constructor(private readonly refunds: RefundService) {}

  @Post()
  async refund(@ClientSystem() caller: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: RefundDto) {
    return paymentAttemptView(await this.refunds.refund(id, body, caller));
  }
}
