import { allowedNextStatuses, DossierStatus as S, isFinalStatus } from './dossier-status';

describe('dossier status transitions', () => {
  it('walks the main journey by legal transitions', () => {
    const path = [S.Registered, S.Accepted, S.Processing, S.PaymentRequested, S.Processing, S.SupplementRequested, S.Processing, S.ResultReady, S.ResultReturned];
    for (let i = 1; i < path.length; i++) expect(allowedNextStatuses(path[i - 1])).toContain(path[i]);
  });

  it('has no way out of final statuses, and a way out of every other', () => {
    for (const status of Object.values(S).filter((s): s is S => typeof s === 'number')) {
      expect(isFinalStatus(status)).toBe([S.NotAccepted, S.Withdrawn, S.Stopped, S.ResultReturned].includes(status));
    }
  });
});
