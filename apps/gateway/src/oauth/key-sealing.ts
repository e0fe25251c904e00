import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals a signing key's private half for storage with AES-256-GCM under GATEWAY_KEY_ENCRYPTION_KEY. The key id is
 * bound as additional data, so a sealed value copied onto another row does not open.
 */
const VERSION = 'v1';

export function sealPrivateKey(encryptionKey: Buffer, kid: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
  cipher.setAAD(Buffer.from(kid, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** Throws when the value was altered, belongs to another kid, or was sealed under another key. */
export function openPrivateKey(encryptionKey: Buffer, kid: string, sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error(`signing key ${kid}: not a sealed value`);
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(kid, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(`signing key ${kid} does not open with GATEWAY_KEY_ENCRYPTION_KEY (altered, or sealed under another key)`);
  }
}
