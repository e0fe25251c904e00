import { HttpStatus } from '@nestjs/common';

/** RFC 6749 §5.2 error codes the token endpoint answers. */
export type TokenErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type';

const STATUS: Record<TokenErrorCode, HttpStatus> = {
  invalid_request: HttpStatus.BAD_REQUEST,
  invalid_client: HttpStatus.UNAUTHORIZED,
  unsupported_grant_type: HttpStatus.BAD_REQUEST,
};

/** A refusal of the token endpoint, answered in the RFC 6749 form by TokenErrorFilter. */
export class TokenError extends Error {
  readonly status: HttpStatus;

  constructor(readonly code: TokenErrorCode, readonly description: string, readonly basicAuthUsed = false) {
    super(description);
    this.status = STATUS[code];
  }
}
