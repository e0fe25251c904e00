import type { DossierSubmittedV1 } from '@lienthong/contracts';
import { legacyDossierFields } from '@lienthong/domain-dossier';

/**
 * One dossier as DongBoHoSoMC carries it. Enumerations travel as strings, as the one-stop systems
 * store them (varchar codes) and as their existing clients send them.
 */
export interface DongBoHoSoRecord {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  KenhThucHien: string;
  ChuHoSo: string;
  SoGiayToChuHoSo: string;
  LoaiDoiTuong: string;
  MaDoiTuong: string;
  Email: string;
  SoDienThoai: string;
  TrichYeuHoSo: string;
  NgayNopHoSo: string;
  TrangThaiHoSo: string;
  DonViXuLy: string;
  DinhDanhCHS: { LoaiDinhDanh: string; SoDinhDanh: string }[];
  TaiLieuNop: never[];
  DanhSachLePhi: never[];
  DuocThanhToanTrucTuyen: string;
}

/** DuocThanhToanTrucTuyen: 0 not paid online (1 paid on the national portal, 2 through the province's gateway); nothing is paid at submission. */
const NOT_PAID_ONLINE = '0';

export function toDongBoHoSoRecord(d: DossierSubmittedV1): DongBoHoSoRecord {
  return {
    ...legacyDossierFields(d),
    SoGiayToChuHoSo: d.applicant.idNumber,
    Email: d.contact.email,
    SoDienThoai: d.contact.phone,
    DinhDanhCHS: [{ LoaiDinhDanh: String(d.applicant.idType), SoDinhDanh: d.applicant.idNumber }],
    TaiLieuNop: [],
    DanhSachLePhi: [],
    DuocThanhToanTrucTuyen: NOT_PAID_ONLINE,
  };
}
