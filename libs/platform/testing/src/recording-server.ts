import { once } from 'node:events';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The JSON body, parsed; undefined without one. */
  body: unknown;
  /** What it was answered. */
  status: number;
}

/**
 * An HTTP server that plays a system a test talks to (a gateway, an SMS gateway): keeps every request it gets with the
 * status `answer` decided for it, answered with an empty JSON object.
 */
export class RecordingServer {
  readonly requests: RecordedRequest[] = [];
  url = '';
  private readonly server: Server;

  constructor(answer: (request: Omit<RecordedRequest, 'status'>) => number) {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: text ? JSON.parse(text) : undefined };
      const status = answer(request);
      this.requests.push({ ...request, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  }

  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
