import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { TokenError } from './token-error';

/**
 * The token endpoint answers errors in the RFC 6749 §5.2 form ({error, error_description}), not problem+json like
 * every other route: the OAuth client libraries that connected systems use read `error` to decide what went wrong.
 * Invalid input caught by validation is an `invalid_request` there.
 */
@Catch(TokenError, BadRequestException)
export class TokenErrorFilter implements ExceptionFilter {
  catch(error: TokenError | BadRequestException, host: ArgumentsHost): void {
    const refusal = error instanceof TokenError ? error : new TokenError('invalid_request', describe(error));
    const res = host.switchToHttp().getResponse<Response>();
    // RFC 6749 §5.2: a client that authenticated with the Authorization header is told which scheme to use
    if (refusal.code === 'invalid_client' && refusal.basicAuthUsed) res.setHeader('WWW-Authenticate', 'Basic realm="lienthong"');
    res.status(refusal.status).setHeader('Cache-Control', 'no-store').setHeader('Pragma', 'no-cache').json({ error: refusal.code, error_description: refusal.description });
  }
}

function describe(error: BadRequestException): string {
  const message = (error.getResponse() as { message?: string | string[] }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? error.message);
}
