import { formatLegacyDate } from '@lienthong/domain-dossier';
import type { PaymentAttempt, PaymentProvider, PlatformMessage, ProviderReport } from '@lienthong/domain-payment';
import type { PaymentAttemptRow } from './payment-attempt.entity';
import type { ProviderCallbackDto } from './provider-callback.dto';

/** The version of the payment platform's messages spoken here. */
export const MESSAGE_VERSION = '1.0.6';
/** MaLoi of a paid callback and of every answer that says yes. */
export const PAID = '00';
/** Web (MaKenhThanhToan) from a computer (MaThietBi): the portal's own channel. */
const WEB_CHANNEL = '1';
const COMPUTER = '1';
/** The portal's address when the applicant's is not known. */
const PORTAL_IP = '127.0.0.1';

export const lifecycleOf = (row: PaymentAttemptRow): PaymentAttempt => ({
  reference: row.reference,
  partner: row.partner,
  amount: row.amount,
  currency: row.currency,
  status: row.status,
  providerTransaction: row.providerTransaction,
  refundedAmount: row.refundedAmount,
});

/** The request to pay (INIT), in the order its checksum covers. */
export function initMessage(attempt: PaymentAttemptRow, provider: PaymentProvider, ip: string | undefined): PlatformMessage {
  return {
    LoaiBanTin: 'INIT',
    PhienBan: MESSAGE_VERSION,
    MaDoiTac: attempt.partner,
    MaThamChieu: attempt.reference,
    SoTien: attempt.amount,
    LoaiHinhThanhToan: 'PAY',
    MaKenhThanhToan: WEB_CHANNEL,
    MaThietBi: COMPUTER,
    NgonNgu: 'vi-VN',
    MaTienTe: attempt.currency,
    MaNganHang: provider.code,
    ThongTinGiaoDich: `THANH TOAN HO SO ${attempt.dossierCode}`,
    ThoiGianGD: formatLegacyDate(attempt.createdAt),
    Ip: ip ?? PORTAL_IP,
  };
}

/** What a callback says, for the lifecycle to judge; `authentic` as its checksum was found. */
export const reportOf = (callback: ProviderCallbackDto, authentic: boolean): ProviderReport => ({
  authentic,
  partner: callback.MaDoiTac,
  reference: callback.MaThamChieu,
  amount: callback.SoTien,
  currency: callback.MaTienTe,
  paid: callback.MaLoi === PAID,
  providerTransaction: callback.MaGiaoDich,
});

/** The answer that tells the provider its callback was taken (to be signed), so that it stops sending it. */
export const callbackTaken = (partner: string, at: Date): PlatformMessage => ({ MaLoi: PAID, MoTaLoi: 'Thành công', MaDoiTac: partner, ThoiGianGD: formatLegacyDate(at) });
