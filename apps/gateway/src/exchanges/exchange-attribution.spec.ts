import { CLIENT_CLOSED_REQUEST, errorSideOf, serviceNameOf, UNROUTED } from './exchange-attribution';

describe('exchange attribution', () => {
  it.each([
    [200, false, 'none'],
    [201, true, 'none'],
    [304, false, 'none'],
    [400, false, 'client'],
    [401, false, 'client'],
    [403, false, 'client'],
    [404, true, 'client'],
    [429, false, 'client'],
    [CLIENT_CLOSED_REQUEST, true, 'client'],
    [502, false, 'provider'],
    [504, false, 'provider'],
    [500, true, 'provider'],
    [503, true, 'provider'],
    [500, false, 'gateway'],
    [503, false, 'gateway'],
  ])('status %i (handed to a provider: %s) is on the %s side', (status, handed, side) => {
    expect(errorSideOf(status, handed)).toBe(side);
  });

  it('names the public routes stably', () => {
    expect(serviceNameOf('POST', '/v1/dossiers')).toBe('dossier.submit');
    expect(serviceNameOf('GET', '/v1/dossiers/:code')).toBe('dossier.read');
    expect(serviceNameOf('POST', '/v1/dossiers/:code/status')).toBe('dossier.update-status');
    expect(serviceNameOf('GET', '/v1/procedures')).toBe('procedure.search');
    expect(serviceNameOf('GET', '/v1/procedures/:code')).toBe('procedure.read');
    expect(serviceNameOf('GET', '/v1/operator/exchanges')).toBe('operator.exchanges.list');
  });

  it('names a call of a legacy service by its service code, unless the code is malformed or no route matched', () => {
    const route = '/v1/systems/:instance/:memberClass/:memberCode/:subsystem/services/:service/*path';
    expect(serviceNameOf('GET', route, 'tra-cuu-ho-so')).toBe('tra-cuu-ho-so');
    expect(serviceNameOf('POST', route, 'Not A Code')).toBe('systems.services.post');
    expect(serviceNameOf('GET', undefined, 'tra-cuu-ho-so')).toBe(UNROUTED);
  });

  it('derives a name for a route it does not list, and says when no route matched', () => {
    expect(serviceNameOf('POST', '/v1/operator/systems/:id/suspend')).toBe('operator.systems.suspend.post');
    expect(serviceNameOf('GET', undefined)).toBe(UNROUTED);
  });
});
