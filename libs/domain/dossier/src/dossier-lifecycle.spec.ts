import { DossierStatus } from './dossier-status';
import { foldStatusReports, StatusReport, unreachableReason } from './dossier-lifecycle';

const S = DossierStatus;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 1, minute));
const reports = (...steps: [DossierStatus, number][]): StatusReport[] => steps.map(([status, minute]) => ({ status, occurredAt: at(minute) }));

/** Every order of a list (for the short histories below). */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('dossier lifecycle', () => {
  it.each([
    ['accepted, processed, returned', reports([S.Accepted, 1], [S.Processing, 2], [S.ResultReady, 3], [S.ResultReturned, 4]), S.ResultReturned],
    ['a supplement cycle', reports([S.Accepted, 1], [S.Processing, 2], [S.SupplementRequested, 3], [S.Processing, 4], [S.ResultReady, 5]), S.ResultReady],
    ['a fee, then the result', reports([S.Accepted, 1], [S.Processing, 2], [S.PaymentRequested, 3], [S.Processing, 4], [S.ResultReady, 5]), S.ResultReady],
    ['withdrawn while processing', reports([S.Accepted, 1], [S.Processing, 2], [S.Withdrawn, 3]), S.Withdrawn],
    ['not accepted', reports([S.NotAccepted, 1]), S.NotAccepted],
  ])('%s: every arrival order folds to the same status', (_what, history, final) => {
    for (const order of permutations(history)) expect(foldStatusReports(order).status).toBe(final);
  });

  it('a repeated report changes nothing, and an exact duplicate folds as a repeat', () => {
    const life = foldStatusReports(reports([S.Accepted, 1], [S.Accepted, 1], [S.Accepted, 2], [S.Processing, 3]));
    expect(life.status).toBe(S.Processing);
    expect(life.folded.map((f) => f.outcome)).toEqual(['applied', 'repeat', 'repeat', 'applied']);
  });

  it('applies a status reachable through statuses not reported yet, and folds the late ones in their place', () => {
    const early = foldStatusReports(reports([S.ResultReady, 5]));
    expect(early.status).toBe(S.ResultReady);
    const complete = foldStatusReports(reports([S.ResultReady, 5], [S.Accepted, 1], [S.Processing, 2]));
    expect(complete.status).toBe(S.ResultReady);
    expect(complete.folded.map((f) => [f.report.status, f.outcome])).toEqual([
      [S.Accepted, 'applied'],
      [S.Processing, 'applied'],
      [S.ResultReady, 'applied'],
    ]);
  });

  it('skips a report no legal path leads to, saying why, and the later ones still apply', () => {
    const life = foldStatusReports(reports([S.Accepted, 1], [S.ResultReady, 2], [S.Processing, 3], [S.ResultReturned, 4]));
    expect(life.status).toBe(S.ResultReturned);
    expect(life.folded[2]).toMatchObject({ outcome: 'skipped', from: S.ResultReady, reason: expect.stringContaining('from there the next status can only be 10') });
    expect(foldStatusReports(reports([S.Withdrawn, 1], [S.Processing, 2])).folded[1].reason).toBe('status 7 (Rút hồ sơ theo yêu cầu) is final');
  });

  it('orders reports of one instant by the usual order of statuses', () => {
    expect(foldStatusReports(reports([S.Processing, 1], [S.Accepted, 1])).folded.map((f) => f.outcome)).toEqual(['applied', 'applied']);
  });

  it('starts the clock at acceptance, pauses it for a supplement and starts it afresh when the supplement comes in', () => {
    const accepted = foldStatusReports(reports([S.Accepted, 1], [S.Processing, 2]));
    expect([accepted.clockStartedAt, accepted.clockRunning]).toEqual([at(1), true]);
    const waiting = foldStatusReports(reports([S.Accepted, 1], [S.SupplementRequested, 3]));
    expect([waiting.clockStartedAt, waiting.clockRunning]).toEqual([at(1), false]);
    const resumed = foldStatusReports(reports([S.Accepted, 1], [S.SupplementRequested, 3], [S.Processing, 9]));
    expect([resumed.clockStartedAt, resumed.clockRunning]).toEqual([at(9), true]);
    // acceptance implied by a later status
    expect(foldStatusReports(reports([S.Processing, 4])).clockStartedAt).toEqual(at(4));
    const done = foldStatusReports(reports([S.Accepted, 1], [S.ResultReady, 3]));
    expect(done.clockRunning).toBe(false);
    expect(foldStatusReports(reports([S.NotAccepted, 1])).clockStartedAt).toBeNull();
  });

  it.each([
    [S.Registered, S.ResultReturned, undefined],
    [S.SupplementRequested, S.Processing, undefined],
    [S.ResultReady, S.Processing, 'from there the next status can only be 10'],
    [S.NotAccepted, S.Accepted, 'is final'],
    [S.Accepted, S.Registered, 'cannot follow'],
  ])('%d → %d: %s', (from, to, reason) => {
    const found = unreachableReason(from, to);
    if (reason === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(reason);
  });
});
