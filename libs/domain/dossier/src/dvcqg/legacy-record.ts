import { formatLegacyDate } from '../legacy-date';

/** What a dossier is, as the backbone holds it or publishes it: enough for the fields every DVCQG record of it carries. */
export interface DossierEssentials {
  code: string;
  procedureCode: string;
  procedureName: string;
  channel: number;
  applicant: { name: string; kind: number; accountId?: string | null };
  summary: string;
  submittedAt: Date | string;
  status: number;
  agencyCode: string;
}

/** TrichYeuHoSo's limit in the dialect. */
const SUMMARY_LIMIT = 1000;

/** Cuts by characters, not UTF-16 units, so a summary is never cut inside a character. */
const truncate = (text: string, limit: number) => Array.from(text).slice(0, limit).join('');

/**
 * The fields a dossier's DVCQG record always carries, whether synced to a one-stop system (DongBoHoSoMC) or answered
 * to one (TraCuuHoSo): enumerations as strings, as those systems store them, dates as yyyyMMddHHmmss.
 */
export function legacyDossierFields(d: DossierEssentials) {
  return {
    MaHoSo: d.code,
    MaTTHC: d.procedureCode,
    TenTTHC: d.procedureName,
    KenhThucHien: String(d.channel),
    ChuHoSo: d.applicant.name,
    LoaiDoiTuong: String(d.applicant.kind),
    MaDoiTuong: d.applicant.accountId ?? '',
    TrichYeuHoSo: truncate(d.summary, SUMMARY_LIMIT),
    NgayNopHoSo: formatLegacyDate(new Date(d.submittedAt)),
    TrangThaiHoSo: String(d.status),
    DonViXuLy: d.agencyCode,
  };
}
