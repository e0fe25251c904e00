import { contentHash, stableStringify } from './content-hash';

describe('stable serialisation and content hash', () => {
  it('orders keys at every depth, keeps array order', () => {
    expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('serialises like JSON.stringify apart from key order', () => {
    const value = { name: 'Cấp "giấy phép"\n', n: null, list: [1, undefined, NaN], gone: undefined, at: new Date('2026-01-02T03:04:05.000Z') };
    expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(stableStringify('x')).toBe('"x"');
    expect(stableStringify(undefined)).toBe('null');
  });

  it('hashes equal content equally whatever the key order, and any change differently', () => {
    const hash = contentHash({ code: '1.000358', fees: [{ type: 'FEE', value: 0 }] });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ fees: [{ value: 0, type: 'FEE' }], code: '1.000358' })).toBe(hash);
    expect(contentHash({ code: '1.000358', fees: [{ type: 'FEE', value: 1 }] })).not.toBe(hash);
    expect(contentHash({ code: '1.000358', fees: [] })).not.toBe(hash);
  });
});
