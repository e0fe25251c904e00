import type { DossierStatusChangedV1, DossierSubmittedV1 } from '@lienthong/contracts';
import { DossierStatus } from '@lienthong/domain-dossier';
import { carrierOf, toSmsText } from '@lienthong/domain-notification';
import { fillLine, RenderedMessage, statusLabel, TemplateFieldUnknownError, TemplateFields, vietnamTime } from './template-fields';

/**
 * A brand-name SMS: the id it is registered under with the carriers, and its parts, in plain ASCII; a part naming a
 * field without a value is left out. Every SMS of the portal goes out under one brand name.
 */
interface SmsTemplate {
  id: string;
  parts: readonly string[];
}

const LOOKUP = 'Tra cuu: dichvucong.gov.vn';

/** How the dossier came in, as its acknowledgement says it: at the counter (1), online (2), by post (3). */
const SUBMITTED: Record<1 | 2 | 3, SmsTemplate> = {
  1: { id: 'DVC_TIEPNHAN_TRUCTIEP_01', parts: ['Ho so #MaHoSo da duoc tiep nhan tai Bo phan Mot cua luc #NgayNopHoSo.', LOOKUP] },
  2: { id: 'DVC_TIEPNHAN_TRUCTUYEN_01', parts: ['Ho so #MaHoSo nop truc tuyen luc #NgayNopHoSo da duoc tiep nhan.', LOOKUP] },
  3: { id: 'DVC_TIEPNHAN_BUUCHINH_01', parts: ['Ho so #MaHoSo gui qua buu chinh da duoc tiep nhan luc #NgayNopHoSo.', LOOKUP] },
};

/** The one part that differs between status SMS: what the applicant is to do, if anything. */
const STATUS_GUIDANCE: Partial<Record<DossierStatus, string>> = {
  [DossierStatus.NotAccepted]: 'Ly do: #GhiChu.',
  [DossierStatus.SupplementRequested]: 'De nghi bo sung: #GhiChu.',
  [DossierStatus.PaymentRequested]: 'De nghi nop phi, le phi tren Cong Dich vu cong.',
  [DossierStatus.ResultReady]: 'Moi Ong/Ba nhan ket qua theo hinh thuc da dang ky.',
};

const statusTemplate = (status: DossierStatus): SmsTemplate => ({
  id: `DVC_TRANGTHAI_${status}_01`,
  parts: ['Ho so #MaHoSo: #TrangThai.', 'Ngay hen tra: #NgayHenTra.', ...(STATUS_GUIDANCE[status] ? [STATUS_GUIDANCE[status]] : []), LOOKUP],
});

const render = (template: SmsTemplate, fields: TemplateFields): string => {
  const text = toSmsText(template.parts.map((part) => fillLine(part, fields)).filter((part) => part !== undefined).join(' '));
  if (!text) throw new TemplateFieldUnknownError(`SMS template ${template.id} rendered nothing`);
  return text;
};

const sms = (phone: string, template: string, dossierCode: string, brandTemplate: SmsTemplate, fields: TemplateFields): RenderedMessage => ({
  channel: 'SMS',
  template,
  recipient: phone,
  carrier: carrierOf(phone),
  dossierCode,
  subject: brandTemplate.id,
  body: render(brandTemplate, fields),
});

export function renderSubmittedSms(event: DossierSubmittedV1): RenderedMessage {
  return sms(event.contact.phone, 'dossier.submitted', event.code, SUBMITTED[event.channel], { MaHoSo: event.code, NgayNopHoSo: vietnamTime(event.submittedAt) });
}

export function renderStatusChangedSms(event: DossierStatusChangedV1): RenderedMessage {
  return sms(event.contact.phone, `dossier.status-changed.${event.status}`, event.code, statusTemplate(event.status as DossierStatus), {
    MaHoSo: event.code,
    TrangThai: statusLabel(event.status),
    NgayHenTra: event.dueAt ? vietnamTime(event.dueAt).split(' ')[1] : null,
    GhiChu: event.note?.trim() || null,
  });
}
