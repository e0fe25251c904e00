import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { formatLegacyDate } from '@lienthong/domain-dossier';
import { paymentReference, PaymentProvider, redirected } from '@lienthong/domain-payment';
import { PaymentEnv } from '../config';
import { PaymentException, PaymentProblem } from '../payments/payment.exception';
import { PaymentRequestRepository } from '../payments/payment-request.repository';
import { PaymentProviders } from '../providers/payment-providers';
import { ProviderAnswer, ProviderClient, ProviderUnreachableError } from '../providers/provider.client';
import { initMessage, lifecycleOf, PAID } from './attempt-messages';
import { PaymentAttemptRow } from './payment-attempt.entity';
import { PaymentAttemptRepository } from './payment-attempt.repository';
import { InitiateAttemptDto } from './initiate-attempt.dto';

/** The payment URL of a yes to INIT, when the answer is one. */
const paymentUrlOf = (answer: ProviderAnswer): string | undefined => {
  const url = answer.UrlThanhToan;
  return answer.MaLoi === PAID && typeof url === 'string' && URL.canParse(url) && /^https?:/.test(url) ? url : undefined;
};

/**
 * Starting a payment: an attempt under a new reference, committed before the provider hears of it (so that its callback
 * always finds it), then the request to pay (INIT), whose answer is the page the applicant is sent to. A provider that
 * does not answer leaves the attempt created: the provider may have it all the same, so only its own word (a callback,
 * a QUERY) or the attempt's expiry settles it.
 */
@Injectable()
export class PaymentAttemptService {
  private readonly logger = new Logger('PaymentAttemptService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: PaymentRequestRepository,
    private readonly attempts: PaymentAttemptRepository,
    private readonly providers: PaymentProviders,
    private readonly client: ProviderClient,
    private readonly config: PaymentEnv,
  ) {}

  async initiate(dossierCode: string, paymentId: string, input: InitiateAttemptDto): Promise<PaymentAttemptRow> {
    const provider = this.providers.withCode(input.provider);
    if (!provider) throw new PaymentException(PaymentProblem.UnknownProvider, `no payment provider has the code ${input.provider}`, { provider: input.provider });
    const attempt = await this.create(dossierCode, paymentId, provider);
    let answer: ProviderAnswer;
    try {
      answer = await this.client.send(provider, 'INIT', initMessage(attempt, provider, input.ip), input.returnUrl ? { UrlTraVe: input.returnUrl } : {});
    } catch (error) {
      if (!(error instanceof ProviderUnreachableError)) throw error;
      this.logger.warn(`INIT of ${attempt.reference}: ${error.message}`);
      throw new PaymentException(PaymentProblem.ProviderUnavailable, `${error.message}; the attempt ${attempt.reference} is settled by the provider's word or expires`, { reference: attempt.reference, retryAfterSeconds: 5 });
    }
    return this.answered(attempt, provider, answer);
  }

  private create(dossierCode: string, paymentId: string, provider: PaymentProvider): Promise<PaymentAttemptRow> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.findForUpdate(manager, paymentId);
      if (!request || request.dossierCode !== dossierCode) throw new PaymentException(PaymentProblem.NotFound, `dossier ${dossierCode} was asked no payment ${paymentId}`);
      if (request.status === 'paid') throw new PaymentException(PaymentProblem.AlreadyPaid, `payment ${paymentId} of ${dossierCode} is paid`);
      if (request.amount === 0) throw new PaymentException(PaymentProblem.NothingToPay, `payment ${paymentId} of ${dossierCode} has no online fee`);
      const number = (await this.attempts.countOf(manager, request.id)) + 1;
      const createdAt = new Date();
      const attempt = Object.assign(new PaymentAttemptRow(), {
        id: randomUUID(),
        requestId: request.id,
        dossierCode,
        number,
        reference: paymentReference(dossierCode, formatLegacyDate(createdAt), number),
        provider: provider.systemId,
        partner: this.config.PAYMENT_PARTNER_CODE,
        amount: request.amount,
        currency: request.currency,
        status: 'created',
        providerTransaction: null,
        errorCode: null,
        refundedAmount: 0,
        paymentUrl: null,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + this.config.PAYMENT_ATTEMPT_TTL_MS),
        settledAt: null,
        secondPaymentOf: null,
        queriedAt: null,
      });
      await this.attempts.insert(manager, attempt);
      return attempt;
    });
  }

  /** Keeps the provider's answer: pending with its page, or failed when it said no (unless a callback came first). */
  private async answered(created: PaymentAttemptRow, provider: PaymentProvider, answer: ProviderAnswer): Promise<PaymentAttemptRow> {
    const paymentUrl = paymentUrlOf(answer);
    const attempt = await this.dataSource.transaction(async (manager) => {
      const current = (await this.attempts.findForUpdate(manager, { id: created.id }))!;
      if (paymentUrl) Object.assign(current, { status: redirected(lifecycleOf(current)), paymentUrl });
      else if (current.status === 'created') Object.assign(current, { status: 'failed', errorCode: String(answer.MaLoi ?? '').slice(0, 20) || null, settledAt: new Date() });
      await this.attempts.save(manager, current);
      return current;
    });
    if (!paymentUrl) {
      const said = `${String(answer.MaLoi ?? 'no MaLoi')} ${typeof answer.MoTaLoi === 'string' ? answer.MoTaLoi : ''}`.trim().slice(0, 200);
      throw new PaymentException(PaymentProblem.ProviderRefused, `${provider.code} refused ${created.reference}: ${said}`, { reference: created.reference, provider: provider.code });
    }
    return attempt;
  }
}
