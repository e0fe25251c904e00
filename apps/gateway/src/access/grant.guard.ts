import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Credential } from '../registry/registry.repository';
import { describeScope, grantCovers } from '../registry/grant-scope';
import { AccessException, AccessProblem } from './access.exception';
import { REQUIRED_GRANT, RequiredGrant } from './grant.decorator';
import { ClientRateLimiter } from './client-rate-limiter';
import { RequestAuthenticator } from './request.authenticator';

export type AuthenticatedRequest = Request & { credential: Credential };

/**
 * Authenticates the caller, then allows the call only when one of its grants names the route's permission
 * and covers the call's scope (the province the data belongs to, or the provider's service called). A route
 * without a declared grant is refused: deny by default.
 */
@Injectable()
export class GrantGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly authenticator: RequestAuthenticator, private readonly rateLimiter: ClientRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const credential = await this.authenticator.authenticate(req, res);
    // known from here on, so that refused calls (429, 403) are recorded against the system that made them
    req.credential = credential;
    await this.rateLimiter.consume(credential.system.id, res);
    const required = this.reflector.get<RequiredGrant | undefined>(REQUIRED_GRANT, context.getHandler());
    if (!required) throw new AccessException(AccessProblem.NotGranted, 'this route is not open to any system');
    const scope = required.scopeOf(req);
    const granted = credential.grants.some((g) => g.permission === required.permission && grantCovers(g.scope, scope));
    if (!granted) {
      const where = scope ? ` ${describeScope(scope)}` : '';
      throw new AccessException(AccessProblem.NotGranted, `${credential.system.id} holds no ${required.permission} grant${where}`, {
        permission: required.permission,
        scope: scope ?? null,
      });
    }
    return true;
  }
}
