import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Credential } from '../registry/registry.repository';
import { noteExchange } from '../exchanges/exchange-notes';
import { AccessException, AccessProblem } from './access.exception';
import { checkGrant } from './grant-check';
import { REQUIRED_GRANT, RequiredGrant } from './grant.decorator';
import { answerQuota, ClientRateLimiter } from './client-rate-limiter';
import { RequestAuthenticator } from './request.authenticator';

export type AuthenticatedRequest = Request & { credential: Credential };

/**
 * The operators' API (served by Nest): authenticates the caller, holds it to its quotas, then allows the call only when
 * a grant covers the route's permission (checkGrant). A route without a declared grant is refused: deny by default.
 */
@Injectable()
export class GrantGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly authenticator: RequestAuthenticator, private readonly rateLimiter: ClientRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const credential = await this.authenticator.authenticate(req, res);
    req.credential = credential;
    noteExchange(req, { client: credential.system.id });
    answerQuota(res, await this.rateLimiter.consume(credential.system.id));
    const required = this.reflector.get<RequiredGrant | undefined>(REQUIRED_GRANT, context.getHandler());
    if (!required) throw new AccessException(AccessProblem.NotGranted, 'this route is not open to any system');
    checkGrant(credential, required.permission, required.scopeOf(req));
    return true;
  }
}
