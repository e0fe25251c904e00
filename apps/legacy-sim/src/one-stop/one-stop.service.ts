import { Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { isRecord, LEGACY_INVALID_SESSION, LEGACY_SUCCESS, LegacyAnswer, legacyRefused, parseSyncRequest } from '@lienthong/domain-dossier';
import { demoLegacyPasswordOf } from '@lienthong/domain-registry';
import { LegacySimEnv } from '../config';
import { OneStopStore } from './one-stop.store';
import { SessionStore } from './session.store';
import { StatusPusher } from './status-pusher';

const USERNAME = 'lienthong';
const digest = (text: string) => createHash('sha256').update(text).digest();
/** Compares digests so the time taken says nothing about how much of the password was right. */
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/** One province's one-stop software as the backbone meets it: DVCQG-style session calls with legacy answers. */
@Injectable()
export class OneStopService {
  constructor(
    private readonly config: LegacySimEnv,
    private readonly sessions: SessionStore,
    private readonly dossiers: OneStopStore,
    private readonly pusher: StatusPusher,
  ) {}

  login(province: string, body: unknown): LegacyAnswer {
    const { username, password } = isRecord(body) ? body : {};
    const valid =
      typeof username === 'string' &&
      typeof password === 'string' &&
      username === USERNAME &&
      sameSecret(password, demoLegacyPasswordOf(this.config.DEMO_SEED_SECRET, province));
    if (!valid) return legacyRefused('Sai tên đăng nhập hoặc mật khẩu');
    return { error_code: 0, session: this.sessions.open(province) };
  }

  sync(province: string, body: unknown): LegacyAnswer {
    if (!isRecord(body) || !this.sessions.isValid(body.session, province)) return LEGACY_INVALID_SESSION;
    const request = parseSyncRequest(body);
    if (!request.ok) return legacyRefused(request.message);
    const outcome = this.dossiers.sync(province, request.value);
    if (outcome.kind === 'exists') return legacyRefused(`Hồ sơ ${outcome.code} đã tồn tại`);
    if (outcome.kind === 'unknown') return legacyRefused(`Hồ sơ ${outcome.code} không tồn tại`);
    for (const dossier of outcome.created) this.pusher.process(province, dossier);
    return LEGACY_SUCCESS;
  }

  lookup(province: string, body: unknown): LegacyAnswer {
    if (!isRecord(body) || !this.sessions.isValid(body.session, province)) return LEGACY_INVALID_SESSION;
    if (body.service !== undefined && body.service !== 'TraCuuHoSo') return legacyRefused(`Sai tên dịch vụ: ${String(body.service)}`);
    if (typeof body.MaHoSo !== 'string' || body.MaHoSo === '') return legacyRefused('Thiếu trường MaHoSo');
    const dossier = this.dossiers.find(province, body.MaHoSo);
    if (!dossier) return legacyRefused(`Không tìm thấy hồ sơ ${body.MaHoSo}`);
    return { error_code: 0, result: { ...dossier.record, TrangThaiHoSo: dossier.status } };
  }
}
