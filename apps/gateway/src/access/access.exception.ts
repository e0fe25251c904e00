import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum AccessProblem {
  MissingCredentials = 'missing-credentials',
  InvalidCredentials = 'invalid-credentials',
  NotGranted = 'not-granted',
  RateLimited = 'rate-limited',
}

const PROBLEMS: Record<AccessProblem, [HttpStatus, string]> = {
  [AccessProblem.MissingCredentials]: [HttpStatus.UNAUTHORIZED, 'Credentials are required'],
  [AccessProblem.InvalidCredentials]: [HttpStatus.UNAUTHORIZED, 'The credentials are not valid'],
  [AccessProblem.NotGranted]: [HttpStatus.FORBIDDEN, 'The calling system is not granted this call'],
  [AccessProblem.RateLimited]: [HttpStatus.TOO_MANY_REQUESTS, 'Too many requests'],
};

export class AccessException extends problemsOf<AccessProblem>(PROBLEMS) {}
