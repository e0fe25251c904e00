import { DossierStatus } from '../dossier-status';
import { parseLegacyDate } from '../legacy-date';

/** Which date of a DVCQG record names the moment its status was reached; the records say nothing of when the others were. */
const DATE_OF_STATUS: Partial<Record<DossierStatus, string>> = {
  [DossierStatus.Accepted]: 'NgayTiepNhan',
  [DossierStatus.NotAccepted]: 'NgayTiepNhan',
  [DossierStatus.ResultReady]: 'NgayKetThucXuLy',
  [DossierStatus.ResultReturned]: 'NgayTra',
};

/** When a record says its status was reached; undefined when it says nothing (or nothing readable). */
export function reachedAt(record: Record<string, unknown>, status: DossierStatus): Date | undefined {
  const field = DATE_OF_STATUS[status];
  const value = field ? record[field] : undefined;
  return typeof value === 'string' ? parseLegacyDate(value) : undefined;
}
