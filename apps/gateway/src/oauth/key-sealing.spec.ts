import { randomBytes } from 'node:crypto';
import { openPrivateKey, sealPrivateKey } from './key-sealing';

describe('signing key sealing (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const jwk = JSON.stringify({ kty: 'EC', crv: 'P-256', d: 'secret-scalar' });

  it('opens what it sealed, and never stores the plaintext', () => {
    const sealed = sealPrivateKey(key, 'kid-1', jwk);
    expect(sealed).not.toContain('secret-scalar');
    expect(openPrivateKey(key, 'kid-1', sealed)).toBe(jwk);
    expect(sealPrivateKey(key, 'kid-1', jwk)).not.toBe(sealed);
  });

  it('refuses another encryption key, another kid and any altered byte', () => {
    const sealed = sealPrivateKey(key, 'kid-1', jwk);
    expect(() => openPrivateKey(randomBytes(32), 'kid-1', sealed)).toThrow(/does not open/);
    expect(() => openPrivateKey(key, 'kid-2', sealed)).toThrow(/does not open/);
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(() => openPrivateKey(key, 'kid-1', [...parts.slice(0, 3), flipped.toString('base64url')].join('.'))).toThrow(/does not open/);
    expect(() => openPrivateKey(key, 'kid-1', 'garbage')).toThrow(/not a sealed value/);
  });
});
