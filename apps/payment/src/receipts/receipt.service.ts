import { Injectable, Logger } from '@nestjs/common';
import { hash } from 'node:crypto';
import { formatLegacyDate } from '@lienthong/domain-dossier';
import { backoffMs } from '@lienthong/platform-database';
import { MESSAGE_VERSION } from '../attempts/attempt-messages';
import { PaymentAttemptRepository } from '../attempts/payment-attempt.repository';
import { PaymentException, PaymentProblem } from '../payments/payment.exception';
import { PaymentProviders } from '../providers/payment-providers';
import { ProviderClient, ProviderDocument, ProviderUnreachableError } from '../providers/provider.client';
import { ReceiptRepository } from './receipt.repository';

const PDF = 'application/pdf';
const FETCH_BATCH = 10;
/** Fetches of one receipt before it is left to operators (last_error says why). */
const MAX_FETCHES = 12;
const BACKOFF_BASE_MS = 2000;
const BACKOFF_CAP_MS = 30 * 60000;

/**
 * The receipts (biên lai) of paid attempts, fetched from their providers with GET_BILL in the background and kept as
 * they came, with their SHA-256; a provider that does not answer is asked again after a growing pause, a bounded
 * number of times.
 */
@Injectable()
export class ReceiptService {
  private readonly logger = new Logger('Receipts');

  constructor(
    private readonly receipts: ReceiptRepository,
    private readonly attempts: PaymentAttemptRepository,
    private readonly providers: PaymentProviders,
    private readonly client: ProviderClient,
  ) {}

  /** One round: the number of receipts tried. */
  async fetchDue(): Promise<number> {
    const due = await this.receipts.claimDue(FETCH_BATCH, MAX_FETCHES);
    for (const { attempt_id: attemptId, attempts } of due) await this.fetch(attemptId, attempts);
    return due.length;
  }

  private async fetch(attemptId: string, fetches: number): Promise<void> {
    const attempt = (await this.attempts.findById(attemptId))!;
    const provider = this.providers.ofSystem(attempt.provider);
    const message = { LoaiBanTin: 'GET_BILL', PhienBan: MESSAGE_VERSION, MaDoiTac: attempt.partner, MaThamChieu: attempt.reference, ThoiGianGD: formatLegacyDate(new Date()) };
    let receipt: ProviderDocument;
    try {
      if (!provider) throw new ProviderUnreachableError(attempt.provider, 'no longer a provider');
      receipt = await this.client.fetchDocument(provider, 'GET_BILL', message, PDF);
    } catch (error) {
      if (!(error instanceof ProviderUnreachableError)) throw error;
      const last = fetches >= MAX_FETCHES;
      (last ? this.logger.error : this.logger.warn).call(this.logger, `receipt of ${attempt.reference}, fetch ${fetches}${last ? ', the last' : ''}: ${error.message}`);
      await this.receipts.failed(attemptId, error.message, new Date(Date.now() + backoffMs(fetches, BACKOFF_BASE_MS, BACKOFF_CAP_MS)));
      return;
    }
    await this.receipts.kept(attemptId, receipt.contentType, receipt.content, hash('sha256', receipt.content));
  }

  /** The receipt of a dossier's fee, once its provider gave it. */
  async receiptOf(dossierCode: string, paymentId: string): Promise<{ reference: string; contentType: string; content: Buffer }> {
    const paid = await this.attempts.paidOf(dossierCode, paymentId);
    if (!paid) throw new PaymentException(PaymentProblem.NotPaid, `payment ${paymentId} of ${dossierCode} is not paid`);
    const receipt = await this.receipts.find(paid.id);
    if (!receipt?.content || !receipt.contentType) throw new PaymentException(PaymentProblem.ReceiptNotReady, `the receipt of ${paid.reference} has not come from its provider yet`, { retryAfterSeconds: 30 });
    return { reference: paid.reference, contentType: receipt.contentType, content: receipt.content };
  }
}
