import { DossierStatus, formatLegacyDate, legacyDossierFields } from '@lienthong/domain-dossier';
import type { Dossier } from '../dossiers/dossier.entity';
import type { StatusReportRecord } from '../dossiers/status-report.entity';

const legacyDate = (at: Date | null | undefined) => (at ? formatLegacyDate(at) : '');

/** A dossier as TraCuuHoSo answers it: the dialect's field names, its dates as yyyyMMddHHmmss. */
export function toLegacyRecord(d: Dossier, reports: StatusReportRecord[]) {
  const firstAt = (status: DossierStatus) => reports.filter((r) => r.status === status).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())[0]?.occurredAt;
  return {
    ...legacyDossierFields(d),
    NgayTiepNhan: legacyDate(firstAt(DossierStatus.Accepted) ?? d.clockStartedAt),
    NgayHenTra: legacyDate(d.dueAt),
    NgayKetThucXuLy: legacyDate(firstAt(DossierStatus.ResultReady)),
    NgayTra: legacyDate(firstAt(DossierStatus.ResultReturned)),
  };
}
