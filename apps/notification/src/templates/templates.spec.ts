import { dossierStatusChangedV1, dossierSubmittedV1, paymentFailedV1, paymentSucceededV1 } from '@lienthong/contracts';
import { DOSSIER_STATUS_LABELS, DossierStatus } from '@lienthong/domain-dossier';
import type { DossierStatusChangedV1, DossierSubmittedV1 } from '@lienthong/contracts';
import { defaultEmailTemplate, renderEmail } from './email.templates';
import { defaultSmsTemplate, renderSms } from './sms.templates';
import { fieldsOfPayment, fieldsOfStatusChanged, fieldsOfSubmitted, fillLine, paymentTemplateOf, statusTemplateOf, SUBMITTED_TEMPLATE, TemplateFieldUnknownError, vietnamTime } from './template-fields';

const renderSubmittedEmail = (event: DossierSubmittedV1) => renderEmail(defaultEmailTemplate(SUBMITTED_TEMPLATE), fieldsOfSubmitted(event));
const renderStatusChangedEmail = (event: DossierStatusChangedV1) => renderEmail(defaultEmailTemplate(statusTemplateOf(event.status)), fieldsOfStatusChanged(event));

describe('the e-mail templates of the code (version 1)', () => {
  it('renders the receipt of a submitted dossier in Vietnamese with diacritics', () => {
    const email = renderSubmittedEmail(dossierSubmittedV1.example);
    expect(email.subject).toBe('Hồ sơ 000.00.06.H56-261123-0001 đã được tiếp nhận');
    expect(email.body).toContain('Kính gửi Ông/Bà Nguyễn Văn An,');
    expect(email.body).toContain('lúc 14:00 23/11/2026');
    expect(email.body).toContain(`Thủ tục: ${dossierSubmittedV1.example.procedureName}`);
    expect(email.body).toContain('Trạng thái: Mới đăng ký');
    expect(email.body).not.toMatch(/#[A-Z]/);
  });

  it.each(Object.values(DossierStatus).filter((s): s is DossierStatus => typeof s === 'number'))('renders status %i with its label and key', (status) => {
    const email = renderStatusChangedEmail({ ...dossierStatusChangedV1.example, status });
    expect(email.subject).toBe(`Hồ sơ 000.00.06.H56-261123-0001: ${DOSSIER_STATUS_LABELS[status]}`);
    expect(email.body).toContain(`trạng thái "${DOSSIER_STATUS_LABELS[status]}" lúc 14:05 23/11/2026`);
    expect(email.body).not.toMatch(/#[A-Z]/);
  });

  it('gives each status its own guidance', () => {
    const bodies = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10].map((status) => renderStatusChangedEmail({ ...dossierStatusChangedV1.example, status }).body));
    expect(bodies.size).toBe(9);
    expect(renderStatusChangedEmail({ ...dossierStatusChangedV1.example, status: 6 }).body).toContain('nộp phí, lệ phí');
  });

  it("shows the agency's note, and leaves the line out when there is none", () => {
    expect(renderStatusChangedEmail(dossierStatusChangedV1.example).body).toContain('Ghi chú của cơ quan xử lý: Tiếp nhận hồ sơ');
    const withoutNote = renderStatusChangedEmail({ ...dossierStatusChangedV1.example, note: null });
    expect(withoutNote.body).not.toContain('Ghi chú');
    expect(renderStatusChangedEmail({ ...dossierStatusChangedV1.example, note: '   ' }).body).not.toContain('Ghi chú');
  });

  it('fills every placeholder, longest name first, and refuses unknown ones', () => {
    expect(fillLine('#MaHoSo / #MaHoSoLienThong', { MaHoSo: 'A', MaHoSoLienThong: 'B' })).toBe('A / B');
    expect(fillLine('Số #SoTien đồng', { SoTien: '#MaHoSo' })).toBe('Số #MaHoSo đồng');
    expect(fillLine('Ghi chú: #GhiChu', { GhiChu: null })).toBeUndefined();
    expect(() => fillLine('#NgayHenTra', {})).toThrow(TemplateFieldUnknownError);
  });

  it('writes moments in Vietnamese time across midnight', () => {
    expect(vietnamTime('2026-11-23T17:30:00.000Z')).toBe('00:30 24/11/2026');
  });
});

describe('the SMS templates of the code (version 1)', () => {
  it('words the acknowledgement by how the dossier was submitted, in ASCII', () => {
    const texts = ([1, 2, 3] as const).map((via) => renderSms(defaultSmsTemplate(SUBMITTED_TEMPLATE, via), fieldsOfSubmitted(dossierSubmittedV1.example)));
    expect(texts.map((t) => t.subject)).toEqual(['DVC_TIEPNHAN_TRUCTIEP_01', 'DVC_TIEPNHAN_TRUCTUYEN_01', 'DVC_TIEPNHAN_BUUCHINH_01']);
    expect(texts[1].body).toBe('Ho so 000.00.06.H56-261123-0001 nop truc tuyen luc 14:00 23/11/2026 da duoc tiep nhan. Tra cuu: dichvucong.gov.vn');
    expect(texts.every((t) => /^[\x20-\x7e]+$/.test(t.body))).toBe(true);
  });

  it("names the status without diacritics, the due date when one runs, and the agency's reason where the applicant must act", () => {
    const sms = (event: DossierStatusChangedV1) => renderSms(defaultSmsTemplate(statusTemplateOf(event.status)), fieldsOfStatusChanged(event)).body;
    expect(sms({ ...dossierStatusChangedV1.example, dueAt: '2026-11-30T16:59:59.999Z' })).toBe('Ho so 000.00.06.H56-261123-0001: Da tiep nhan. Ngay hen tra: 30/11/2026. Tra cuu: dichvucong.gov.vn');
    expect(sms({ ...dossierStatusChangedV1.example, status: 5, dueAt: null, note: 'Thiếu bản sao giấy khai sinh' })).toBe(
      'Ho so 000.00.06.H56-261123-0001: Yeu cau bo sung. De nghi bo sung: Thieu ban sao giay khai sinh. Tra cuu: dichvucong.gov.vn',
    );
  });
});

describe('the payment notices', () => {
  const secondPayment = { ...paymentSucceededV1.example, secondPaymentOf: '9b7c1e2d-4a5f-4e6b-8c7d-1f2e3a4b5c6d' };

  it('tells a fee paid, a second payment and a failed attempt apart', () => {
    expect([paymentSucceededV1.example, secondPayment, paymentFailedV1.example].map(paymentTemplateOf)).toEqual(['payment.succeeded', 'payment.paid-twice', 'payment.failed']);
  });

  it('says that a second payment is owed back and that nothing more is to be paid, and does not say the dossier moves on', () => {
    const { subject, body } = renderEmail(defaultEmailTemplate(paymentTemplateOf(secondPayment)), fieldsOfPayment(secondPayment));
    expect(subject).toMatch(/^Hồ sơ 000\.00\.06\.H56-261123-0001: khoản thanh toán [\d.]+ đồng bị trùng$/);
    expect(body).toContain('là khoản trùng và sẽ được hoàn trả.');
    expect(body).toContain('Ông/Bà không cần thanh toán thêm.');
    expect(body).not.toContain('tiếp tục được giải quyết');
    const sms = renderSms(defaultSmsTemplate(paymentTemplateOf(secondPayment)), fieldsOfPayment(secondPayment));
    expect(sms.subject).toBe('DVC_THANHTOAN_TRUNG_01');
    expect(sms.body).toMatch(/bi trung, se duoc hoan tra\./);
    expect(sms.body).toMatch(/^[\x20-\x7e]+$/);
  });
});
