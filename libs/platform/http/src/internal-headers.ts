import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from './problem';

/** Headers the gateway sets on every call it forwards to a service (and strips from what clients send). */
export const INTERNAL_HEADERS = {
  /** The authenticated client system's identifier. */
  client: 'x-lienthong-client',
  /** The acting user's id, carried as X-Road carries it. */
  user: 'x-lienthong-user',
  /** The path and query the client called at the gateway: the instance of a problem the service answers. */
  instance: 'x-lienthong-instance',
} as const;

/** Where a problem occurred, as the client sees it: the gateway's URL it called, else (a call not through the gateway) this service's. */
export function problemInstanceOf(req: Request): string {
  const called = req.headers[INTERNAL_HEADERS.instance];
  return typeof called === 'string' && called.length > 0 ? called : req.originalUrl;
}

/** The calling system as the gateway authenticated it; a call without it never came through the gateway. */
export const ClientSystem = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const value = ctx.switchToHttp().getRequest<Request>().headers[INTERNAL_HEADERS.client];
  if (typeof value !== 'string' || value.length === 0) {
    throw new ProblemException(HttpStatus.UNAUTHORIZED, 'missing-client', 'The calling system is not identified', `header ${INTERNAL_HEADERS.client} is required`);
  }
  return value;
});
