import { ProblemException } from '@lienthong/platform-http';
import { RouteMatcher } from './route-matcher';

const routes = [
  { method: 'GET', path: '/v1/dossiers/:code' },
  { method: 'POST', path: '/v1/dossiers/:code/status' },
  { method: 'GET', path: '/v1/procedures' },
  { method: 'GET', path: '/v1/systems/:member/services/:service' },
  { method: 'GET', path: '/v1/systems/:member/services/:service/*path' },
];
const matcher = new RouteMatcher(routes);
const paramsOf = (method: string, path: string) => matcher.match(method, path)?.params();

describe('RouteMatcher', () => {
  it('matches a template by method and segments, a trailing slash allowed', () => {
    expect(matcher.match('GET', '/v1/dossiers/X')?.route).toBe(routes[0]);
    expect(matcher.match('GET', '/v1/dossiers/X/')?.route).toBe(routes[0]);
    expect(matcher.match('POST', '/v1/dossiers/X/status')?.route).toBe(routes[1]);
    expect(matcher.match('GET', '/v1/procedures')?.route).toBe(routes[2]);
    expect(matcher.match('GET', '/v1/procedures/')?.route).toBe(routes[2]);
  });

  it('takes nothing else: another method, an empty parameter, other literals, fewer or more segments', () => {
    for (const [method, path] of [
      ['POST', '/v1/dossiers/X'],
      ['GET', '/v1/dossiers/'],
      ['GET', '/v1/dossiers//'],
      ['GET', '/v1/dossiers'],
      ['GET', '/v1/dossiers/X/status'],
      ['GET', '/v1/procedure'],
      ['GET', '/v2/procedures'],
      ['GET', '/v1/procedures//'],
      [undefined, '/v1/procedures'],
    ] as const) {
      expect({ method, path, route: matcher.match(method, path)?.route }).toEqual({ method, path, route: undefined });
    }
  });

  it('decodes parameters as Express does, slashes included', () => {
    expect(paramsOf('GET', '/v1/dossiers/000.00.06.H56-261123-0001')).toEqual({ params: { code: '000.00.06.H56-261123-0001' }, rest: [] });
    expect(paramsOf('GET', '/v1/dossiers/H%E1%BB%93%20s%C6%A1%2Fx')).toEqual({ params: { code: 'Hồ sơ/x' }, rest: [] });
  });

  it('gives a final wildcard one or more segments, each decoded', () => {
    expect(paramsOf('GET', '/v1/systems/M/services/s')).toEqual({ params: { member: 'M', service: 's' }, rest: [] });
    expect(paramsOf('GET', '/v1/systems/M/services/s/a%20b/c')).toEqual({ params: { member: 'M', service: 's' }, rest: ['a b', 'c'] });
    expect(matcher.match('GET', '/v1/systems/M/services/s/a')?.route).toBe(routes[4]);
  });

  it('gives a call to the first listed of the routes that take it, however deep its path', () => {
    const overlapping = new RouteMatcher([
      { method: 'GET', path: '/v1/files/*path' },
      { method: 'GET', path: '/v1/files/:name' },
    ]);
    expect(overlapping.match('GET', '/v1/files/a')?.route.path).toBe('/v1/files/*path');
    const deep = `/v1/files/${Array.from({ length: 40 }, (_, i) => `s${i}`).join('/')}`;
    expect(overlapping.match('GET', deep)?.params().rest).toHaveLength(40);
    expect(overlapping.match('GET', deep)?.route.path).toBe('/v1/files/*path');
  });

  it('refuses a segment that is no percent-encoded UTF-8 with a 400 problem', () => {
    const match = matcher.match('GET', '/v1/dossiers/%ED%A0%BD');
    expect(match?.route).toBe(routes[0]);
    expect(() => match!.params()).toThrow(ProblemException);
    expect(() => match!.params()).toThrow(expect.objectContaining({ status: 400, slug: 'invalid-path' }));
  });
});
