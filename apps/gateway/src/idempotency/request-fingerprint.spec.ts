import { canonicalJson, requestFingerprint } from './request-fingerprint';

describe('canonicalJson', () => {
  it('sorts object members at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson([2, 1])).toBe('[2,1]');
  });

  it('writes the same text for bodies that differ only in member order or whitespace', () => {
    expect(canonicalJson(JSON.parse('{ "summary": "Hồ sơ", "agencyCode": "000.00.06.H56" }'))).toBe(
      canonicalJson(JSON.parse('{"agencyCode":"000.00.06.H56","summary":"Hồ sơ"}')),
    );
  });

  it('sorts by UTF-16 code units, independent of locale', () => {
    expect(canonicalJson({ é: 1, z: 2, A: 3, a: 4 })).toBe('{"A":3,"a":4,"z":2,"é":1}');
  });

  it('escapes strings as JSON and writes primitives and a missing body as JSON', () => {
    expect(canonicalJson({ 'a"b': 'line\nbreak' })).toBe('{"a\\"b":"line\\nbreak"}');
    expect(canonicalJson('x')).toBe('"x"');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('leaves out undefined members as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });
});

describe('requestFingerprint', () => {
  const body = { agencyCode: '000.00.06.H56', summary: 'Hồ sơ' };

  it('is a SHA-256 hex digest, equal for the same method, path and body in any member order', () => {
    const fingerprint = requestFingerprint('POST', '/v1/dossiers', body);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint('post', '/v1/dossiers', { summary: 'Hồ sơ', agencyCode: '000.00.06.H56' })).toBe(fingerprint);
  });

  it('differs when the body, the path or the method differs', () => {
    const fingerprint = requestFingerprint('POST', '/v1/dossiers', body);
    expect(requestFingerprint('POST', '/v1/dossiers', { ...body, summary: 'other' })).not.toBe(fingerprint);
    expect(requestFingerprint('POST', '/v1/dossiers/X/status', body)).not.toBe(fingerprint);
    expect(requestFingerprint('PUT', '/v1/dossiers', body)).not.toBe(fingerprint);
  });
});
