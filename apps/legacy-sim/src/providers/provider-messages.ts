import { formatLegacyDate } from '@lienthong/domain-dossier';
import { PlatformMessage, signPlatformMessage } from '@lienthong/domain-payment';
import type { ProviderTransaction } from './provider-ledger';

export const PAID = '00';
/** MaLoi of a payment the applicant gave up on. */
export const CANCELLED = '24';

/** What a provider says of a transaction in a callback, and in a QUERY answer (plus its state), signed with `key`. */
export function outcomeMessage(transaction: ProviderTransaction, outcome: string, at: Date, key: string): PlatformMessage {
  return signPlatformMessage(
    'CALLBACK',
    {
      LoaiBanTin: 'CALLBACK',
      MaLoi: outcome,
      MaDoiTac: transaction.partner,
      MaThamChieu: transaction.reference,
      SoTien: String(transaction.amount),
      MaTienTe: transaction.currency,
      MaGiaoDich: transaction.transactionId ?? '',
      MaNganHang: transaction.provider.code,
      ThoiGianGD: formatLegacyDate(at),
      ThongTinGiaoDich: transaction.info,
    },
    key,
    transaction.provider.scheme,
  );
}
