import { HttpStatus, Logger, type ArgumentsHost } from '@nestjs/common';
import { ProblemException } from './problem';
import { ProblemFilter } from './problem.filter';

/** An HTTP call of `/systems/x` (with the headers the gateway sent) as the filter sees it, answering into `sent`. */
function httpHost(sent: { status?: number; body?: string; headers?: Record<string, string> }, headers: Record<string, string> = {}): ArgumentsHost {
  const res = {
    set statusCode(status: number) {
      sent.status = status;
    },
    setHeader: (name: string, value: string) => ((sent.headers = { ...sent.headers, [name]: value }), res),
    end: (body: string) => (sent.body = body),
  };
  return { switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/systems/x', headers }), getResponse: () => res }) } as unknown as ArgumentsHost;
}

describe('ProblemFilter instance', () => {
  it("is the URL the client called at the gateway, else this service's", () => {
    const [through, direct]: { body?: string }[] = [{}, {}];
    const refused = () => new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'Not found');
    new ProblemFilter().catch(refused(), httpHost(through, { 'x-lienthong-instance': '/v1/systems/x?page=2' }));
    new ProblemFilter().catch(refused(), httpHost(direct));
    expect([JSON.parse(through.body!).instance, JSON.parse(direct.body!).instance]).toEqual(['/v1/systems/x?page=2', '/systems/x']);
  });
});

describe('ProblemFilter logs', () => {
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  afterEach(() => jest.clearAllMocks());

  it('a foreseen provider failure in one line, without a stack', () => {
    const sent: { status?: number } = {};
    new ProblemFilter().catch(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'circuit-open', 'The system is refused for now', 'H31 failed repeatedly'), httpHost(sent));
    expect(sent.status).toBe(503);
    expect(warn).toHaveBeenCalledWith('503 The system is refused for now: H31 failed repeatedly');
    expect(error).not.toHaveBeenCalled();
  });

  it('an unexpected error with its stack, answered as a 500 that shows no internals', () => {
    const sent: { status?: number; body?: string } = {};
    new ProblemFilter().catch(new TypeError('cannot read properties of undefined'), httpHost(sent));
    expect(sent.status).toBe(500);
    expect(sent.body).not.toContain('cannot read');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('TypeError: cannot read properties of undefined'));
  });

  it('a pool with no free connection in time as a 503 to retry, in one line', () => {
    const sent: { status?: number; body?: string; headers?: Record<string, string> } = {};
    new ProblemFilter().catch(new Error('timeout exceeded when trying to connect'), httpHost(sent));
    expect(sent.status).toBe(503);
    expect(sent.headers?.['Retry-After']).toBe('1');
    expect(JSON.parse(sent.body!)).toMatchObject({ type: 'https://lienthong.gov.vn/problems/busy', status: 503, retryAfterSeconds: 1 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('503 The service is too busy'));
    expect(error).not.toHaveBeenCalled();
  });

  it('nothing for a client error', () => {
    new ProblemFilter().catch(new ProblemException(HttpStatus.FORBIDDEN, 'not-granted', 'Not granted'), httpHost({}));
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});
