import type { DossierSubmittedV1 } from '@lienthong/contracts';
import { formatLegacyDate } from '@lienthong/domain-dossier';

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

const SUMMARY_LIMIT = 1000;
/** DuocThanhToanTrucTuyen: 0 not paid online (1 paid on the national portal, 2 through the province's gateway); nothing is paid at submission. */
const NOT_PAID_ONLINE = '0';

/** Cuts by characters, not UTF-16 units, so a summary is never cut inside a character. */
const truncate = (text: string, limit: number) => Array.from(text).slice(0, limit).join('');

export function toDongBoHoSoRecord(d: DossierSubmittedV1): DongBoHoSoRecord {
  return {
    MaHoSo: d.code,
    MaTTHC: d.procedureCode,
    TenTTHC: d.procedureName,
    KenhThucHien: String(d.channel),
    ChuHoSo: d.applicant.name,
    SoGiayToChuHoSo: d.applicant.idNumber,
    LoaiDoiTuong: String(d.applicant.kind),
    MaDoiTuong: d.applicant.accountId ?? '',
    Email: d.contact.email,
    SoDienThoai: d.contact.phone,
    TrichYeuHoSo: truncate(d.summary, SUMMARY_LIMIT),
    NgayNopHoSo: formatLegacyDate(new Date(d.submittedAt)),
    TrangThaiHoSo: String(d.status),
    DonViXuLy: d.agencyCode,
    DinhDanhCHS: [{ LoaiDinhDanh: String(d.applicant.idType), SoDinhDanh: d.applicant.idNumber }],
    TaiLieuNop: [],
    DanhSachLePhi: [],
    DuocThanhToanTrucTuyen: NOT_PAID_ONLINE,
  };
}
