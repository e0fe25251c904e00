import type { Request } from 'express';

const providers = new WeakMap<Request, string>();

/**
 * Notes that a call was handed to a providing service (by the proxy, just before it forwards): the exchange record
 * names it as the target, and a 5xx from then on is the provider's answer or failure, not the gateway's.
 */
export const noteProvider = (req: Request, provider: string): void => {
  providers.set(req, provider);
};

export const providerOf = (req: Request): string | null => providers.get(req) ?? null;
