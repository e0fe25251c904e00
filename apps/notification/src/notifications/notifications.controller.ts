import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ClientSystem } from '@lienthong/platform-http';
import { ListNotificationsDto } from './list-notifications.dto';
import { NotificationRepository } from './notification.repository';
import { notificationView } from './notification.view';
import { OptOutDto } from './opt-out.dto';
import { OptOutRepository } from './opt-out.repository';
import { SmsReceiptBatchDto, SmsReceiptDto } from './sms-receipt.dto';
import { SmsReceiptService } from './sms-receipt.service';

@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationRepository, private readonly optOuts: OptOutRepository, private readonly receipts: SmsReceiptService) {}

  /** Newest first; filter by dossier, status and channel to find what failed or is stuck. */
  @Get('notifications')
  async list(@Query() query: ListNotificationsDto) {
    const { page, pageSize } = query;
    const [items, total] = await this.notifications.findPage({ dossierCode: query.dossier, status: query.status, channel: query.channel }, { page, pageSize });
    return { items: items.map(notificationView), page, pageSize, total };
  }

  /** The SMS gateway's delivery receipt of one message, as the gateway authenticated the SMS gateway. */
  @Post('sms-receipts')
  @HttpCode(HttpStatus.OK)
  receipt(@ClientSystem() _caller: string, @Body() body: SmsReceiptDto) {
    return this.receipts.receive(body);
  }

  /** Receipts the SMS gateway gathered, applied in one go: each item answers for its receipt, an unknown message id with a problem. */
  @Post('sms-receipt-batches')
  @HttpCode(HttpStatus.OK)
  async receiptBatch(@ClientSystem() _caller: string, @Body() body: SmsReceiptBatchDto) {
    return { items: await this.receipts.receiveAll(body.receipts) };
  }

  /** A recipient opts out of a channel, or back in. */
  @Post('opt-outs')
  @HttpCode(HttpStatus.OK)
  async optOut(@Body() body: OptOutDto) {
    await this.optOuts.set(body.channel, body.recipient, body.optedOut);
    return { channel: body.channel, optedOut: body.optedOut };
  }
}
