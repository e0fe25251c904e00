import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { hash, randomUUID } from 'node:crypto';
import { GatewayEnv } from '../config';
import type { UpstreamAnswer } from '../proxy/upstream-answer';
import { REDIS, redisKey } from '../redis.provider';

/** What is kept under one client's key: first a claim while the request runs, then the answer it got. */
export type IdempotencyRecord =
  | { state: 'in-flight'; fingerprint: string; token: string }
  | { state: 'answered'; fingerprint: string; answer: UpstreamAnswer };

/** A claim held by the request that runs: only its holder may store the answer or let the key go. */
export interface IdempotencyLock {
  key: string;
  claim: string;
  fingerprint: string;
}

/** The record as kept in Redis: JSON, with the answer's bytes in base64. */
type StoredRecord =
  | Extract<IdempotencyRecord, { state: 'in-flight' }>
  | { state: 'answered'; fingerprint: string; answer: Omit<UpstreamAnswer, 'body'> & { body: string } };

// compare-and-set: a claim that expired and was taken by a later request is not overwritten
const COMPLETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) return 1 end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Idempotency keys in Redis, shared by every gateway instance, scoped by client system. The key itself is hashed:
 * it is chosen by the client, so its length and characters are kept out of Redis key names.
 */
@Injectable()
export class IdempotencyStore {
  /**
   * How long a claim outlives a gateway that crashed while holding it. A proxied call can wait for the headers and
   * then for the body, each up to UPSTREAM_TIMEOUT_MS, so a live claim never expires before its answer is stored.
   */
  private readonly claimMs: number;

  constructor(@Inject(REDIS) private readonly redis: Redis, private readonly config: GatewayEnv) {
    this.claimMs = 2 * config.UPSTREAM_TIMEOUT_MS + 5000;
  }

  /** Claims the key for this request, or answers what an earlier request with the same key left. */
  async claim(systemId: string, idempotencyKey: string, fingerprint: string): Promise<{ lock: IdempotencyLock } | { earlier: IdempotencyRecord }> {
    const key = `${redisKey(this.config, 'idempotency', systemId)}:${hash('sha256', idempotencyKey)}`;
    const claim = JSON.stringify({ state: 'in-flight', fingerprint, token: randomUUID() } satisfies StoredRecord);
    const earlier = await this.redis.set(key, claim, 'PX', this.claimMs, 'NX', 'GET');
    return earlier === null ? { lock: { key, claim, fingerprint } } : { earlier: parse(earlier) };
  }

  /** Keeps the answer for IDEMPOTENCY_TTL_SECONDS; false when the claim was lost (expired) and nothing was kept. */
  async complete(lock: IdempotencyLock, answer: UpstreamAnswer): Promise<boolean> {
    const record = JSON.stringify({ state: 'answered', fingerprint: lock.fingerprint, answer: { ...answer, body: answer.body.toString('base64') } } satisfies StoredRecord);
    return (await this.redis.eval(COMPLETE, 1, lock.key, lock.claim, record, this.config.IDEMPOTENCY_TTL_SECONDS)) === 1;
  }

  /** Lets the key go, so that a retry runs again. */
  async release(lock: IdempotencyLock): Promise<void> {
    await this.redis.eval(RELEASE, 1, lock.key, lock.claim);
  }
}

function parse(value: string): IdempotencyRecord {
  const record = JSON.parse(value) as StoredRecord;
  if (record.state === 'in-flight') return record;
  return { ...record, answer: { ...record.answer, body: Buffer.from(record.answer.body, 'base64') } };
}
