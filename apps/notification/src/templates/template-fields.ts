import type { DossierStatusChangedV1, DossierSubmittedV1, PaymentFailedV1, PaymentSucceededV1 } from '@lienthong/contracts';
import { DOSSIER_STATUS_LABELS, DossierStatus } from '@lienthong/domain-dossier';
import type { NotificationChannel } from '../notifications/notification.entity';

/**
 * A template with `#Field` placeholders, as one-stop software writes them: an e-mail's subject and body lines, or an
 * SMS's registered template id (its subject) and its parts.
 */
export interface MessageTemplate {
  subject: string;
  lines: readonly string[];
}

/** A message ready to store and send: rendered once, when its event arrives. */
export interface RenderedMessage {
  channel: NotificationChannel;
  template: string;
  templateVersion: number;
  recipient: string;
  carrier: string | null;
  dossierCode: string;
  subject: string;
  body: string;
}

/** Values of the `#Field` placeholders; null means "not known for this dossier". */
export type TemplateFields = Readonly<Record<string, string | null>>;

export class TemplateFieldUnknownError extends Error {}

/** `#Field`, as one-stop software writes its templates. */
const PLACEHOLDER = /#([A-Z][A-Za-z]*)/g;

/**
 * Replaces every `#Field` of a line. A line naming a field whose value is null is left out (undefined
 * is returned), so optional facts need no template of their own; a field no event provides is a
 * template bug and throws.
 */
export function fillLine(line: string, fields: TemplateFields): string | undefined {
  let missing = false;
  const filled = line.replace(PLACEHOLDER, (_, name: string) => {
    const value = fields[name];
    if (value === undefined) throw new TemplateFieldUnknownError(`template field #${name} is not provided`);
    if (value === null) missing = true;
    return value ?? '';
  });
  return missing ? undefined : filled;
}

const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** "HH:mm dd/MM/yyyy" in Asia/Ho_Chi_Minh, as Vietnamese notices write a moment. */
export function vietnamTime(iso: string): string {
  const p = Object.fromEntries(VIETNAM_TIME.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

export const statusLabel = (status: number) => DOSSIER_STATUS_LABELS[status as DossierStatus];


export const SUBMITTED_TEMPLATE = 'dossier.submitted';
const STATUS_TEMPLATE = /^dossier\.status-changed\.(\d{1,2})$/;
export const statusTemplateOf = (status: number) => `dossier.status-changed.${status}`;

export const PAYMENT_SUCCEEDED_TEMPLATE = 'payment.succeeded';
export const PAYMENT_FAILED_TEMPLATE = 'payment.failed';
/** A fee already paid through another attempt and paid again: the money is owed back, the dossier does not move. */
export const PAYMENT_PAID_TWICE_TEMPLATE = 'payment.paid-twice';

/** The template a settled payment is told with. */
export function paymentTemplateOf(event: PaymentSucceededV1 | PaymentFailedV1): string {
  if (!('paidAt' in event)) return PAYMENT_FAILED_TEMPLATE;
  return event.secondPaymentOf ? PAYMENT_PAID_TWICE_TEMPLATE : PAYMENT_SUCCEEDED_TEMPLATE;
}

/** Every template key: the submitted dossier, each status it can change to, a fee paid, paid twice, and an attempt that failed. */
export const TEMPLATE_KEYS: readonly string[] = [
  SUBMITTED_TEMPLATE,
  ...Object.keys(DOSSIER_STATUS_LABELS).map((s) => statusTemplateOf(Number(s))),
  PAYMENT_SUCCEEDED_TEMPLATE,
  PAYMENT_PAID_TWICE_TEMPLATE,
  PAYMENT_FAILED_TEMPLATE,
];

/** The fields each kind of event fills in (fieldsOfSubmitted, fieldsOfStatusChanged, fieldsOfPayment). */
const SUBMITTED_FIELDS = ['MaHoSo', 'ChuHoSo', 'TenTTHC', 'TrichYeuHoSo', 'NgayNopHoSo', 'TrangThai'];
const STATUS_FIELDS = ['MaHoSo', 'ChuHoSo', 'TrangThai', 'ThoiDiem', 'GhiChu', 'NgayHenTra'];
const PAYMENT_FIELDS = ['MaHoSo', 'SoTien', 'MaThamChieu', 'MaGiaoDich', 'ThoiDiem'];

export const fieldNamesOf = (template: string): readonly string[] =>
  template.startsWith('payment.') ? PAYMENT_FIELDS : statusOfTemplate(template) === undefined ? SUBMITTED_FIELDS : STATUS_FIELDS;

/** The status a template key is about; undefined for the submitted dossier and the payments. */
export function statusOfTemplate(template: string): DossierStatus | undefined {
  const status = STATUS_TEMPLATE.exec(template)?.[1];
  return status === undefined ? undefined : (Number(status) as DossierStatus);
}

export function fieldsOfSubmitted(event: DossierSubmittedV1): TemplateFields {
  return {
    MaHoSo: event.code,
    ChuHoSo: event.applicant.name,
    TenTTHC: event.procedureName,
    TrichYeuHoSo: event.summary || null,
    NgayNopHoSo: vietnamTime(event.submittedAt),
    TrangThai: statusLabel(event.status),
  };
}

export function fieldsOfStatusChanged(event: DossierStatusChangedV1): TemplateFields {
  return {
    MaHoSo: event.code,
    ChuHoSo: event.applicantName,
    TrangThai: statusLabel(event.status),
    ThoiDiem: vietnamTime(event.changedAt),
    GhiChu: event.note?.trim() || null,
    NgayHenTra: event.dueAt ? vietnamTime(event.dueAt).split(' ')[1] : null,
  };
}

const formatVnd = new Intl.NumberFormat('vi-VN');

export function fieldsOfPayment(event: PaymentSucceededV1 | PaymentFailedV1): TemplateFields {
  return {
    MaHoSo: event.dossierCode,
    SoTien: formatVnd.format(event.amount),
    MaThamChieu: event.reference,
    MaGiaoDich: event.providerTransaction || null,
    ThoiDiem: vietnamTime('paidAt' in event ? event.paidAt : event.failedAt),
  };
}
