import { ChainWalker, Verdict } from './audit-chain';
import { AuditRepository } from './audit.repository';

const PAGE = 1000;

/** Walks the stored chain page by page against the stored anchors; answers the first broken link or the head. */
export async function verifyAuditLog(repository: AuditRepository): Promise<Verdict> {
  const walker = new ChainWalker(await repository.anchors());
  let afterSeq = 0;
  for (;;) {
    const page = await repository.entriesAfter(afterSeq, PAGE);
    for (const entry of page) {
      const broken = walker.next(entry);
      if (broken) return broken;
    }
    if (page.length < PAGE) return walker.finish();
    afterSeq = page[page.length - 1].seq;
  }
}

export const describeVerdict = (verdict: Verdict): string =>
  verdict.intact ? `audit log intact: ${verdict.entries} entries, head ${verdict.head}` : `audit log broken at seq ${verdict.seq}: ${verdict.reason} (${verdict.detail})`;
