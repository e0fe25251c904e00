import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { Permission } from '../registry/permissions';

/** Where the data of a call lives: a province code, or undefined when the call names none. */
export type ScopeOf = (req: Request) => string | undefined;

export interface RequiredGrant {
  permission: Permission;
  scopeOf: ScopeOf;
}

export const REQUIRED_GRANT = 'lienthong:required-grant';

/** Declares the permission a route needs and how to find the province its data belongs to. */
export const RequiresGrant = (permission: Permission, scopeOf: ScopeOf = () => undefined) =>
  SetMetadata(REQUIRED_GRANT, { permission, scopeOf } satisfies RequiredGrant);
