import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProviderMode = 'pay' | 'refuse' | 'silent';

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
};

/**
 * Plays the payment providers at `<baseUrl>/<code>/init`: keeps every request to pay it receives and answers it with a
 * page to pay on, a refusal, or not at all (until the test ends), as switched per provider.
 */
export class FakeProvider {
  readonly received: { provider: string; message: Record<string, unknown> }[] = [];
  private readonly modes = new Map<string, ProviderMode>();
  private server: Server | undefined;
  baseUrl = '';

  set(provider: string, mode: ProviderMode): void {
    this.modes.set(provider, mode);
  }

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const [, provider, kind] = (req.url ?? '').split('/');
      const message = await readJson(req);
      this.received.push({ provider, message });
      const mode = this.modes.get(provider) ?? 'pay';
      if (kind !== 'init' || mode === 'silent') return;
      const answer =
        mode === 'pay'
          ? { MaLoi: '00', MoTaLoi: 'Thành công', MaThamChieu: message.MaThamChieu, UrlThanhToan: `https://pay.example/${provider}/${String(message.MaThamChieu)}` }
          : { MaLoi: '99', MoTaLoi: 'Giao dịch bị từ chối' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
