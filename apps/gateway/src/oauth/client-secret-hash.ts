import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Client secrets are stored as scrypt hashes with a per-secret salt. They are 32 random bytes, so the standard cost
 * (N=2^14, about 16 MiB and a few tens of milliseconds, off the event loop) is ample; a password would need more.
 */
const COST = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const HASH_BYTES = 32;

export interface HashedSecret {
  salt: string;
  hash: string;
}

export const newClientSecret = (): string => `lts_${randomBytes(32).toString('base64url')}`;

function derive(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret, salt, HASH_BYTES, COST, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashClientSecret(secret: string): Promise<HashedSecret> {
  const salt = randomBytes(16);
  return { salt: salt.toString('base64url'), hash: (await derive(secret, salt)).toString('base64url') };
}

export async function clientSecretMatches(secret: string, stored: HashedSecret): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64url');
  const actual = await derive(secret, Buffer.from(stored.salt, 'base64url'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
