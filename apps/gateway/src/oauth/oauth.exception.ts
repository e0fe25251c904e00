import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

/** Problems of the operator API over client secrets and signing keys (problem+json, like every route but the token endpoint). */
export enum OAuthProblem {
  SystemNotFound = 'system-not-found',
  ClientSecretNotFound = 'client-secret-not-found',
}

const PROBLEMS: Record<OAuthProblem, [HttpStatus, string]> = {
  [OAuthProblem.SystemNotFound]: [HttpStatus.NOT_FOUND, 'No such system'],
  [OAuthProblem.ClientSecretNotFound]: [HttpStatus.NOT_FOUND, 'No such client secret'],
};

export class OAuthException extends problemsOf<OAuthProblem>(PROBLEMS) {}
