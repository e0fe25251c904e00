import type { ProviderTransaction } from './provider-ledger';

/** Only what PDF's standard Helvetica writes without an embedded font: a receipt's lines are in ASCII, as on SMS. */
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * The provider's receipt (biên lai) of a paid transaction, as a one-page PDF: a simulator needs a real document to hand
 * out, not a typesetter, so the few objects of PDF 1.4 are written out here.
 */
export function receiptPdf(transaction: ProviderTransaction): Buffer {
  const lines = [
    'BIEN LAI THU PHI, LE PHI',
    ascii(transaction.provider.name),
    `Ma tham chieu: ${transaction.reference}`,
    `Ma giao dich: ${transaction.transactionId ?? ''}`,
    `So tien: ${transaction.amount} ${transaction.currency}`,
    ascii(transaction.info),
    `Thoi gian: ${transaction.settledAt?.toISOString() ?? ''}`,
  ];
  const text = lines.map((line, i) => `BT /F1 12 Tf 50 ${780 - i * 20} Td (${ascii(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = Buffer.byteLength(pdf);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
