import { createHash } from 'node:crypto';

/** What one audit entry records, before it is chained. */
export interface AuditRecord {
  /** The system that made the change (its X-Road id), or the gateway itself. */
  actor: string;
  /** What was done, e.g. `system.suspended`. */
  action: string;
  /** What it was done to, e.g. a system id or a key id. */
  subject: string;
  details: Record<string, unknown>;
}

export interface ChainedEntry extends AuditRecord {
  seq: number;
  at: Date;
  prevHash: string;
  hash: string;
}

export interface Anchor {
  seq: number;
  hash: string;
}

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted, so the same entry always hashes the same however PostgreSQL's jsonb reorders it.
 * Key order by UTF-16 code units and JSON.stringify's number and string forms are those of RFC 8785 (JCS) for the
 * values an audit entry holds (no floats beyond what JSON.stringify prints identically).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = SHA-256(prev_hash + canonical JSON of the entry): changing any field, or the one before, changes it. */
export function entryHash(prevHash: string, entry: Omit<ChainedEntry, 'prevHash' | 'hash'>): string {
  const body = canonicalJson({ seq: entry.seq, at: entry.at.toISOString(), actor: entry.actor, action: entry.action, subject: entry.subject, details: entry.details });
  return createHash('sha256').update(prevHash + body, 'utf8').digest('hex');
}

/** Chains records, in order, onto the head (null for an empty log), all stamped `at`. */
export function chainAfter(head: Anchor | null, records: readonly AuditRecord[], at: Date): ChainedEntry[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return records.map((record) => {
    const body = { ...record, seq: ++seq, at };
    const entry = { ...body, prevHash, hash: entryHash(prevHash, body) };
    prevHash = entry.hash;
    return entry;
  });
}

export type BreakReason = 'hash mismatch' | 'broken prev link' | 'gap or deleted row' | 'anchor mismatch';

export type Verdict = { intact: true; entries: number; head: string } | { intact: false; seq: number; reason: BreakReason; detail: string };

type Break = Extract<Verdict, { intact: false }>;

/**
 * Walks the chain in seq order, one entry at a time (so a long log is verified page by page), and reports the
 * FIRST broken link: a row whose content no longer matches its hash (edited), whose prev_hash is not the hash
 * before it (re-chained or reordered), a missing seq (deleted), or an anchor, witnessed outside, that the chain
 * no longer matches (a rewritten or truncated tail).
 */
export class ChainWalker {
  private prevHash = GENESIS_HASH;
  private count = 0;
  private readonly anchored: Map<number, string>;

  constructor(anchors: readonly Anchor[]) {
    this.anchored = new Map(anchors.map((a) => [a.seq, a.hash]));
  }

  /** Checks the next entry; answers the break it shows, or undefined when it holds. */
  next(entry: ChainedEntry): Break | undefined {
    const expectedSeq = this.count + 1;
    if (entry.seq !== expectedSeq) {
      return { intact: false, seq: expectedSeq, reason: 'gap or deleted row', detail: `seq ${expectedSeq} is missing; the next row is seq ${entry.seq}` };
    }
    if (entry.prevHash !== this.prevHash) {
      return { intact: false, seq: entry.seq, reason: 'broken prev link', detail: `prev_hash ${entry.prevHash} is not the hash of seq ${entry.seq - 1} (${this.prevHash})` };
    }
    const recomputed = entryHash(this.prevHash, entry);
    if (recomputed !== entry.hash) {
      return { intact: false, seq: entry.seq, reason: 'hash mismatch', detail: `stored hash ${entry.hash}, content hashes to ${recomputed}` };
    }
    const anchoredHash = this.anchored.get(entry.seq);
    if (anchoredHash !== undefined && anchoredHash !== entry.hash) {
      return { intact: false, seq: entry.seq, reason: 'anchor mismatch', detail: `anchored hash ${anchoredHash}, the chain has ${entry.hash}` };
    }
    this.prevHash = entry.hash;
    this.count = entry.seq;
    return undefined;
  }

  /** After the last entry: an anchor beyond the head means rows were cut off the end. */
  finish(): Verdict {
    const beyond = [...this.anchored.entries()].filter(([seq]) => seq > this.count).sort(([a], [b]) => a - b)[0];
    if (beyond) {
      return { intact: false, seq: beyond[0], reason: 'anchor mismatch', detail: `anchored hash ${beyond[1]} at seq ${beyond[0]}, the chain ends at seq ${this.count}` };
    }
    return { intact: true, entries: this.count, head: this.prevHash };
  }
}

export function verifyChain(entries: Iterable<ChainedEntry>, anchors: readonly Anchor[]): Verdict {
  const walker = new ChainWalker(anchors);
  for (const entry of entries) {
    const broken = walker.next(entry);
    if (broken) return broken;
  }
  return walker.finish();
}
