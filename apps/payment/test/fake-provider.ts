import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROVINCES } from '@lienthong/domain-dossier';
import { demoPaymentProviders, signPlatformMessage } from '@lienthong/domain-payment';
import { demoPaymentKeyOf, participantCatalogue } from '@lienthong/domain-registry';

export type ProviderMode = 'pay' | 'refuse' | 'silent';
/** What a QUERY hears: the transaction paid or failed (in a signed callback's words), still waiting, or unknown. */
export type QueryStanding = 'PAID' | 'FAILED' | 'PENDING' | 'NOT_FOUND';

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
};
const answer = (res: ServerResponse, status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * Plays the payment providers at `<baseUrl>/<code>/…`, as switched per provider: INIT answered with a page to pay on, a
 * refusal, or not at all (until the test ends); QUERY answered with how the transaction stands, signed with the
 * provider's demo key; GET_BILL answered with a receipt, after failing a given number of times; a day's statement
 * handed over as the test wrote it.
 */
export class FakeProvider {
  readonly received: { provider: string; kind: string; message: Record<string, unknown> }[] = [];
  readonly receipt = Buffer.from('%PDF-1.4\n% a receipt\n%%EOF\n', 'latin1');
  private readonly modes = new Map<string, ProviderMode>();
  private readonly standings = new Map<string, QueryStanding>();
  private readonly billFailures = new Map<string, number>();
  private readonly statements = new Map<string, unknown>();
  private readonly schemes = new Map(demoPaymentProviders(participantCatalogue(PROVINCES)).map((p) => [p.code, p]));
  private server: Server | undefined;
  baseUrl = '';

  constructor(private readonly seedSecret: string) {}

  set(provider: string, mode: ProviderMode): void {
    this.modes.set(provider, mode);
  }

  standing(provider: string, standing: QueryStanding): void {
    this.standings.set(provider, standing);
  }

  failBills(provider: string, times: number): void {
    this.billFailures.set(provider, times);
  }

  /** What the provider hands over as its statement of a day (yyyyMMdd); a day without one is 404. */
  statement(provider: string, day: string, statement: unknown): void {
    this.statements.set(`${provider}/${day}`, statement);
  }

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const [, provider, kind, day] = (req.url ?? '').split('/');
      if (kind === 'statements') return this.statements.has(`${provider}/${day}`) ? answer(res, 200, this.statements.get(`${provider}/${day}`)) : answer(res, 404, {});
      const message = await readJson(req);
      this.received.push({ provider, kind, message });
      if (kind === 'init') this.init(res, provider, message);
      else if (kind === 'query') answer(res, 200, this.query(provider, String(message.MaThamChieu)));
      else if (kind === 'get-bill') this.bill(res, provider);
      else answer(res, 404, {});
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private init(res: ServerResponse, provider: string, message: Record<string, unknown>): void {
    const mode = this.modes.get(provider) ?? 'pay';
    if (mode === 'silent') return;
    if (mode === 'refuse') return answer(res, 200, { MaLoi: '99', MoTaLoi: 'Giao dịch bị từ chối' });
    answer(res, 200, { MaLoi: '00', MoTaLoi: 'Thành công', MaThamChieu: message.MaThamChieu, UrlThanhToan: `https://pay.example/${provider}/${String(message.MaThamChieu)}` });
  }

  private query(code: string, reference: string): Record<string, unknown> {
    const standing = this.standings.get(code) ?? 'PENDING';
    const init = this.received.find((r) => r.kind === 'init' && r.message.MaThamChieu === reference)?.message;
    if (standing === 'PENDING' || standing === 'NOT_FOUND' || !init) return { MaLoi: '09', MaThamChieu: reference, TrangThaiGiaoDich: init ? standing : 'NOT_FOUND' };
    const provider = this.schemes.get(code)!;
    const fields = {
      LoaiBanTin: 'CALLBACK',
      MaLoi: standing === 'PAID' ? '00' : '24',
      MaDoiTac: String(init.MaDoiTac),
      MaThamChieu: reference,
      SoTien: String(init.SoTien),
      MaTienTe: 'VND',
      MaGiaoDich: `Q-${reference.slice(-10)}`,
      MaNganHang: code,
      ThoiGianGD: String(init.ThoiGianGD),
      ThongTinGiaoDich: String(init.ThongTinGiaoDich),
    };
    return { ...signPlatformMessage('CALLBACK', fields, demoPaymentKeyOf(this.seedSecret, provider.systemId), provider.scheme), TrangThaiGiaoDich: standing };
  }

  private bill(res: ServerResponse, provider: string): void {
    const failures = this.billFailures.get(provider) ?? 0;
    if (failures > 0) {
      this.billFailures.set(provider, failures - 1);
      return answer(res, 503, { error: 'busy' });
    }
    res.writeHead(200, { 'content-type': 'application/pdf' }).end(this.receipt);
  }
}
