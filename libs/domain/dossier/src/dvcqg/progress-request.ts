import { parseLegacyDate } from '../legacy-date';
import { isLegacyStatus, isRecord, LegacyParsed } from './sync-request';

/** One processing step as CapNhatTienDoHoSoMC carries it, its dates read. */
export interface LegacyStep {
  MaHoSo: string;
  NguoiXuLy: string;
  ChucDanh?: string;
  PhongBanXuLy?: string;
  NoiDungXuLy: string;
  TrangThai?: number | string;
  ThoiDiemXuLy: Date;
  NgayBatDau?: Date;
  NgayKetThucTheoQuyDinh?: Date;
}

/** Steps come in chunks (10 a call seen); a call of more is refused, as a bound on one transaction. */
const MAX_STEPS = 50;
const TEXT_LIMITS = { NguoiXuLy: 50, ChucDanh: 200, PhongBanXuLy: 200, NoiDungXuLy: 2000 } as const;

const absent = (value: unknown) => value === undefined || value === null || value === '';

function checkStep(item: unknown, index: number): LegacyParsed<LegacyStep> {
  const where = `Bước xử lý thứ ${index + 1}`;
  if (!isRecord(item)) return { ok: false, message: `${where} không hợp lệ` };
  for (const field of ['MaHoSo', 'NguoiXuLy', 'NoiDungXuLy', 'ThoiDiemXuLy'] as const) {
    if (typeof item[field] !== 'string' || (item[field] as string).trim() === '') return { ok: false, message: `${where}: thiếu trường ${field}` };
  }
  for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
    const value = item[field];
    if (!absent(value) && (typeof value !== 'string' || Array.from(value).length > limit)) return { ok: false, message: `${where}: ${field} dài quá ${limit} ký tự` };
  }
  const dates: Record<string, Date | undefined> = {};
  for (const field of ['ThoiDiemXuLy', 'NgayBatDau', 'NgayKetThucTheoQuyDinh']) {
    const value = item[field];
    if (absent(value)) continue;
    dates[field] = typeof value === 'string' ? parseLegacyDate(value) : undefined;
    if (!dates[field]) return { ok: false, message: `${where}: ${field} phải có dạng yyyyMMddHHmmss` };
  }
  if (!absent(item.TrangThai) && !isLegacyStatus(item.TrangThai)) return { ok: false, message: `${where}: TrangThai không hợp lệ` };
  const text = (field: string) => (absent(item[field]) ? undefined : (item[field] as string));
  return {
    ok: true,
    value: {
      MaHoSo: item.MaHoSo as string,
      NguoiXuLy: item.NguoiXuLy as string,
      ChucDanh: text('ChucDanh'),
      PhongBanXuLy: text('PhongBanXuLy'),
      NoiDungXuLy: item.NoiDungXuLy as string,
      TrangThai: absent(item.TrangThai) ? undefined : (item.TrangThai as number | string),
      ThoiDiemXuLy: dates.ThoiDiemXuLy!,
      NgayBatDau: dates.NgayBatDau,
      NgayKetThucTheoQuyDinh: dates.NgayKetThucTheoQuyDinh,
    },
  };
}

/** Checks a CapNhatTienDoHoSoMC call (session aside), naming the first offending field. */
export function parseProgressRequest(body: Record<string, unknown>): LegacyParsed<LegacyStep[]> {
  if (body.service !== undefined && body.service !== 'CapNhatTienDoHoSoMC') return { ok: false, message: `Sai tên dịch vụ: ${String(body.service)}` };
  if (!Array.isArray(body.data) || body.data.length === 0) return { ok: false, message: 'Thiếu trường data' };
  if (body.data.length > MAX_STEPS) return { ok: false, message: `Tối đa ${MAX_STEPS} bước xử lý mỗi lần gửi` };
  const steps: LegacyStep[] = [];
  for (const [index, item] of body.data.entries()) {
    const checked = checkStep(item, index);
    if (!checked.ok) return checked;
    steps.push(checked.value);
  }
  return { ok: true, value: steps };
}
