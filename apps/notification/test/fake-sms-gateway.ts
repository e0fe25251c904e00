import { once } from 'node:events';
import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  messageId: string;
  to: string;
  text: string;
  carrier: string;
  templateId: string;
  brandName: string;
}

/** Plays the HTTP SMS gateway at `<url>/send`: keeps every message it takes, answering 202, or 503 while down. */
export class FakeSmsGateway {
  readonly received: ReceivedSms[] = [];
  down = false;
  private readonly server = createServer((req, res) => void this.take(req).then((status) => res.writeHead(status, { 'content-type': 'application/json' }).end('{}')));
  url = '';

  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  to(phone: string): ReceivedSms[] {
    return this.received.filter((sms) => sms.to === phone);
  }

  private async take(req: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url !== '/send') return 404;
    if (this.down) return 503;
    this.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    return 202;
  }
}
