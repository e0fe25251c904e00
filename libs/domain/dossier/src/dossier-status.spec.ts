import { allowedNextStatuses, DossierStatus as S, judgeTransition } from './dossier-status';

describe('dossier status transitions', () => {
  it('walks the main journey', () => {
    const path = [S.Registered, S.Accepted, S.Processing, S.PaymentRequested, S.Processing, S.ResultReady, S.ResultReturned];
    for (let i = 1; i < path.length; i++) expect(judgeTransition(path[i - 1], path[i])).toEqual({ kind: 'apply' });
  });

  it('treats a repeat of the current status as a duplicate', () => {
    expect(judgeTransition(S.Processing, S.Processing)).toEqual({ kind: 'duplicate' });
  });

  it('refuses a skip and says which statuses are allowed', () => {
    const verdict = judgeTransition(S.Registered, S.ResultReturned);
    expect(verdict.kind).toBe('illegal');
    expect(verdict.kind === 'illegal' && verdict.reason).toMatch(/from status 1 .* can only be 2, 3, 7/);
  });

  it('has no way out of final statuses', () => {
    for (const final of [S.NotAccepted, S.Withdrawn, S.Stopped, S.ResultReturned]) {
      expect(allowedNextStatuses(final)).toEqual([]);
      expect(judgeTransition(final, S.Processing)).toMatchObject({ kind: 'illegal', reason: expect.stringMatching(/is final/) });
    }
  });
});
