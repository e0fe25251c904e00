import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { paymentFailedV1, paymentSucceededV1 } from '@lienthong/contracts';
import { parseLegacyDate } from '@lienthong/domain-dossier';
import { isAuthenticPlatformMessage, judgeReport, PaymentProvider, PlatformMessage, ReportVerdict, signPlatformMessage } from '@lienthong/domain-payment';
import { Outbox } from '@lienthong/platform-kafka';
import { PaymentException, PaymentProblem, REFUSAL_PROBLEMS } from '../payments/payment.exception';
import { PaymentRequestRepository } from '../payments/payment-request.repository';
import { PaymentProviders } from '../providers/payment-providers';
import { ReceiptRepository } from '../receipts/receipt.repository';
import { callbackTaken, lifecycleOf, reportOf } from './attempt-messages';
import { PaymentAttemptRow } from './payment-attempt.entity';
import { PaymentAttemptRepository } from './payment-attempt.repository';
import { ProviderCallbackDto } from './provider-callback.dto';
import { ReportSource } from './provider-report.entity';

type Settling = Extract<ReportVerdict, { status: string }>;

/**
 * A provider's word on an attempt: its callback, or its answer to a QUERY. Whatever it says, it is kept with the
 * verdict, in the transaction that applies it and writes its event (payment.succeeded.v1 or payment.failed.v1): a
 * report told again, or one that arrives before the applicant is back, counts once; a forged, tampered, unknown or
 * contradicting one changes nothing and is answered with its reason. Only an attempt's own provider can report on it.
 */
@Injectable()
export class ProviderReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attempts: PaymentAttemptRepository,
    private readonly requests: PaymentRequestRepository,
    private readonly providers: PaymentProviders,
    private readonly receipts: ReceiptRepository,
    private readonly outbox: Outbox,
  ) {}

  /** The signed answer that tells the provider it may stop sending; a refusal is thrown, once the report is kept. */
  async callback(callerSystem: string, callback: ProviderCallbackDto): Promise<PlatformMessage> {
    const provider = this.providers.ofSystem(callerSystem);
    if (!provider) throw new PaymentException(PaymentProblem.NotAProvider, `${callerSystem} is not a payment provider of the portal`);
    const verdict = await this.judge(provider, callback, 'callback');
    if (verdict.kind === 'refused') throw new PaymentException(REFUSAL_PROBLEMS[verdict.reason], verdict.detail, { reason: verdict.reason, reference: callback.MaThamChieu });
    return signPlatformMessage('CALLBACK_ANSWER', callbackTaken(callback.MaDoiTac, new Date()), this.providers.keyOf(provider), provider.scheme);
  }

  /** Judges what a provider said of an attempt (a callback, or its answer to a QUERY), keeps it, and applies it. */
  async judge(provider: PaymentProvider, report: ProviderCallbackDto, source: ReportSource): Promise<ReportVerdict> {
    const message = { ...report } as PlatformMessage;
    const authentic = isAuthenticPlatformMessage('CALLBACK', message, this.providers.keyOf(provider), provider.scheme);
    const receivedAt = new Date();
    const verdict = await this.dataSource.transaction(async (manager) => {
      const found = await this.attempts.findForUpdate(manager, { reference: report.MaThamChieu });
      const attempt = found?.provider === provider.systemId ? found : undefined;
      const judged = judgeReport(attempt && lifecycleOf(attempt), reportOf(report, authentic));
      await this.attempts.addReport(manager, {
        id: randomUUID(),
        provider: provider.systemId,
        reference: report.MaThamChieu,
        attemptId: attempt?.id ?? null,
        verdict: judged.kind,
        reason: judged.kind === 'refused' ? judged.reason : null,
        detail: judged.kind === 'refused' ? judged.detail : null,
        message,
        source,
        receivedAt,
      });
      if (attempt && 'status' in judged) await this.settle(manager, attempt, judged, report, receivedAt);
      return judged;
    });
    if ('status' in verdict) this.outbox.notifyCommitted();
    return verdict;
  }

  private async settle(manager: EntityManager, attempt: PaymentAttemptRow, verdict: Settling, callback: ProviderCallbackDto, receivedAt: Date): Promise<void> {
    const at = parseLegacyDate(callback.ThoiGianGD) ?? receivedAt;
    const failed = verdict.kind === 'failed';
    Object.assign(attempt, { status: verdict.status, providerTransaction: verdict.providerTransaction, errorCode: failed ? callback.MaLoi : null, settledAt: at });
    const outcome = {
      paymentId: attempt.requestId,
      attemptId: attempt.id,
      dossierCode: attempt.dossierCode,
      reference: attempt.reference,
      provider: attempt.provider,
      amount: attempt.amount,
      currency: attempt.currency,
      providerTransaction: verdict.providerTransaction,
      recordedAt: receivedAt.toISOString(),
    };
    if (failed) {
      await this.attempts.save(manager, attempt);
      await this.outbox.add(manager, paymentFailedV1, attempt.dossierCode, { ...outcome, errorCode: callback.MaLoi, failedAt: at.toISOString() });
      return;
    }
    // the fee's row, locked: of two attempts of one fee paid at once, one is the payment and the other its second
    const request = await this.requests.findForUpdate(manager, attempt.requestId);
    const first = request?.status === 'paid' ? await this.attempts.paidOf(attempt.dossierCode, attempt.requestId, manager) : null;
    attempt.secondPaymentOf = first?.id ?? null;
    await this.attempts.save(manager, attempt);
    if (!first) await this.requests.markPaid(manager, attempt.requestId);
    await this.receipts.due(manager, attempt.id);
    const paid = { ...outcome, paidAt: at.toISOString(), afterExpiry: verdict.kind === 'paid-after-expiry' };
    await this.outbox.add(manager, paymentSucceededV1, attempt.dossierCode, first ? { ...paid, secondPaymentOf: first.id } : paid);
  }
}
