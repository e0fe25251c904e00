import { parseLegacyDate } from '../legacy-date';

/** One dossier as one-stop software syncs it: the fields the simulator checks, plus any others it keeps as sent. */
export type LegacyDossier = Record<string, unknown> & { MaHoSo: string; MaTTHC: string };

export interface SyncRequest {
  isUpdating: boolean;
  madonvi?: string;
  dossiers: LegacyDossier[];
}

export type LegacyParsed<T> = { ok: true; value: T } | { ok: false; message: string };

const DATE_FIELDS = ['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayTra', 'NgayKetThucXuLy'] as const;
const REQUIRED_FIELDS = ['MaHoSo', 'MaTTHC'] as const;
const MAX_SUMMARY_LENGTH = 1000;

/** Legacy clients send flags and numbers as JSON values or as strings ("true", "1", "0"). */
const FLAG_VALUES = new Map<unknown, boolean>([
  [true, true],
  [false, false],
  [1, true],
  [0, false],
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
]);

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a numeric field sent as a number or a numeric string, e.g. TrangThaiHoSo 2 or "2". */
export function legacyInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

/** A status as the dialects send it: 1–10 as a number or text, or a status word ("processing", a system's own). */
export function isLegacyStatus(value: unknown): boolean {
  const numeric = legacyInteger(value);
  if (numeric !== undefined) return numeric >= 1 && numeric <= 10;
  return typeof value === 'string' && /^[\p{L}\p{N}_.-]{1,40}$/u.test(value.trim());
}

function checkDossier(item: unknown, index: number): LegacyParsed<LegacyDossier> {
  if (!isRecord(item)) return { ok: false, message: `Hồ sơ thứ ${index + 1} không hợp lệ` };
  for (const field of REQUIRED_FIELDS) {
    const value = item[field];
    if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: `Hồ sơ thứ ${index + 1}: thiếu trường ${field}` };
  }
  const code = item.MaHoSo as string;
  for (const field of DATE_FIELDS) {
    const value = item[field];
    if (value !== undefined && value !== null && value !== '' && !(typeof value === 'string' && parseLegacyDate(value))) {
      return { ok: false, message: `Hồ sơ ${code}: ${field} phải có dạng yyyyMMddHHmmss` };
    }
  }
  if (typeof item.TrichYeuHoSo === 'string' && item.TrichYeuHoSo.length > MAX_SUMMARY_LENGTH) {
    return { ok: false, message: `Hồ sơ ${code}: TrichYeuHoSo dài quá ${MAX_SUMMARY_LENGTH} ký tự` };
  }
  const status = item.TrangThaiHoSo;
  if (status !== undefined && status !== null && status !== '' && !isLegacyStatus(status)) return { ok: false, message: `Hồ sơ ${code}: TrangThaiHoSo không hợp lệ` };
  return { ok: true, value: item as LegacyDossier };
}

/** Checks a DongBoHoSoMC call (session aside) the way a one-stop system would, naming the first offending field. */
export function parseSyncRequest(body: Record<string, unknown>): LegacyParsed<SyncRequest> {
  if (body.service !== undefined && body.service !== 'DongBoHoSoMC') return { ok: false, message: `Sai tên dịch vụ: ${String(body.service)}` };
  const isUpdating = body.isUpdating === undefined ? false : FLAG_VALUES.get(body.isUpdating);
  if (isUpdating === undefined) return { ok: false, message: 'Giá trị isUpdating không hợp lệ' };
  if (body.madonvi !== undefined && typeof body.madonvi !== 'string') return { ok: false, message: 'Giá trị madonvi không hợp lệ' };
  if (!Array.isArray(body.data) || body.data.length === 0) return { ok: false, message: 'Thiếu trường data' };
  const dossiers: LegacyDossier[] = [];
  const seen = new Set<string>();
  for (const [index, item] of body.data.entries()) {
    const checked = checkDossier(item, index);
    if (!checked.ok) return checked;
    if (seen.has(checked.value.MaHoSo)) return { ok: false, message: `Hồ sơ ${checked.value.MaHoSo} bị lặp trong data` };
    seen.add(checked.value.MaHoSo);
    dossiers.push(checked.value);
  }
  return { ok: true, value: { isUpdating, madonvi: body.madonvi, dossiers } };
}
