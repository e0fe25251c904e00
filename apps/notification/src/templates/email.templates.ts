import { DossierStatus } from '@lienthong/domain-dossier';
import { fillLine, MessageTemplate, PAYMENT_FAILED_TEMPLATE, PAYMENT_PAID_TWICE_TEMPLATE, PAYMENT_SUCCEEDED_TEMPLATE, statusOfTemplate, TemplateFieldUnknownError, TemplateFields } from './template-fields';

const CLOSING = ['', 'Trân trọng,', 'Cổng Dịch vụ công quốc gia', '', 'Thư này được gửi tự động, vui lòng không trả lời.'];

const SUBMITTED: MessageTemplate = {
  subject: 'Hồ sơ #MaHoSo đã được tiếp nhận',
  lines: [
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

const statusChangedTemplate = (status: DossierStatus): MessageTemplate => ({
  subject: 'Hồ sơ #MaHoSo: #TrangThai',
  lines: [
    'Kính gửi Ông/Bà #ChuHoSo,',
    '',
    'Hồ sơ #MaHoSo đã chuyển sang trạng thái "#TrangThai" lúc #ThoiDiem.',
    STATUS_GUIDANCE[status],
    'Ghi chú của cơ quan xử lý: #GhiChu',
    ...CLOSING,
  ],
});

const PAYMENT: Record<string, MessageTemplate> = {
  [PAYMENT_SUCCEEDED_TEMPLATE]: {
    subject: 'Hồ sơ #MaHoSo: đã thanh toán #SoTien đồng',
    lines: ['Kính gửi Ông/Bà,', '', 'Ông/Bà đã thanh toán #SoTien đồng phí, lệ phí của hồ sơ #MaHoSo lúc #ThoiDiem.', 'Mã tham chiếu: #MaThamChieu', 'Mã giao dịch: #MaGiaoDich', 'Hồ sơ tiếp tục được giải quyết.', ...CLOSING],
  },
  [PAYMENT_PAID_TWICE_TEMPLATE]: {
    subject: 'Hồ sơ #MaHoSo: khoản thanh toán #SoTien đồng bị trùng',
    lines: [
      'Kính gửi Ông/Bà,',
      '',
      'Phí, lệ phí của hồ sơ #MaHoSo đã được thanh toán trước đó. Khoản #SoTien đồng Ông/Bà thanh toán lúc #ThoiDiem là khoản trùng và sẽ được hoàn trả.',
      'Mã tham chiếu: #MaThamChieu',
      'Mã giao dịch: #MaGiaoDich',
      'Ông/Bà không cần thanh toán thêm.',
      ...CLOSING,
    ],
  },
  [PAYMENT_FAILED_TEMPLATE]: {
    subject: 'Hồ sơ #MaHoSo: thanh toán không thành công',
    lines: ['Kính gửi Ông/Bà,', '', 'Giao dịch thanh toán #SoTien đồng cho hồ sơ #MaHoSo lúc #ThoiDiem không thành công.', 'Mã tham chiếu: #MaThamChieu', 'Ông/Bà có thể thanh toán lại trên Cổng Dịch vụ công.', ...CLOSING],
  },
};

/** The e-mail a template key is sent as until an operator writes a version of its own: Vietnamese, with diacritics. */
export function defaultEmailTemplate(template: string): MessageTemplate {
  const status = statusOfTemplate(template);
  return PAYMENT[template] ?? (status === undefined ? SUBMITTED : statusChangedTemplate(status));
}

/** Subject and body; a line naming a field without a value is left out. */
export function renderEmail(template: MessageTemplate, fields: TemplateFields): { subject: string; body: string } {
  const subject = fillLine(template.subject, fields);
  if (subject === undefined) throw new TemplateFieldUnknownError(`the subject "${template.subject}" needs a field that has no value`);
  const body = template.lines.map((line) => fillLine(line, fields)).filter((line) => line !== undefined);
  return { subject, body: body.join('\n') };
}
