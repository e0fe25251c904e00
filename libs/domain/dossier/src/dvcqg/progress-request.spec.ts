import { parseProgressRequest } from './progress-request';

const step = (overrides: Record<string, unknown> = {}) => ({
  MaHoSo: '000.00.06.H56-261123-0001',
  NguoiXuLy: 'Lê Thị Bình',
  ChucDanh: 'Chuyên viên',
  ThoiDiemXuLy: '20261123081500',
  PhongBanXuLy: 'Bộ phận Một cửa',
  NoiDungXuLy: 'Tiếp nhận hồ sơ',
  TrangThai: '2',
  NgayBatDau: '20261123080000',
  NgayKetThucTheoQuyDinh: '20261130170000',
  ...overrides,
});

describe('CapNhatTienDoHoSoMC requests', () => {
  it('reads a chunk of steps, dates in Vietnamese wall time', () => {
    const parsed = parseProgressRequest({ service: 'CapNhatTienDoHoSoMC', data: [step(), step({ TrangThai: undefined, ChucDanh: '' })] });
    expect(parsed.ok && parsed.value[0]).toMatchObject({ NguoiXuLy: 'Lê Thị Bình', TrangThai: '2', ThoiDiemXuLy: new Date('2026-11-23T01:15:00Z') });
    expect(parsed.ok && parsed.value[1]).toMatchObject({ TrangThai: undefined, ChucDanh: undefined });
  });

  it.each([
    ['another service', { service: 'DongBoHoSoMC', data: [step()] }, 'Sai tên dịch vụ'],
    ['no data', { data: [] }, 'Thiếu trường data'],
    ['51 steps', { data: Array.from({ length: 51 }, () => step()) }, 'Tối đa 50'],
    ['a handler of 51 characters', { data: [step({ NguoiXuLy: 'x'.repeat(51) })] }, 'NguoiXuLy dài quá 50'],
    ['an ISO date', { data: [step({ ThoiDiemXuLy: '2026-11-23T08:15:00' })] }, 'ThoiDiemXuLy phải có dạng yyyyMMddHHmmss'],
    ['no content', { data: [step({ NoiDungXuLy: ' ' })] }, 'thiếu trường NoiDungXuLy'],
    ['status 12', { data: [step({ TrangThai: 12 })] }, 'TrangThai không hợp lệ'],
  ])('refuses %s, naming it', (_what, body, message) => {
    const parsed = parseProgressRequest(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(message);
  });
});
