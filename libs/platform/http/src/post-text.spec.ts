import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { abortedBy, postText, unansweredReason } from './post-text';

describe('postText', () => {
  let server: Server;
  let base: string;
  const received: { headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        if (req.url === '/slow') return void setTimeout(() => res.end('late'), 500);
        res.writeHead(req.url === '/refuse' ? 422 : 200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(req.url === '/refuse' ? 'không hợp lệ' : 'đã nhận');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the body and headers, and answers the status and the whole text', async () => {
    const answer = await postText(`${base}/ok`, { headers: { 'content-type': 'application/json', 'x-api-key': 'k' }, body: '{"a":"Đ"}', signal: AbortSignal.timeout(2000) });
    expect(answer).toEqual({ status: 200, ok: true, text: 'đã nhận' });
    expect(received.at(-1)).toMatchObject({ headers: { 'content-type': 'application/json', 'x-api-key': 'k' }, body: '{"a":"Đ"}' });
  });

  it('answers a refusal as an answer, not an error', async () => {
    await expect(postText(`${base}/refuse`, { headers: {}, body: '', signal: AbortSignal.timeout(2000) })).resolves.toEqual({ status: 422, ok: false, text: 'không hợp lệ' });
  });

  it('fails with the signal’s reason when it fires first', async () => {
    const signal = AbortSignal.timeout(50);
    const error = await postText(`${base}/slow`, { headers: {}, body: '', signal }).catch((e: unknown) => e);
    expect(abortedBy(signal, error)).toBe(true);
    expect(abortedBy(AbortSignal.timeout(5000), error)).toBe(false);
  });

  it('says why nothing answered: the error code of a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const signal = AbortSignal.timeout(2000);
    const error = await postText(`http://127.0.0.1:${port}/`, { headers: {}, body: '', signal }).catch((e: unknown) => e);
    expect(unansweredReason(error)).toBe('ECONNREFUSED');
    expect(abortedBy(signal, error)).toBe(false);
  });

  it('falls back to the message, then to the text of what was thrown', () => {
    expect(unansweredReason(new Error('other side closed'))).toBe('other side closed');
    expect(unansweredReason('gone')).toBe('gone');
  });
});
