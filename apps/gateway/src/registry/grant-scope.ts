import { isServiceCode, parseSystemId } from '@lienthong/domain-registry';
import { EVERYWHERE } from './permissions';

/** The last part of a service scope that stands for every service of the provider. */
export const ALL_SERVICES = '*';

export interface ServiceScope {
  provider: string;
  service: string;
}

/** The scope of a call of a provider's service, as grants name it: VN/GOV/000.00.00.H56/MOTCUA/tra-cuu-ho-so. */
export const serviceScope = ({ provider, service }: ServiceScope): string => `${provider}/${service}`;

/** A service scope read back into its provider and service (or ALL_SERVICES); undefined for any other scope. */
export function parseServiceScope(scope: string): ServiceScope | undefined {
  const cut = scope.lastIndexOf('/');
  const provider = scope.slice(0, cut);
  const service = scope.slice(cut + 1);
  return cut > 0 && parseSystemId(provider) && (service === ALL_SERVICES || isServiceCode(service)) ? { provider, service } : undefined;
}

/**
 * Whether a grant's scope covers the scope of a call: everywhere, the same province or service, or every service of
 * the called provider. A call without a scope is covered by a grant everywhere only.
 */
export function grantCovers(grantScope: string, callScope: string | undefined): boolean {
  if (grantScope === EVERYWHERE) return true;
  if (callScope === undefined) return false;
  if (grantScope === callScope) return true;
  const granted = parseServiceScope(grantScope);
  return granted?.service === ALL_SERVICES && parseServiceScope(callScope)?.provider === granted.provider;
}

/** How a refusal names the scope a call would need a grant for. */
export function describeScope(scope: string): string {
  const called = parseServiceScope(scope);
  return called ? `for service ${called.service} of ${called.provider}` : `for province ${scope}`;
}
