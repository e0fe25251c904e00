import type { Credential } from '../registry/registry.repository';
import { describeScope, grantCovers } from '../registry/grant-scope';
import type { Permission } from '../registry/permissions';
import { AccessException, AccessProblem } from './access.exception';

/**
 * Allows a call only when one of the caller's grants names its permission and covers its scope (the province its data
 * belongs to, or the provider's service called): deny by default.
 */
export function checkGrant(credential: Credential, permission: Permission, scope: string | undefined): void {
  if (credential.grants.some((g) => g.permission === permission && grantCovers(g.scope, scope))) return;
  const where = scope ? ` ${describeScope(scope)}` : '';
  throw new AccessException(AccessProblem.NotGranted, `${credential.system.id} holds no ${permission} grant${where}`, { permission, scope: scope ?? null });
}
