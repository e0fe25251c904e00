import { dossierSubmittedV1, DossierSubmittedV1 } from '@lienthong/contracts';
import { toDongBoHoSoRecord } from './dong-bo-ho-so.mapper';

const dossier = (overrides: Partial<DossierSubmittedV1> = {}): DossierSubmittedV1 => ({ ...dossierSubmittedV1.example, ...overrides });

describe('DongBoHoSoMC record from a submitted dossier', () => {
  it('maps every field of the canonical dossier into the one-stop dialect', () => {
    expect(toDongBoHoSoRecord(dossier())).toEqual({
      MaHoSo: '000.00.06.H56-261123-0001',
      MaTTHC: '1.000358',
      TenTTHC: 'Gia hạn Giấy phép thành lập Chi nhánh của thương nhân nước ngoài tại Việt Nam',
      KenhThucHien: '2',
      ChuHoSo: 'Nguyễn Văn An',
      SoGiayToChuHoSo: '038090001234',
      LoaiDoiTuong: '1',
      MaDoiTuong: '',
      Email: 'an.nguyen@example.vn',
      SoDienThoai: '0961234567',
      TrichYeuHoSo: 'Đề nghị gia hạn giấy phép',
      NgayNopHoSo: '20261123140000',
      TrangThaiHoSo: '1',
      DonViXuLy: '000.00.06.H56',
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038090001234' }],
      TaiLieuNop: [],
      DanhSachLePhi: [],
      DuocThanhToanTrucTuyen: '0',
    });
  });

  it('carries the VNeID account id as MaDoiTuong and the old 9-digit id type', () => {
    const record = toDongBoHoSoRecord(dossier({ applicant: { name: 'Trần Thị Bình', idNumber: '123456789', idType: 2, kind: 2, accountId: 'vneid-42' } }));
    expect(record.MaDoiTuong).toBe('vneid-42');
    expect(record.LoaiDoiTuong).toBe('2');
    expect(record.DinhDanhCHS).toEqual([{ LoaiDinhDanh: '2', SoDinhDanh: '123456789' }]);
  });

  it('writes the submission time as Vietnamese wall time, turning the day at Vietnamese midnight', () => {
    expect(toDongBoHoSoRecord(dossier({ submittedAt: '2026-11-23T17:30:00.000Z' })).NgayNopHoSo).toBe('20261124003000');
  });

  it('keeps the summary within 1000 characters without splitting a character', () => {
    const summary = `${'ê'.repeat(999)}😀😀`;
    const record = toDongBoHoSoRecord(dossier({ summary }));
    expect(Array.from(record.TrichYeuHoSo)).toHaveLength(1000);
    expect(record.TrichYeuHoSo.endsWith('😀')).toBe(true);
  });
});
