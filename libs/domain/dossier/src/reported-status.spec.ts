import { DossierStatus } from './dossier-status';
import { assertStatusMapping, readReportedStatus } from './reported-status';

describe('reported statuses', () => {
  it.each([
    [4, DossierStatus.Processing],
    ['4', DossierStatus.Processing],
    [' 10 ', DossierStatus.ResultReturned],
    ['receiving', DossierStatus.Registered],
    ['new', DossierStatus.Accepted],
    ['denied', DossierStatus.NotAccepted],
    ['PROCESSING', DossierStatus.Processing],
    ['waiting', DossierStatus.SupplementRequested],
    ['paying', DossierStatus.PaymentRequested],
    ['cancelled', DossierStatus.Withdrawn],
    ['unresolved', DossierStatus.Stopped],
    ['releasing', DossierStatus.ResultReady],
    ['done', DossierStatus.ResultReturned],
  ])('%j is status %d', (value, status) => {
    expect(readReportedStatus(value)).toEqual({ kind: 'status', status });
  });

  it.each([
    ['interoperating', true],
    ['Posting', true],
    ['archived', false],
  ])('%j is a sub-state (recognised: %s), not a status', (value, recognised) => {
    expect(readReportedStatus(value)).toEqual({ kind: 'sub-state', name: value.toLowerCase(), recognised });
  });

  it.each([0, 11, 4.5, '0', '11', '', '  '])('%j is no status at all', (value) => {
    expect(readReportedStatus(value)).toBeUndefined();
  });

  it("reads a system's own mapping first", () => {
    // a system that reports its payment request as 9, and its own word for "sent to the post"
    const mapping = { '9': DossierStatus.PaymentRequested, 'gui-buu-dien': null, done: DossierStatus.ResultReady };
    expect(readReportedStatus(9, mapping)).toEqual({ kind: 'status', status: DossierStatus.PaymentRequested });
    expect(readReportedStatus('gui-buu-dien', mapping)).toEqual({ kind: 'sub-state', name: 'gui-buu-dien', recognised: true });
    expect(readReportedStatus('done', mapping)).toEqual({ kind: 'status', status: DossierStatus.ResultReady });
    expect(readReportedStatus(4, mapping)).toEqual({ kind: 'status', status: DossierStatus.Processing });
  });

  it('refuses a mapping to something that is not a status, naming the entry', () => {
    expect(() => assertStatusMapping({ '9': 12 }, 'X')).toThrow('X.9 must be a status 1–10 or null');
    expect(() => assertStatusMapping([], 'X')).toThrow('X must be an object');
    expect(() => assertStatusMapping({ '9': 6, x: null }, 'X')).not.toThrow();
  });
});
