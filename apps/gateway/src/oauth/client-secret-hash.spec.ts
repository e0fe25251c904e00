import { clientSecretMatches, hashClientSecret, newClientSecret } from './client-secret-hash';

describe('client secret hashing', () => {
  it('matches the secret it hashed and nothing else', async () => {
    const secret = newClientSecret();
    const stored = await hashClientSecret(secret);
    expect(stored.hash).not.toContain(secret);
    expect(await clientSecretMatches(secret, stored)).toBe(true);
    expect(await clientSecretMatches(`${secret}x`, stored)).toBe(false);
    expect(await clientSecretMatches('', stored)).toBe(false);
  });

  it('salts every hash, so one secret stored twice gives two different hashes', async () => {
    const secret = newClientSecret();
    const [a, b] = await Promise.all([hashClientSecret(secret), hashClientSecret(secret)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await clientSecretMatches(secret, b)).toBe(true);
  });

  it('issues distinct high-entropy secrets', () => {
    const secret = newClientSecret();
    expect(secret).toMatch(/^lts_[\w-]{43}$/);
    expect(newClientSecret()).not.toBe(secret);
  });
});
