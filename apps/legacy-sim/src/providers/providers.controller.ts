import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { PlatformMessage } from '@lienthong/domain-payment';
import { ParseDayPipe } from './parse-day.pipe';
import { PayActionDto } from './pay-action.dto';
import { paymentPage } from './payment-page';
import { ProviderDesk } from './provider-desk';
import { transactionView } from './transaction.view';

/** The simulated providers as the portal and the applicant meet them: the request to pay, the page, the choice, the look-up, the receipt, the day's statement. */
@Controller('providers')
export class ProvidersController {
  constructor(private readonly desk: ProviderDesk) {}

  @Post(':code/init')
  @HttpCode(HttpStatus.OK)
  init(@Param('code') code: string, @Body() message: PlatformMessage) {
    return this.desk.init(code, message);
  }

  @Post(':code/query')
  @HttpCode(HttpStatus.OK)
  query(@Param('code') code: string, @Body() message: PlatformMessage) {
    return this.desk.query(code, message);
  }

  @Post(':code/get-bill')
  bill(@Param('code') code: string, @Body() message: PlatformMessage, @Res() res: Response): void {
    const bill = this.desk.bill(code, message);
    if (Buffer.isBuffer(bill)) res.status(HttpStatus.OK).type('application/pdf').send(bill);
    else res.status(HttpStatus.OK).json(bill);
  }

  @Get(':code/statements/:day')
  statement(@Param('code') code: string, @Param('day', new ParseDayPipe()) day: string) {
    return this.desk.statement(code, day);
  }

  @Get(':code/pay/:reference')
  @Header('content-type', 'text/html; charset=utf-8')
  page(@Param('code') code: string, @Param('reference') reference: string): string {
    return paymentPage(this.desk.transaction(code, reference));
  }

  /** The page's form sends the applicant back to the portal (or shows the outcome); a JSON call (tests) hears the transaction. */
  @Post('pay')
  act(@Body() body: PayActionDto, @Req() req: Request, @Res() res: Response): void {
    const transaction = this.desk.act(body.provider, body.reference, body.outcome);
    if (req.is('application/json')) res.status(HttpStatus.OK).json(transactionView(transaction));
    else if (transaction.returnUrl) res.redirect(HttpStatus.SEE_OTHER, transaction.returnUrl);
    else res.status(HttpStatus.OK).type('html').send(paymentPage(transaction));
  }
}
