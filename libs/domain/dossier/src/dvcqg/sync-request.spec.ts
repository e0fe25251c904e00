import { legacyInteger, parseSyncRequest } from './sync-request';

const dossier = (overrides: Record<string, unknown> = {}) => ({
  MaHoSo: '000.00.06.H56-231027-0361',
  MaTTHC: '1.000358',
  TenTTHC: 'Cấp giấy phép',
  NgayNopHoSo: '20231027083000',
  TrangThaiHoSo: 1,
  ...overrides,
});
const call = (overrides: Record<string, unknown> = {}) => ({ session: 's', madonvi: '000.00.06.H56', service: 'DongBoHoSoMC', isUpdating: false, data: [dossier()], ...overrides });

describe('DongBoHoSoMC requests', () => {
  it('accepts a well-formed create and keeps every field as sent', () => {
    const parsed = parseSyncRequest(call({ data: [dossier({ GhiChu: 'ghi chú' })] }));
    expect(parsed).toEqual({ ok: true, value: { isUpdating: false, madonvi: '000.00.06.H56', dossiers: [dossier({ GhiChu: 'ghi chú' })] } });
  });

  it.each([
    [true, true],
    ['true', true],
    ['1', true],
    [0, false],
    ['0', false],
    [undefined, false],
  ])('reads isUpdating %p as %p', (flag, expected) => {
    const parsed = parseSyncRequest(call({ isUpdating: flag }));
    expect(parsed.ok && parsed.value.isUpdating).toBe(expected);
  });

  it.each([
    ['a missing MaHoSo', call({ data: [dossier({ MaHoSo: undefined })] }), /thiếu trường MaHoSo/],
    ['a blank MaTTHC', call({ data: [dossier({ MaTTHC: ' ' })] }), /thiếu trường MaTTHC/],
    ['an ISO submission date', call({ data: [dossier({ NgayNopHoSo: '2023-10-27T08:30:00Z' })] }), /NgayNopHoSo phải có dạng yyyyMMddHHmmss/],
    ['an impossible appointment date', call({ data: [dossier({ NgayHenTra: '20230230080000' })] }), /NgayHenTra/],
    ['status 11', call({ data: [dossier({ TrangThaiHoSo: 11 })] }), /TrangThaiHoSo/],
    ['a status that is no word', call({ data: [dossier({ TrangThaiHoSo: 'đã xử lý xong!' })] }), /TrangThaiHoSo/],
    ['a summary over 1000 characters', call({ data: [dossier({ TrichYeuHoSo: 'x'.repeat(1001) })] }), /TrichYeuHoSo/],
    ['the same code twice', call({ data: [dossier(), dossier()] }), /bị lặp/],
    ['no data', call({ data: [] }), /Thiếu trường data/],
    ['another service', call({ service: 'TraCuuHoSo' }), /Sai tên dịch vụ/],
    ['an unreadable isUpdating', call({ isUpdating: 'maybe' }), /isUpdating/],
  ])('refuses %s, naming the problem', (_what, body, message) => {
    const parsed = parseSyncRequest(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('reads numbers sent as strings', () => {
    expect([legacyInteger(2), legacyInteger('4'), legacyInteger('0'), legacyInteger('x'), legacyInteger(2.5)]).toEqual([2, 4, 0, undefined, undefined]);
  });
});
