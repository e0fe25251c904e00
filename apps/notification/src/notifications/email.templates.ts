import type { DossierStatusChangedV1, DossierSubmittedV1 } from '@lienthong/contracts';
import { DossierStatus } from '@lienthong/domain-dossier';
import { fillLine, RenderedMessage, statusLabel, TemplateFieldUnknownError, TemplateFields, vietnamTime } from './template-fields';

/** Subject and body lines with `#Field` placeholders, as one-stop software writes its templates. */
interface EmailTemplate {
  subject: string;
  body: readonly string[];
}

const CLOSING = ['', 'Trân trọng,', 'Cổng Dịch vụ công quốc gia', '', 'Thư này được gửi tự động, vui lòng không trả lời.'];

const SUBMITTED: EmailTemplate = {
  subject: 'Hồ sơ #MaHoSo đã được tiếp nhận',
  body: [
    'Kính gửi Ông/Bà #ChuHoSo,',
    '',
    'Cổng Dịch vụ công đã tiếp nhận hồ sơ #MaHoSo của Ông/Bà lúc #NgayNopHoSo.',
    'Thủ tục: #TenTTHC',
    'Trích yếu: #TrichYeuHoSo',
    'Trạng thái: #TrangThai',
    '',
    'Ông/Bà có thể tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công bằng mã hồ sơ #MaHoSo.',
    ...CLOSING,
  ],
};

/** What each status means for the applicant: the one line that differs between status e-mails. */
const STATUS_GUIDANCE: Record<DossierStatus, string> = {
  [DossierStatus.Registered]: 'Hồ sơ đang chờ cơ quan có thẩm quyền tiếp nhận.',
  [DossierStatus.Accepted]: 'Hồ sơ đã được cơ quan có thẩm quyền tiếp nhận và sẽ được giải quyết theo quy định.',
  [DossierStatus.NotAccepted]: 'Hồ sơ không được tiếp nhận. Lý do được nêu trong ghi chú dưới đây.',
  [DossierStatus.Processing]: 'Hồ sơ đang được cơ quan có thẩm quyền giải quyết.',
  [DossierStatus.SupplementRequested]: 'Cơ quan xử lý đề nghị Ông/Bà bổ sung hồ sơ theo hướng dẫn dưới đây.',
  [DossierStatus.PaymentRequested]: 'Đề nghị Ông/Bà nộp phí, lệ phí trên Cổng Dịch vụ công để hồ sơ tiếp tục được giải quyết.',
  [DossierStatus.Withdrawn]: 'Hồ sơ đã được rút theo yêu cầu của Ông/Bà.',
  [DossierStatus.Stopped]: 'Cơ quan có thẩm quyền đã dừng giải quyết hồ sơ.',
  [DossierStatus.ResultReady]: 'Hồ sơ đã có kết quả giải quyết; Ông/Bà nhận kết quả theo hình thức đã đăng ký.',
  [DossierStatus.ResultReturned]: 'Kết quả giải quyết hồ sơ đã được trả cho Ông/Bà.',
};

const statusChangedTemplate = (status: DossierStatus): EmailTemplate => ({
  subject: 'Hồ sơ #MaHoSo: #TrangThai',
  body: [
    'Kính gửi Ông/Bà #ChuHoSo,',
    '',
    'Hồ sơ #MaHoSo đã chuyển sang trạng thái "#TrangThai" lúc #ThoiDiem.',
    STATUS_GUIDANCE[status],
    'Ghi chú của cơ quan xử lý: #GhiChu',
    ...CLOSING,
  ],
});

const render = (template: EmailTemplate, fields: TemplateFields) => {
  const subject = fillLine(template.subject, fields);
  if (subject === undefined) throw new TemplateFieldUnknownError(`the subject "${template.subject}" needs a field that has no value`);
  const body = template.body.map((line) => fillLine(line, fields)).filter((line) => line !== undefined);
  return { subject, body: body.join('\n') };
};

export function renderSubmittedEmail(event: DossierSubmittedV1): RenderedMessage {
  const fields: TemplateFields = {
    MaHoSo: event.code,
    ChuHoSo: event.applicant.name,
    TenTTHC: event.procedureName,
    TrichYeuHoSo: event.summary || null,
    NgayNopHoSo: vietnamTime(event.submittedAt),
    TrangThai: statusLabel(event.status),
  };
  return { channel: 'EMAIL', template: 'dossier.submitted', recipient: event.contact.email, carrier: null, dossierCode: event.code, ...render(SUBMITTED, fields) };
}

export function renderStatusChangedEmail(event: DossierStatusChangedV1): RenderedMessage {
  const fields: TemplateFields = {
    MaHoSo: event.code,
    ChuHoSo: event.applicantName,
    TrangThai: statusLabel(event.status),
    ThoiDiem: vietnamTime(event.changedAt),
    GhiChu: event.note?.trim() || null,
  };
  return {
    channel: 'EMAIL',
    template: `dossier.status-changed.${event.status}`,
    recipient: event.contact.email,
    carrier: null,
    dossierCode: event.code,
    ...render(statusChangedTemplate(event.status as DossierStatus), fields),
  };
}
