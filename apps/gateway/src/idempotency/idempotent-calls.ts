import { Injectable, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { UpstreamAnswer } from '../proxy/upstream-answer';
import { IdempotencyException, IdempotencyProblem } from './idempotency.exception';
import { IdempotencyLock, IdempotencyRecord, IdempotencyStore } from './idempotency.store';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;
/** A retry soon after is likely to find the answer: most calls take well under a second. */
const IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

/** A POST of an authenticated system, with the Idempotency-Key it sent, if any. */
export interface IdempotentCall {
  systemId: string;
  key: string | string[] | undefined;
  method: string;
  /** Path and query, as sent. */
  url: string;
  body: unknown;
}

/**
 * Idempotency-Key on the public POST routes: the first request with a key runs and its answer is kept; a retry with the
 * same key and the same request gets that answer again without running; the same key with another request gets 422,
 * and one still running 409. Answers of 500 and above, and failures, are not kept, so a retry runs again.
 */
@Injectable()
export class IdempotentCalls {
  private readonly logger = new Logger(IdempotentCalls.name);

  constructor(private readonly store: IdempotencyStore) {}

  /** Runs `execute` unless an earlier request with the same key answers for it; says a replay on `res`. */
  async run(call: IdempotentCall, res: ServerResponse, execute: () => Promise<UpstreamAnswer>): Promise<UpstreamAnswer> {
    if (call.key === undefined) return execute();
    const key = String(call.key);
    if (!VALID_KEY.test(key)) throw new IdempotencyException(IdempotencyProblem.MalformedKey, 'send 1 to 255 printable ASCII characters');
    const fingerprint = requestFingerprint(call.method, call.url, call.body);
    const claim = await this.store.claim(call.systemId, key, fingerprint).catch((error: unknown) => {
      this.logger.error(`idempotency store unreachable for ${call.systemId}: ${(error as Error).message}`);
      // never run the request unprotected: the client may be retrying one that already had its effect
      throw new IdempotencyException(IdempotencyProblem.StoreUnavailable, 'retry shortly', { errorSide: 'gateway' });
    });
    if ('earlier' in claim) return replay(claim.earlier, fingerprint, res);
    let answer: UpstreamAnswer;
    try {
      answer = await execute();
    } catch (error) {
      await this.letGo(claim.lock);
      throw error;
    }
    await (answer.status >= 500 ? this.letGo(claim.lock) : this.keep(claim.lock, answer));
    return answer;
  }

  private async keep(lock: IdempotencyLock, answer: UpstreamAnswer): Promise<void> {
    const kept = await this.store.complete(lock, answer).catch((error: unknown) => {
      // the call has had its effect: its answer is worth more to the client than a 503 would be
      this.logger.error(`answer could not be kept for idempotency: ${(error as Error).message}`);
      return true;
    });
    if (!kept) this.logger.warn('idempotency claim expired before the answer came; the answer was not kept');
  }

  /** A failure here leaves the claim to expire on its own: the client sees 409 until then, never a second run. */
  private async letGo(lock: IdempotencyLock): Promise<void> {
    await this.store.release(lock).catch((error: unknown) => this.logger.error(`idempotency key could not be released: ${(error as Error).message}`));
  }
}

function replay(earlier: IdempotencyRecord, fingerprint: string, res: ServerResponse): UpstreamAnswer {
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
  return earlier.answer;
}
