import { DOSSIER_LOOKUP_SERVICE, oneStopSystemOf } from '@lienthong/domain-registry';
import { describeScope, grantCovers, parseServiceScope, serviceScope } from './grant-scope';

const THANH_HOA = oneStopSystemOf('H56');
const LOOKUP = serviceScope({ provider: THANH_HOA, service: DOSSIER_LOOKUP_SERVICE });

describe('grant scopes', () => {
  it('writes and reads a service scope', () => {
    expect(LOOKUP).toBe('VN/GOV/000.00.00.H56/MOTCUA/tra-cuu-ho-so');
    expect(parseServiceScope(LOOKUP)).toEqual({ provider: THANH_HOA, service: DOSSIER_LOOKUP_SERVICE });
    expect(parseServiceScope(`${THANH_HOA}/*`)).toEqual({ provider: THANH_HOA, service: '*' });
  });

  it.each(['*', 'H56', THANH_HOA, `${THANH_HOA}/TraCuuHoSo`, `${THANH_HOA}/`, '/tra-cuu-ho-so', 'vn/gov/x/y/tra-cuu-ho-so', `${THANH_HOA}/a/b`])('reads %p as no service scope', (scope) => {
    expect(parseServiceScope(scope)).toBeUndefined();
  });

  it.each([
    ['*', LOOKUP, true],
    ['*', undefined, true],
    ['H56', 'H56', true],
    ['H56', 'H26', false],
    ['H56', undefined, false],
    [LOOKUP, LOOKUP, true],
    [LOOKUP, serviceScope({ provider: THANH_HOA, service: 'other' }), false],
    [LOOKUP, serviceScope({ provider: oneStopSystemOf('H26'), service: DOSSIER_LOOKUP_SERVICE }), false],
    [`${THANH_HOA}/*`, LOOKUP, true],
    [`${THANH_HOA}/*`, serviceScope({ provider: oneStopSystemOf('H26'), service: DOSSIER_LOOKUP_SERVICE }), false],
    [`${THANH_HOA}/*`, undefined, false],
    // a scope that merely starts like the provider is another provider
    [`${THANH_HOA}/*`, serviceScope({ provider: `${THANH_HOA}X`, service: DOSSIER_LOOKUP_SERVICE }), false],
  ])('grant %p covers a call scoped %p: %p', (grant, call, covered) => {
    expect(grantCovers(grant, call)).toBe(covered);
  });

  it('names the province or the service a refused call needed', () => {
    expect(describeScope('H56')).toBe('for province H56');
    expect(describeScope(LOOKUP)).toBe(`for service tra-cuu-ho-so of ${THANH_HOA}`);
  });
});
