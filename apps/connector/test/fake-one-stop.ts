import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoLegacyPasswordOf } from '@lienthong/domain-registry';

export interface ReceivedSync {
  province: string;
  isUpdating: boolean;
  madonvi: string;
  record: Record<string, unknown>;
  answer: 'accepted' | 'already-exists';
}

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
};

/**
 * Plays the provincial one-stop systems at `<baseUrl>/<province>/`: the DVCQG session login, DongBoHoSoMC
 * answering "đã tồn tại" to a repeated create, TraCuuHoSo looking up what it holds (as its staff moved it on), and
 * switches that make a province answer 503 or answer late.
 */
export class FakeOneStop {
  readonly syncs: ReceivedSync[] = [];
  readonly lookups: { province: string; body: Record<string, unknown> }[] = [];
  readonly logins = new Map<string, number>();
  /** Every request that reached a province, answered or not. */
  readonly requests = new Map<string, number>();
  private readonly down = new Set<string>();
  private readonly delays = new Map<string, number>();
  private readonly sessions = new Map<string, string>();
  private readonly held = new Map<string, Record<string, unknown>>();
  private server: Server | undefined;
  baseUrl = '';

  constructor(private readonly seedSecret: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/one-stop`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  setDown(province: string, down: boolean): void {
    if (down) this.down.add(province);
    else this.down.delete(province);
  }

  /** Makes a province answer every call after `ms` (0: at once). */
  setDelay(province: string, ms: number): void {
    this.delays.set(province, ms);
  }

  /** A dossier the province holds, as if it had been synced. */
  hold(province: string, record: Record<string, unknown>): void {
    this.held.set(`${province}|${String(record.MaHoSo)}`, record);
  }

  /** Changes fields of a dossier the province holds, as its staff moving it on would: what TraCuuHoSo answers next. */
  update(province: string, code: string, fields: Record<string, unknown>): void {
    const key = `${province}|${code}`;
    this.held.set(key, { ...this.held.get(key), ...fields });
  }

  /** Forgets every session, as a restarted one-stop system would. */
  expireSessions(): void {
    this.sessions.clear();
  }

  syncsOf(code: string): ReceivedSync[] {
    return this.syncs.filter((s) => s.record.MaHoSo === code);
  }

  lookupsOf(code: string): number {
    return this.lookups.filter((l) => l.body.MaHoSo === code).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [, root, province, service] = (req.url ?? '').split('/');
    const answer = (status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST' || root !== 'one-stop' || !province) return answer(404, { error: 'not found' });
    this.requests.set(province, (this.requests.get(province) ?? 0) + 1);
    if (this.down.has(province)) return answer(503, { error: 'unavailable' });
    const body = await readJson(req);
    await sleep(this.delays.get(province) ?? 0);
    if (service === 'login') return answer(200, this.login(province, body));
    if (service === 'DongBoHoSoMC') return answer(200, this.sync(province, body));
    if (service === 'TraCuuHoSo') return answer(200, this.lookup(province, body));
    return answer(404, { error: 'unknown service' });
  }

  private login(province: string, body: Record<string, unknown>) {
    if (body.username !== 'lienthong' || body.password !== demoLegacyPasswordOf(this.seedSecret, province)) {
      return { error_code: -1, message: 'Sai tên đăng nhập hoặc mật khẩu' };
    }
    this.logins.set(province, (this.logins.get(province) ?? 0) + 1);
    const session = randomUUID();
    this.sessions.set(session, province);
    return { error_code: 0, session };
  }

  private sync(province: string, body: Record<string, unknown>) {
    if (this.sessions.get(String(body.session)) !== province) return { error_code: -2, message: 'Phiên làm việc không hợp lệ' };
    const [record] = body.data as Record<string, unknown>[];
    const key = `${province}|${String(record.MaHoSo)}`;
    const received = { province, isUpdating: body.isUpdating === true, madonvi: String(body.madonvi), record };
    if (!received.isUpdating && this.held.has(key)) {
      this.syncs.push({ ...received, answer: 'already-exists' });
      return { error_code: -1, message: `Hồ sơ ${String(record.MaHoSo)} đã tồn tại` };
    }
    this.held.set(key, record);
    this.syncs.push({ ...received, answer: 'accepted' });
    return { error_code: '0', message: 'Thành công' };
  }

  private lookup(province: string, body: Record<string, unknown>) {
    if (this.sessions.get(String(body.session)) !== province) return { error_code: -2, message: 'Phiên làm việc không hợp lệ' };
    this.lookups.push({ province, body });
    const record = this.held.get(`${province}|${String(body.MaHoSo)}`);
    return record ? { error_code: 0, result: record } : { error_code: -1, message: `Không tìm thấy hồ sơ ${String(body.MaHoSo)}` };
  }
}
