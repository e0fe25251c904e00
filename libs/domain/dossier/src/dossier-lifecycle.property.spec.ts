import fc from 'fast-check';
import { allowedNextStatuses, DossierStatus } from './dossier-status';
import { judgeReport, StatusReport } from './dossier-lifecycle';

/** A dossier's true history: a walk by legal transitions, one report a minute. */
const history = fc
  .array(fc.nat(), { minLength: 1, maxLength: 14 })
  .map((choices) => {
    const walk: StatusReport[] = [];
    let status = DossierStatus.Registered;
    for (const [i, choice] of choices.entries()) {
      const next = allowedNextStatuses(status);
      if (next.length === 0) break;
      status = next[choice % next.length];
      walk.push({ status, occurredAt: new Date(Date.UTC(2026, 10, 23, 1, i)) });
    }
    return walk;
  })
  .filter((walk) => walk.length > 0);

/** What a processing system sends: the history reordered, some reports twice. */
const deliveries = history.chain((walk) =>
  fc.tuple(fc.constant(walk), fc.shuffledSubarray([...walk, ...walk], { minLength: walk.length * 2, maxLength: walk.length * 2 }), fc.array(fc.boolean(), { minLength: walk.length * 2, maxLength: walk.length * 2 })),
);

/** Reports judged one by one as they arrive, as intake does: the kept ones are folded again at each arrival. */
function arrive(reports: StatusReport[]) {
  const kept: StatusReport[] = [];
  let status = DossierStatus.Registered;
  const refused: StatusReport[] = [];
  for (const report of reports) {
    const verdict = judgeReport(kept, { ...report });
    if (verdict.kind === 'refused') refused.push(report);
    if (verdict.kind === 'accepted') {
      kept.push(report);
      status = verdict.after.status;
    }
  }
  return { status, refused };
}

describe('dossier lifecycle under reordering and duplicates (property)', () => {
  it('ends in the status in-order delivery ends in, refusing nothing of a true history', () => {
    fc.assert(
      fc.property(deliveries, ([walk, shuffled, keepsDuplicate]) => {
        // every report of the history arrives at least once, in any order, some twice
        const seen = new Set<StatusReport>();
        const sent = shuffled.filter((report, i) => (seen.has(report) ? keepsDuplicate[i] : (seen.add(report), true)));
        const inOrder = arrive(walk);
        const reordered = arrive(sent);
        expect(inOrder.status).toBe(walk.at(-1)!.status);
        expect(reordered.status).toBe(inOrder.status);
        expect(reordered.refused).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
