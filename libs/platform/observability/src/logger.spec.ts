import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pinoHttp from 'pino-http';
import { httpLoggerOptions } from './logger';

describe('HTTP logs', () => {
  const lines: string[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const logger = pinoHttp(httpLoggerOptions('test', 'info'), { write: (line: string) => lines.push(line) });
    server = createServer((req, res) => {
      logger(req, res);
      req.log.info({ client: { name: 'portal', apiKey: 'key-in-a-field', password: 'p4ssw0rd' } }, 'handled');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('never carry credentials, whether sent as headers or logged as fields', async () => {
    await fetch(`${url}/v1/dossiers/000.00.06.H56-261123-0001?page=1`, {
      headers: { 'x-api-key': 'ltk_secret-api-key', authorization: 'Bearer eyJ.secret-token', cookie: 'session=secret-cookie' },
    });
    await new Promise((resolve) => setImmediate(resolve));
    const log = lines.join('');
    for (const secret of ['ltk_secret-api-key', 'secret-token', 'secret-cookie', 'key-in-a-field', 'p4ssw0rd']) expect(log).not.toContain(secret);
    const completed = lines.map((line) => JSON.parse(line) as { msg: string; req?: unknown }).find((line) => line.msg === 'request completed');
    expect(completed?.req).toEqual({ id: expect.anything(), method: 'GET', url: '/v1/dossiers/000.00.06.H56-261123-0001?page=1' });
  });
});
