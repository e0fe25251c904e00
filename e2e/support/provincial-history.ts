import { allowedNextStatuses, DossierStatus, formatLegacyDate, PORTAL_STATUS_NAMES } from '@lienthong/domain-dossier';

/** A small seeded generator (mulberry32): the same run replays the same histories. */
export function randomOf(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What one message of the replay carries: a DongBoHoSoMC update record, or a CapNhatTienDoHoSoMC step. */
export type ReplayMessage = { kind: 'sync'; record: Record<string, unknown> } | { kind: 'step'; step: Record<string, unknown> };

export interface DossierHistory {
  code: string;
  /** The DongBoHoSoMC record that registers it (status 1). */
  registration: Record<string, unknown>;
  /** The statuses it really went through, in order, after registration. */
  walk: DossierStatus[];
  /** Its words no mapping knows (sub-states), each sent once or more. */
  unknownWords: number;
  /** Every report, once each, as the one-stop software sends it. */
  messages: ReplayMessage[];
}

const UNKNOWN_WORDS = ['cho_ky_so', 'DANG_LIEN_THONG', 'chuyen_buu_chinh', 'interoperating'];
const NAME_OF = new Map(Object.entries(PORTAL_STATUS_NAMES).map(([name, status]) => [status, name]));
/** Statuses a record dates itself (NgayTiepNhan, NgayKetThucXuLy, NgayTra): one-stop software also syncs them as record updates. */
const DATED_BY_RECORD: Partial<Record<DossierStatus, string>> = {
  [DossierStatus.Accepted]: 'NgayTiepNhan',
  [DossierStatus.NotAccepted]: 'NgayTiepNhan',
  [DossierStatus.ResultReady]: 'NgayKetThucXuLy',
  [DossierStatus.ResultReturned]: 'NgayTra',
};
const MINUTE = 60_000;

/**
 * A realistic history of one dossier in a province's one-stop software: registered, then a walk by legal transitions
 * (acceptance, processing, supplement and payment rounds, a result, its return, or a withdrawal or a stop), a few
 * words of its own that are no status, every status written as the dialects write it (2, "2" or "new").
 */
export function historyOf(random: () => number, code: string, agencyCode: string, submittedAt: Date): DossierHistory {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const registration = {
    MaHoSo: code,
    MaTTHC: '1.000358',
    TenTTHC: 'Gia hạn giấy phép thành lập chi nhánh',
    KenhThucHien: pick([1, 2, 3]),
    ChuHoSo: 'Trần Thị Mai',
    LoaiDoiTuong: 1,
    SoGiayToChuHoSo: '038090001234',
    Email: `replay-${code.slice(-11)}@example.vn`,
    SoDienThoai: '0961234567',
    TrichYeuHoSo: 'Đề nghị gia hạn giấy phép thành lập chi nhánh',
    NgayNopHoSo: formatLegacyDate(submittedAt),
    DonViXuLy: agencyCode,
    TrangThaiHoSo: 1,
  };
  const walk: DossierStatus[] = [];
  const messages: ReplayMessage[] = [];
  let status = DossierStatus.Registered;
  // a walk tends forward, as dossiers do: a supplement or payment round now and then, rarely a withdrawal or stop
  for (let minute = 1; allowedNextStatuses(status).length > 0 && walk.length < 12; minute++) {
    const next = allowedNextStatuses(status);
    const forward = next.filter((s) => s !== DossierStatus.Withdrawn && s !== DossierStatus.Stopped);
    status = random() < 0.04 || forward.length === 0 ? pick(next) : pick(forward);
    walk.push(status);
    const at = new Date(submittedAt.getTime() + minute * 7 * MINUTE);
    const written = pick([status, String(status), NAME_OF.get(status) ?? status]);
    const dateField = DATED_BY_RECORD[status];
    if (dateField && random() < 0.5) messages.push({ kind: 'sync', record: { ...registration, TrangThaiHoSo: written, [dateField]: formatLegacyDate(at) } });
    else messages.push({ kind: 'step', step: stepAt(code, at, written, `Bước ${minute}: ${NAME_OF.get(status)}`) });
  }
  const unknownWords = Math.floor(random() * 3);
  for (let i = 0; i < unknownWords; i++) {
    const at = new Date(submittedAt.getTime() + (1 + random() * walk.length * 7) * MINUTE);
    messages.push({ kind: 'step', step: stepAt(code, at, UNKNOWN_WORDS[i], `Trạng thái riêng của phần mềm một cửa (${i + 1})`) });
  }
  return { code, registration, walk, unknownWords, messages };
}

const stepAt = (code: string, at: Date, status: number | string, content: string) => ({
  MaHoSo: code,
  NguoiXuLy: 'Lê Văn Hùng',
  ChucDanh: 'Chuyên viên',
  PhongBanXuLy: 'Bộ phận một cửa',
  NoiDungXuLy: content,
  ThoiDiemXuLy: formatLegacyDate(at),
  TrangThai: status,
});

/** What a real link delivers: every message, some twice, in an order of its own. */
export function deliveredAsAProvinceDoes(random: () => number, histories: DossierHistory[], duplicateShare = 0.3): ReplayMessage[] {
  const sent = histories.flatMap((h) => h.messages.flatMap((m) => (random() < duplicateShare ? [m, m] : [m])));
  for (let i = sent.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sent[i], sent[j]] = [sent[j], sent[i]];
  }
  return sent;
}

export interface ReplayCall {
  service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC';
  data: Record<string, unknown>[];
}

/**
 * The calls that carry them, in the order of their first message: at most `size` messages of one kind each, and never
 * one message twice in a call (a one-stop system resends in a later call); a DongBoHoSoMC call names a dossier once.
 */
export function callsOf(messages: ReplayMessage[], size = 10): ReplayCall[] {
  const calls: ReplayCall[] = [];
  const open: Record<ReplayMessage['kind'], ReplayCall[]> = { sync: [], step: [] };
  for (const message of messages) {
    const item = message.kind === 'sync' ? message.record : message.step;
    const fits = (call: ReplayCall) => !call.data.some((other) => other === item || (message.kind === 'sync' && other.MaHoSo === item.MaHoSo));
    let call = open[message.kind].find(fits);
    if (!call) {
      call = { service: message.kind === 'sync' ? 'DongBoHoSoMC' : 'CapNhatTienDoHoSoMC', data: [] };
      open[message.kind].push(call);
      calls.push(call);
    }
    call.data.push(item);
    if (call.data.length === size) open[message.kind] = open[message.kind].filter((c) => c !== call);
  }
  return calls;
}
