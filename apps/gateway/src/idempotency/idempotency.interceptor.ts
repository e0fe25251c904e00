import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { buffer } from 'node:stream/consumers';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../access/grant.guard';
import { answerWith, PASSED_BACK_HEADERS, UpstreamAnswer } from '../proxy/upstream-answer';
import { IdempotencyException, IdempotencyProblem } from './idempotency.exception';
import { IdempotencyLock, IdempotencyRecord, IdempotencyStore } from './idempotency.store';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;
/** A retry soon after is likely to find the answer: most calls take well under a second. */
const IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

/**
 * Honours Idempotency-Key on the public POST routes (@IdempotentPost), after GrantGuard has authenticated the caller: the first request
 * with a key runs and its answer is kept; a retry with the same key and the same request gets that answer again
 * without reaching the providing service. Answers of 500 and above, and errors, are not kept, so a retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & Partial<AuthenticatedRequest>>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined || !req.credential) return next.handle();
    if (!VALID_KEY.test(key)) throw new IdempotencyException(IdempotencyProblem.MalformedKey, 'send 1 to 255 printable ASCII characters');

    const systemId = req.credential.system.id;
    const fingerprint = requestFingerprint(req.method, req.originalUrl, req.body);
    const claim = await this.store.claim(systemId, key, fingerprint).catch((error: unknown) => {
      this.logger.error(`idempotency store unreachable for ${systemId}: ${(error as Error).message}`);
      // never run the request unprotected: the client may be retrying one that already had its effect
      throw new IdempotencyException(IdempotencyProblem.StoreUnavailable, 'retry shortly', { errorSide: 'gateway' });
    });
    if ('earlier' in claim) return of(this.replay(claim.earlier, fingerprint, res));

    return next.handle().pipe(
      mergeMap((result) => this.keep(claim.lock, result, res)),
      catchError((error: unknown) => from(this.letGo(claim.lock)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }

  private replay(earlier: IdempotencyRecord, fingerprint: string, res: Response): StreamableFile {
    if (earlier.fingerprint !== fingerprint) {
      throw new IdempotencyException(IdempotencyProblem.KeyReused, 'the key was first sent with another method, path or body; use a new key for a new request');
    }
    if (earlier.state === 'in-flight') {
      res.setHeader('Retry-After', String(IN_FLIGHT_RETRY_AFTER_SECONDS));
      throw new IdempotencyException(IdempotencyProblem.KeyInFlight, 'the first request with this key has not been answered yet', {
        retryAfterSeconds: IN_FLIGHT_RETRY_AFTER_SECONDS,
      });
    }
    res.setHeader(REPLAYED_HEADER, 'true');
    return answerWith(res, earlier.answer);
  }

  private async keep(lock: IdempotencyLock, result: unknown, res: Response): Promise<StreamableFile> {
    const answer = await answerOf(result, res);
    if (answer.status >= 500) {
      await this.letGo(lock);
    } else {
      const kept = await this.store.complete(lock, answer).catch((error: unknown) => {
        // the call has had its effect: its answer is worth more to the client than a 503 would be
        this.logger.error(`answer could not be kept for idempotency: ${(error as Error).message}`);
        return true;
      });
      if (!kept) this.logger.warn('idempotency claim expired before the answer came; the answer was not kept');
    }
    return answerWith(res, answer);
  }

  /** A failure here leaves the claim to expire on its own: the client sees 409 until then, never a second run. */
  private async letGo(lock: IdempotencyLock): Promise<void> {
    await this.store.release(lock).catch((error: unknown) => this.logger.error(`idempotency key could not be released: ${(error as Error).message}`));
  }
}

/** The handler's answer as bytes: what a proxy route returns as it is, any other value as Nest would send it. */
async function answerOf(result: unknown, res: Response): Promise<UpstreamAnswer> {
  const headers: UpstreamAnswer['headers'] = {};
  for (const name of PASSED_BACK_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  let body: Buffer;
  if (result instanceof StreamableFile) {
    body = await buffer(result.getStream());
  } else if (result === undefined || result === null) {
    body = Buffer.alloc(0);
  } else {
    const json = typeof result === 'object';
    body = Buffer.from(json ? JSON.stringify(result) : String(result), 'utf8');
    headers['content-type'] ??= json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  }
  return { status: res.statusCode, headers, body };
}
