import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ClientSystem } from '@lienthong/platform-http';
import { PaymentRequestService } from '../payments/payment-request.service';
import { paymentRequestView } from '../payments/payment-request.view';
import { PaymentProviders } from '../providers/payment-providers';
import { ReceiptService } from '../receipts/receipt.service';
import { InitiateAttemptDto } from './initiate-attempt.dto';
import { PaymentAttemptRepository } from './payment-attempt.repository';
import { PaymentAttemptService } from './payment-attempt.service';
import { paymentAttemptView } from './payment-attempt.view';
import { ProviderCallbackDto } from './provider-callback.dto';
import { ProviderReportService } from './provider-report.service';

@Controller()
export class PaymentAttemptsController {
  constructor(
    private readonly attempts: PaymentAttemptService,
    private readonly reports: ProviderReportService,
    private readonly requests: PaymentRequestService,
    private readonly attemptRows: PaymentAttemptRepository,
    private readonly providers: PaymentProviders,
    private readonly receipts: ReceiptService,
  ) {}

  /** Whom an applicant can pay through. */
  @Get('providers')
  listProviders() {
    return { items: this.providers.all().map(({ code, name, kind, systemId }) => ({ code, name, kind, systemId })) };
  }

  /** The fees asked of a dossier, each with its attempts. */
  @Get('dossiers/:code/payments')
  async ofDossier(@Param('code') code: string) {
    const [[requests], attempts] = await Promise.all([this.requests.list(code, 1, 100), this.attemptRows.ofDossier(code)]);
    return {
      dossierCode: code,
      items: requests.map((request) => ({ ...paymentRequestView(request), attempts: attempts.filter((a) => a.requestId === request.id).map(paymentAttemptView) })),
    };
  }

  /** Starts paying a fee: the answer names the provider's page the applicant is sent to. */
  @Post('dossiers/:code/payments/:id/attempts')
  async initiate(@Param('code') code: string, @Param('id', ParseUUIDPipe) id: string, @Body() body: InitiateAttemptDto) {
    return paymentAttemptView(await this.attempts.initiate(code, id, body));
  }

  /** The provider's receipt (biên lai) of a paid fee, as it gave it. */
  @Get('dossiers/:code/payments/:id/receipt')
  async receipt(@Param('code') code: string, @Param('id', ParseUUIDPipe) id: string) {
    const { reference, contentType, content } = await this.receipts.receiptOf(code, id);
    return new StreamableFile(content, { type: contentType, disposition: `attachment; filename="bien-lai-${reference}.pdf"` });
  }

  /** A provider's callback, as the gateway authenticated the provider. */
  @Post('payments/callbacks')
  @HttpCode(HttpStatus.OK)
  callback(@ClientSystem() caller: string, @Body() body: ProviderCallbackDto) {
    return this.reports.callback(caller, body);
  }
}
