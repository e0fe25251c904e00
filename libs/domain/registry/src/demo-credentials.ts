import { createHmac } from 'node:crypto';

/**
 * Credentials of the seeded demo systems, derived from one seed secret, so the gateway (which stores only
 * their hashes) and the simulated legacy systems agree without a shared file. Production credentials are
 * issued by operators, never derived.
 */
export const demoSecretFor = (seedSecret: string, purpose: string): string =>
  `lt_${createHmac('sha256', seedSecret).update(purpose).digest('base64url').slice(0, 32)}`;

export const demoApiKeyOf = (seedSecret: string, systemId: string): string => demoSecretFor(seedSecret, `api-key:${systemId}`);

/** The OAuth client secret of a seeded system (also its DVCQG login password). */
export const demoClientSecretOf = (seedSecret: string, systemId: string): string => demoSecretFor(seedSecret, `client-secret:${systemId}`);

/** Password the connector uses to open a session on a simulated one-stop system. */
export const demoLegacyPasswordOf = (seedSecret: string, provinceCode: string): string => demoSecretFor(seedSecret, `legacy-password:${provinceCode}`);

/** The key a demo payment provider signs its messages with (the platform's secret, a bank's HMAC key). */
export const demoPaymentKeyOf = (seedSecret: string, providerSystemId: string): string => demoSecretFor(seedSecret, `payment-key:${providerSystemId}`);
