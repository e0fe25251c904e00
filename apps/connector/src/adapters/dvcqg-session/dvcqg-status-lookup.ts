import { isLegacyStatus, isRecord, reachedAt, readReportedStatus } from '@lienthong/domain-dossier';
import type { ReadStatus, StatusLookup } from '../status-lookup';
import { judgeDvcqgAnswer } from './dvcqg-answer';
import { dossierLookupCall } from './dvcqg-services';

/** The date is chosen by the portal's meaning of the status: a system's own mapping is intake's to apply. */
function dateOf(record: Record<string, unknown>, status: number | string): Date | null {
  const reported = readReportedStatus(status);
  return (reported?.kind === 'status' && reachedAt(record, reported.status)) || null;
}

/** TraCuuHoSo answers `{error_code: 0, result: {MaHoSo, TrangThaiHoSo, NgayTiepNhan, …}}`; the status comes as a number or text. */
function read(answer: unknown): ReadStatus {
  const verdict = judgeDvcqgAnswer(answer);
  if (verdict.kind !== 'accepted') return { ok: false, reason: `TraCuuHoSo refused: ${verdict.kind === 'refused' ? verdict.reason : verdict.kind}` };
  const record = (answer as { result?: unknown }).result;
  if (!isRecord(record)) return { ok: false, reason: 'TraCuuHoSo answered no record' };
  const raw = record.TrangThaiHoSo;
  if (!isLegacyStatus(raw)) return { ok: false, reason: `TraCuuHoSo answered TrangThaiHoSo ${JSON.stringify(raw) ?? 'undefined'}, which is no status` };
  const status = typeof raw === 'string' ? raw.trim() : (raw as number);
  return { ok: true, observed: { status, occurredAt: dateOf(record, status) } };
}

export const DVCQG_STATUS_LOOKUP: StatusLookup = { callFor: dossierLookupCall, read };
