import { carrierOf } from './carrier';
import { smsSegments, toSmsText } from './sms-text';

describe('toSmsText', () => {
  it('writes Vietnamese without diacritics, đ as d, in printable ASCII only', () => {
    expect(toSmsText('Hồ sơ 000.00.06.H56-261123-0001 đã được tiếp nhận. Ngày hẹn trả: 30/11/2026')).toBe('Ho so 000.00.06.H56-261123-0001 da duoc tiep nhan. Ngay hen tra: 30/11/2026');
    expect(toSmsText('ĐĂNG KÝ KHAI SINH – Ủy ban\n nhân dân 🏛')).toBe('DANG KY KHAI SINH - Uy ban nhan dan');
    expect(toSmsText('Thủy Hòa Khỏe Quý')).toBe('Thuy Hoa Khoe Quy');
  });

  it('counts segments as GSM 7-bit does: 160 in one, 153 each when joined', () => {
    expect([smsSegments('a'.repeat(160)), smsSegments('a'.repeat(161)), smsSegments('a'.repeat(306)), smsSegments('a'.repeat(307))]).toEqual([1, 2, 2, 3]);
  });
});

describe('carrierOf', () => {
  it.each([
    ['0961234567', 'viettel'],
    ['0861234567', 'viettel'],
    ['0321234567', 'viettel'],
    ['0391234567', 'viettel'],
    ['0941234567', 'vinaphone'],
    ['0911234567', 'vinaphone'],
    ['0901234567', 'mobifone'],
    ['0921234567', 'vietnamobile'],
    ['0991234567', 'gmobile'],
    ['0311234567', 'mobifone'],
  ])('routes %s through %s', (phone, carrier) => {
    expect(carrierOf(phone)).toBe(carrier);
  });
});
