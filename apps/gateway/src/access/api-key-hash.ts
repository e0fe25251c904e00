import { createHash } from 'node:crypto';

/** API keys are high-entropy random strings, so a plain SHA-256 is a safe way to store and find them. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export const keyPrefix = (key: string): string => key.slice(0, 8);
