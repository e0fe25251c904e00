import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A call the gateway forwarded to a providing service. */
export interface ForwardedCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON; a string is sent as the bytes it is, for answers that must reach the client unchanged. */
  body: unknown;
}

export interface FakeUpstream {
  url: string;
  /** Every forwarded call, in arrival order. */
  calls: ForwardedCall[];
  close(): Promise<void>;
}

/**
 * Plays the providing services (intake, the catalogue, the connector) for the gateway's tests: keeps every call the
 * gateway forwards and answers it with `answer` (the call, and its number from 1), by default 200 and `{}`.
 */
export function startFakeUpstream(answer: (call: ForwardedCall, n: number) => FakeAnswer | Promise<FakeAnswer> = () => ({ status: 200, body: {} })): Promise<FakeUpstream> {
  const calls: ForwardedCall[] = [];
  const server = createServer((req, res) => {
    // chunks joined before decoding: a character split across two chunks stays whole
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const call = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      calls.push(call);
      const { status, headers = {}, body } = await answer(call, calls.length);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  // the gateway's pooled keep-alive connections would otherwise hold the server open past its test
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, close })));
}

/** The system the gateway named as the caller of the last forwarded call. */
export const lastClient = (upstream: FakeUpstream): string | undefined => upstream.calls.at(-1)?.headers['x-lienthong-client'] as string | undefined;
