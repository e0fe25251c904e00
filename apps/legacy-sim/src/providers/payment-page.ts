import { PAY_FORM_PATH } from '../http-bodies';
import type { ProviderTransaction } from './provider-ledger';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const formatVnd = new Intl.NumberFormat('vi-VN');

/** The provider's page the applicant is sent to: what is paid, and the two buttons. */
export function paymentPage(transaction: ProviderTransaction): string {
  const { provider, reference, amount, currency, info, state } = transaction;
  const field = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;
  const actions =
    state === 'awaiting'
      ? `<form method="post" action="${PAY_FORM_PATH}">${field('provider', provider.code)}${field('reference', reference)}` +
        `<button name="outcome" value="paid">Thanh toán</button> <button name="outcome" value="cancelled">Hủy giao dịch</button></form>`
      : `<p>Giao dịch đã ${state === 'paid' ? 'được thanh toán' : 'bị hủy'}.</p>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escape(provider.name)}</title></head><body>
<h1>${escape(provider.name)}</h1>
<p>${escape(info)}</p>
<p>Số tiền: <strong>${escape(formatVnd.format(amount))} ${escape(currency)}</strong></p>
<p>Mã tham chiếu: ${escape(reference)}</p>
${actions}
</body></html>`;
}
