import { AuditRecord, canonicalJson, chainAfter, ChainedEntry, entryHash, GENESIS_HASH, verifyChain } from './audit-chain';

function chain(n: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = { seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)), actor: 'VN/GOV/000.00.00.G22/LIENTHONG-OPS', action: 'system.suspended', subject: `S${seq}`, details: { reason: 'test', n: seq } };
    const hash = entryHash(prevHash, body);
    entries.push({ ...body, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe('audit hash chain', () => {
  it('canonical JSON sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: 'é' }, u: undefined })).toBe('{"a":{"c":"é","d":[3,{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('chains each hash on the one before: the same entry after another prev_hash hashes differently', () => {
    const [first] = chain(1);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash('f'.repeat(64), first)).not.toBe(first.hash);
    expect(entryHash(GENESIS_HASH, { ...first, details: { n: 1, reason: 'test' } })).toBe(first.hash);
  });

  it('finds an intact chain intact and names its head', () => {
    const entries = chain(5);
    expect(verifyChain(entries, [{ seq: 3, hash: entries[2].hash }])).toEqual({ intact: true, entries: 5, head: entries[4].hash });
    expect(verifyChain([], [])).toEqual({ intact: true, entries: 0, head: GENESIS_HASH });
  });

  it('names an edited row by its seq (hash mismatch)', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], details: { reason: 'edited', n: 3 } };
    expect(verifyChain(entries, [])).toMatchObject({ intact: false, seq: 3, reason: 'hash mismatch' });
  });

  it('names a deleted row (gap), the first one included', () => {
    const entries = chain(5);
    expect(verifyChain([...entries.slice(0, 2), ...entries.slice(3)], [])).toMatchObject({ intact: false, seq: 3, reason: 'gap or deleted row' });
    expect(verifyChain(entries.slice(1), [])).toMatchObject({ intact: false, seq: 1, reason: 'gap or deleted row' });
  });

  it('names a row whose prev_hash does not link to the row before', () => {
    const entries = chain(4);
    entries[3] = { ...entries[3], prevHash: entries[1].hash };
    expect(verifyChain(entries, [])).toMatchObject({ intact: false, seq: 4, reason: 'broken prev link' });
  });

  it('catches a chain rewritten from an edited row on, and a cut tail, through the anchors', () => {
    const original = chain(5);
    const rewritten = chain(5).map((e) => ({ ...e }));
    // an attacker edits seq 2 and recomputes every hash after it: the chain is consistent, the anchor is not
    let prevHash = rewritten[0].hash;
    for (const entry of rewritten.slice(1)) {
      if (entry.seq === 2) entry.details = { reason: 'forged', n: 2 };
      entry.prevHash = prevHash;
      entry.hash = entryHash(prevHash, entry);
      prevHash = entry.hash;
    }
    expect(verifyChain(rewritten, [])).toMatchObject({ intact: true });
    expect(verifyChain(rewritten, [{ seq: 4, hash: original[3].hash }])).toMatchObject({ intact: false, seq: 4, reason: 'anchor mismatch' });
    expect(verifyChain(original.slice(0, 3), [{ seq: 5, hash: original[4].hash }])).toMatchObject({ intact: false, seq: 5, reason: 'anchor mismatch' });
  });

  it('chains a batch in order onto the head, as appending its records one at a time would', () => {
    const at = new Date(Date.UTC(2026, 0, 1));
    const records: AuditRecord[] = Array.from({ length: 5 }, (_, i) => ({ actor: 'anonymous', action: 'exchange.recorded', subject: `E${i}`, details: { status: 200 + i } }));
    const whole = chainAfter(null, records, at);
    expect(whole.map((e) => [e.seq, e.subject, e.at])).toEqual(records.map((r, i) => [i + 1, r.subject, at]));
    expect(whole[0].prevHash).toBe(GENESIS_HASH);
    expect(verifyChain(whole, [])).toEqual({ intact: true, entries: 5, head: whole[4].hash });
    const first = chainAfter(null, records.slice(0, 2), at);
    const rest = chainAfter({ seq: 2, hash: first[1].hash }, records.slice(2), at);
    expect([...first, ...rest]).toEqual(whole);
    expect(chainAfter({ seq: 5, hash: whole[4].hash }, [], at)).toEqual([]);
  });
});
