import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { Permission } from '../registry/permissions';

/** What a call's grant must cover: the province its data lives in (H56), the provider's service it calls, or undefined when it names none. */
export type ScopeOf = (req: Request) => string | undefined;

export interface RequiredGrant {
  permission: Permission;
  scopeOf: ScopeOf;
}

export const REQUIRED_GRANT = 'lienthong:required-grant';

/** Declares the permission a route needs and how to find the scope of a call. */
export const RequiresGrant = (permission: Permission, scopeOf: ScopeOf = () => undefined) =>
  SetMetadata(REQUIRED_GRANT, { permission, scopeOf } satisfies RequiredGrant);
