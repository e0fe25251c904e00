import { toSmsText } from '@lienthong/domain-notification';
import { DossierStatus } from '@lienthong/domain-dossier';
import { fillLine, MessageTemplate, PAYMENT_FAILED_TEMPLATE, PAYMENT_PAID_TWICE_TEMPLATE, PAYMENT_SUCCEEDED_TEMPLATE, statusOfTemplate, TemplateFieldUnknownError, TemplateFields } from './template-fields';

/**
 * Brand-name SMS: the subject is the id each is registered under with the carriers, the lines its parts, in plain
 * ASCII; a part naming a field without a value is left out. Every SMS of the portal goes out under one brand name.
 */
const LOOKUP = 'Tra cuu: dichvucong.gov.vn';

/** How the dossier came in, as its acknowledgement says it: at the counter (1), online (2), by post (3). */
const SUBMITTED: Record<1 | 2 | 3, MessageTemplate> = {
  1: { subject: 'DVC_TIEPNHAN_TRUCTIEP_01', lines: ['Ho so #MaHoSo da duoc tiep nhan tai Bo phan Mot cua luc #NgayNopHoSo.', LOOKUP] },
  2: { subject: 'DVC_TIEPNHAN_TRUCTUYEN_01', lines: ['Ho so #MaHoSo nop truc tuyen luc #NgayNopHoSo da duoc tiep nhan.', LOOKUP] },
  3: { subject: 'DVC_TIEPNHAN_BUUCHINH_01', lines: ['Ho so #MaHoSo gui qua buu chinh da duoc tiep nhan luc #NgayNopHoSo.', LOOKUP] },
};

/** The one part that differs between status SMS: what the applicant is to do, if anything. */
const STATUS_GUIDANCE: Partial<Record<DossierStatus, string>> = {
  [DossierStatus.NotAccepted]: 'Ly do: #GhiChu.',
  [DossierStatus.SupplementRequested]: 'De nghi bo sung: #GhiChu.',
  [DossierStatus.PaymentRequested]: 'De nghi nop phi, le phi tren Cong Dich vu cong.',
  [DossierStatus.ResultReady]: 'Moi Ong/Ba nhan ket qua theo hinh thuc da dang ky.',
};

const statusTemplate = (status: DossierStatus): MessageTemplate => ({
  subject: `DVC_TRANGTHAI_${status}_01`,
  lines: ['Ho so #MaHoSo: #TrangThai.', 'Ngay hen tra: #NgayHenTra.', ...(STATUS_GUIDANCE[status] ? [STATUS_GUIDANCE[status]] : []), LOOKUP],
});

const PAYMENT: Record<string, MessageTemplate> = {
  [PAYMENT_SUCCEEDED_TEMPLATE]: { subject: 'DVC_THANHTOAN_01', lines: ['Ho so #MaHoSo: da thanh toan #SoTien dong luc #ThoiDiem.', 'Ma giao dich: #MaGiaoDich.'] },
  [PAYMENT_PAID_TWICE_TEMPLATE]: { subject: 'DVC_THANHTOAN_TRUNG_01', lines: ['Ho so #MaHoSo: khoan #SoTien dong thanh toan luc #ThoiDiem bi trung, se duoc hoan tra.', 'Ma giao dich: #MaGiaoDich.'] },
  [PAYMENT_FAILED_TEMPLATE]: { subject: 'DVC_THANHTOAN_LOI_01', lines: ['Ho so #MaHoSo: thanh toan #SoTien dong khong thanh cong.', 'Vui long thanh toan lai tren Cong Dich vu cong.'] },
};

/** The SMS a template key is sent as, for dossiers submitted that way, until an operator writes a version of its own. */
export function defaultSmsTemplate(template: string, submissionChannel: 1 | 2 | 3 = 2): MessageTemplate {
  const status = statusOfTemplate(template);
  return PAYMENT[template] ?? (status === undefined ? SUBMITTED[submissionChannel] : statusTemplate(status));
}

/** The registered template id, and the text in ASCII (the values filled in lose their diacritics too). */
export function renderSms(template: MessageTemplate, fields: TemplateFields): { subject: string; body: string } {
  const body = toSmsText(template.lines.map((part) => fillLine(part, fields)).filter((part) => part !== undefined).join(' '));
  if (!body) throw new TemplateFieldUnknownError(`SMS template ${template.subject} rendered nothing`);
  return { subject: template.subject, body };
}
