import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatLegacyDate } from '@lienthong/domain-dossier';
import { isAuthenticPlatformMessage, PaymentProvider, PlatformMessage } from '@lienthong/domain-payment';
import { LegacySimEnv } from '../config';
import { CallbackSender } from './callback-sender';
import { ProviderFaultSwitch, SLOW_INIT_MS } from './provider-fault.switch';
import { ProviderLedger, ProviderTransaction } from './provider-ledger';
import { CANCELLED, outcomeMessage, PAID } from './provider-messages';
import { ProviderException, ProviderProblem } from './provider.exception';
import { receiptPdf } from './receipt-pdf';
import { SimProviders } from './sim-providers';

/** What providers answer a request that does not carry their checksum, and one they refuse. */
const BAD_CHECKSUM = { MaLoi: '07', MoTaLoi: 'Sai chữ ký' };
const REFUSED = { MaLoi: '99', MoTaLoi: 'Giao dịch bị từ chối' };

const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** A simulated provider's counter: it takes requests to pay, shows its page, and settles what the applicant chose. */
@Injectable()
export class ProviderDesk {
  constructor(
    private readonly config: LegacySimEnv,
    private readonly providers: SimProviders,
    private readonly ledger: ProviderLedger,
    private readonly faults: ProviderFaultSwitch,
    private readonly callbacks: CallbackSender,
  ) {}

  provider(code: string): PaymentProvider {
    const provider = this.providers.withCode(code);
    if (!provider) throw new ProviderException(ProviderProblem.UnknownProvider, `no simulated payment provider ${code}`);
    return provider;
  }

  /** INIT: a request to pay, answered with the page of the provider (message version 1.0.6). */
  async init(code: string, message: PlatformMessage): Promise<Record<string, string>> {
    const provider = this.provider(code);
    if (!isAuthenticPlatformMessage('INIT', message, this.providers.keyOf(provider), provider.scheme)) return BAD_CHECKSUM;
    const fault = this.faults.of(code);
    if (fault === 'refuse') return REFUSED;
    if (fault === 'timeout') await sleep(SLOW_INIT_MS);
    const amount = Number(message.SoTien);
    const transaction = this.ledger.open({
      provider,
      reference: text(message.MaThamChieu),
      partner: text(message.MaDoiTac),
      amount,
      currency: text(message.MaTienTe),
      info: text(message.ThongTinGiaoDich),
      ...(typeof message.UrlTraVe === 'string' ? { returnUrl: message.UrlTraVe } : {}),
    });
    return { MaLoi: '00', MoTaLoi: 'Thành công', MaThamChieu: transaction.reference, UrlThanhToan: this.pageOf(transaction) };
  }

  /** QUERY: how the transaction stands, in a callback's words plus its state (TrangThaiGiaoDich). */
  query(code: string, message: PlatformMessage): Record<string, unknown> {
    const provider = this.provider(code);
    if (!isAuthenticPlatformMessage('QUERY', message, this.providers.keyOf(provider), provider.scheme)) return BAD_CHECKSUM;
    const reference = text(message.MaThamChieu);
    const transaction = this.ledger.find(reference);
    if (!transaction || transaction.provider.code !== provider.code) return { MaLoi: '01', MoTaLoi: 'Không tìm thấy giao dịch', MaThamChieu: reference, TrangThaiGiaoDich: 'NOT_FOUND' };
    if (transaction.state === 'awaiting') return { MaLoi: '09', MoTaLoi: 'Giao dịch đang chờ thanh toán', MaThamChieu: reference, TrangThaiGiaoDich: 'PENDING' };
    const paid = transaction.state === 'paid';
    return { ...outcomeMessage(transaction, paid ? PAID : CANCELLED, transaction.settledAt!, this.providers.keyOf(provider)), TrangThaiGiaoDich: paid ? 'PAID' : 'FAILED' };
  }

  /** GET_BILL: the receipt (a PDF) of a paid transaction, or a refusal in JSON. */
  bill(code: string, message: PlatformMessage): Buffer | Record<string, string> {
    const provider = this.provider(code);
    if (!isAuthenticPlatformMessage('GET_BILL', message, this.providers.keyOf(provider), provider.scheme)) return BAD_CHECKSUM;
    const transaction = this.ledger.find(text(message.MaThamChieu));
    if (!transaction || transaction.provider.code !== provider.code || transaction.state !== 'paid') return { MaLoi: '01', MoTaLoi: 'Không có biên lai cho giao dịch này' };
    return receiptPdf(transaction);
  }

  /** The statement of a day (yyyyMMdd, Vietnamese time): every transaction the provider settled as paid that day. */
  statement(code: string, day: string) {
    const provider = this.provider(code);
    return {
      MaNganHang: provider.code,
      NgayDoiSoat: day,
      GiaoDich: this.ledger.paidOn(provider.code, day).map((t) => ({
        MaThamChieu: t.reference,
        MaGiaoDich: t.transactionId,
        SoTien: String(t.amount),
        MaTienTe: t.currency,
        ThoiGianGD: formatLegacyDate(t.settledAt!),
      })),
    };
  }

  pageOf(transaction: ProviderTransaction): string {
    return `${this.config.LEGACY_SIM_PUBLIC_URL}/providers/${encodeURIComponent(transaction.provider.code)}/pay/${encodeURIComponent(transaction.reference)}`;
  }

  transaction(code: string, reference: string): ProviderTransaction {
    const transaction = this.ledger.find(reference);
    if (!transaction || transaction.provider.code !== this.provider(code).code) throw new ProviderException(ProviderProblem.UnknownTransaction, `${code} holds no transaction ${reference}`);
    return transaction;
  }

  /** The applicant paid, or gave up, on the page: the provider settles the transaction and tells the portal. */
  act(code: string, reference: string, outcome: 'paid' | 'cancelled'): ProviderTransaction {
    const transaction = this.transaction(code, reference);
    if (transaction.state !== 'awaiting') throw new ProviderException(ProviderProblem.TransactionSettled, `${reference} is ${transaction.state}`);
    this.ledger.settle(transaction, outcome);
    this.callbacks.send(transaction);
    return transaction;
  }
}
