import { DossierStatus, formatLegacyDate } from '@lienthong/domain-dossier';
import type { Dossier } from '../dossiers/dossier.entity';
import type { StatusReportRecord } from '../dossiers/status-report.entity';

const legacyDate = (at: Date | null | undefined) => (at ? formatLegacyDate(at) : '');

/** A dossier as TraCuuHoSo answers it: the dialect's field names, its dates as yyyyMMddHHmmss. */
export function toLegacyRecord(d: Dossier, reports: StatusReportRecord[]) {
  const firstAt = (status: DossierStatus) => reports.filter((r) => r.status === status).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())[0]?.occurredAt;
  return {
    MaHoSo: d.code,
    MaTTHC: d.procedureCode,
    TenTTHC: d.procedureName,
    KenhThucHien: String(d.channel),
    ChuHoSo: d.applicant.name,
    LoaiDoiTuong: String(d.applicant.kind),
    MaDoiTuong: d.applicant.accountId ?? '',
    TrichYeuHoSo: d.summary,
    DonViXuLy: d.agencyCode,
    NgayNopHoSo: legacyDate(d.submittedAt),
    NgayTiepNhan: legacyDate(firstAt(DossierStatus.Accepted) ?? d.clockStartedAt),
    NgayHenTra: legacyDate(d.dueAt),
    TrangThaiHoSo: String(d.status),
    NgayKetThucXuLy: legacyDate(firstAt(DossierStatus.ResultReady)),
    NgayTra: legacyDate(firstAt(DossierStatus.ResultReturned)),
  };
}
