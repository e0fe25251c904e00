import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a payment provider signs a message: the fields in the provider's order, joined by `|`, and
 * - `sha256-secret-suffix`: the portal's payment platform (message version 1.0.6): SHA-256 of the joined fields followed
 *   by `|<secret>`;
 * - `hmac-sha256`, `hmac-sha1`: banks and intermediaries: an HMAC of the joined fields with the partner's key.
 * Every signature is lowercase hex.
 */
export type SignatureSchemeName = 'sha256-secret-suffix' | 'hmac-sha256' | 'hmac-sha1';

const FIELD_SEPARATOR = '|';

const SIGNERS: Record<SignatureSchemeName, (joined: string, key: string) => string> = {
  'sha256-secret-suffix': (joined, key) => createHash('sha256').update(`${joined}${FIELD_SEPARATOR}${key}`, 'utf8').digest('hex'),
  'hmac-sha256': (joined, key) => createHmac('sha256', key).update(joined, 'utf8').digest('hex'),
  'hmac-sha1': (joined, key) => createHmac('sha1', key).update(joined, 'utf8').digest('hex'),
};

/** The signature of `fields`, in their order, under `scheme` with the provider's secret or key. */
export function sign(scheme: SignatureSchemeName, fields: readonly string[], key: string): string {
  return SIGNERS[scheme](fields.join(FIELD_SEPARATOR), key);
}

/**
 * Whether `signature` is that of `fields`: compared in constant time, hex in either case, so that a forger learns nothing
 * from how long a refusal took. Anything that is not a hex string of the right length is refused.
 */
export function verify(scheme: SignatureSchemeName, fields: readonly string[], key: string, signature: string): boolean {
  const expected = Buffer.from(sign(scheme, fields, key), 'hex');
  if (!/^[0-9a-f]*$/i.test(signature) || signature.length !== expected.length * 2) return false;
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
