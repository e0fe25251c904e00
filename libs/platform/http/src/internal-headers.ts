import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from './problem';

/** Headers the gateway sets on every call it forwards to a service (and strips from what clients send). */
export const INTERNAL_HEADERS = {
  /** The authenticated client system's identifier. */
  client: 'x-lienthong-client',
  /** The acting user's id, carried as X-Road carries it. */
  user: 'x-lienthong-user',
} as const;

/** The calling system as the gateway authenticated it; a call without it never came through the gateway. */
export const ClientSystem = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const value = ctx.switchToHttp().getRequest<Request>().headers[INTERNAL_HEADERS.client];
  if (typeof value !== 'string' || value.length === 0) {
    throw new ProblemException(HttpStatus.UNAUTHORIZED, 'missing-client', 'The calling system is not identified', `header ${INTERNAL_HEADERS.client} is required`);
  }
  return value;
});
