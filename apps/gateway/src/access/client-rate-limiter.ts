import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { vietnamDay } from '@lienthong/domain-dossier';
import { GatewayEnv } from '../config';
import { REDIS, redisKey } from '../redis.provider';
import { AccessException, AccessProblem } from './access.exception';
import { QuotaLeases } from './quota-leases';

const DAY_SECONDS = 24 * 60 * 60;
/** Vietnam has no daylight saving: its midnight is always 17:00 UTC. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const secondsToVietnamMidnight = (now: number): number => DAY_SECONDS - Math.floor(((now + VIETNAM_OFFSET_MS) / 1000) % DAY_SECONDS);
const vietnamDayNumber = (now: number): number => Math.floor((now + VIETNAM_OFFSET_MS) / 1000 / DAY_SECONDS);

/** A call's quotas as RateLimit-* headers describe them (the rate), and the refusal of the call if any. */
export interface QuotaVerdict {
  limit: number;
  remaining: number;
  resetSeconds: number;
  refusal?: { detail: string; retryAfterSeconds: number };
}

/** Every answer carries the RateLimit-* headers, a refused one (thrown: 429) Retry-After too. */
export function answerQuota(res: ServerResponse, verdict: QuotaVerdict): void {
  res.setHeader('RateLimit-Limit', String(verdict.limit));
  res.setHeader('RateLimit-Remaining', String(verdict.remaining));
  res.setHeader('RateLimit-Reset', String(verdict.resetSeconds));
  if (!verdict.refusal) return;
  const { detail, retryAfterSeconds } = verdict.refusal;
  res.setHeader('Retry-After', String(retryAfterSeconds));
  throw new AccessException(AccessProblem.RateLimited, detail, { retryAfterSeconds });
}

interface Day {
  number: number;
  label: string;
  leases: QuotaLeases;
}

/**
 * Per-system quotas counted in Redis, shared by every gateway instance: a request rate, so one noisy system cannot
 * starve the others, and a daily cap that resets at Vietnamese midnight. Each instance takes them in leases
 * (QuotaLeases), so that most calls cost no Redis round trip.
 */
@Injectable()
export class ClientRateLimiter {
  private readonly perSecond: QuotaLeases;
  private readonly perDayLimiter: RateLimiterRedis;
  private day?: Day;

  constructor(@Inject(REDIS) redis: Redis, private readonly config: GatewayEnv) {
    const rate = { points: config.RATE_LIMIT_PER_SECOND, duration: 1 };
    const cap = { points: config.DAILY_REQUEST_CAP, duration: DAY_SECONDS + 60 };
    // while Redis is unreachable each instance limits on its own rather than failing every call
    this.perSecond = new QuotaLeases(new RateLimiterRedis({ storeClient: redis, keyPrefix: redisKey(config, 'rate'), ...rate, insuranceLimiter: new RateLimiterMemory(rate) }));
    this.perDayLimiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: redisKey(config, 'daily'), ...cap, insuranceLimiter: new RateLimiterMemory(cap) });
  }

  /** Counts the call against both quotas at once. Every call counts against the day, a call refused for its rate too. */
  async consume(systemId: string): Promise<QuotaVerdict> {
    const now = Date.now();
    const today = this.today(now);
    // the day is part of the key, so the count starts again at midnight whatever the window says
    const [rate, daily] = await Promise.all([this.perSecond.take(systemId), today.leases.take(`${systemId}:${today.label}`)]);
    const verdict = { limit: this.config.RATE_LIMIT_PER_SECOND, remaining: rate.remaining, resetSeconds: Math.ceil(rate.msBeforeReset / 1000) };
    if (!rate.admitted) {
      return { ...verdict, refusal: { detail: `${systemId} is limited to ${this.config.RATE_LIMIT_PER_SECOND} requests per second`, retryAfterSeconds: Math.max(1, verdict.resetSeconds) } };
    }
    if (!daily.admitted) {
      return { ...verdict, refusal: { detail: `${systemId} has used its ${this.config.DAILY_REQUEST_CAP} requests of the day`, retryAfterSeconds: secondsToVietnamMidnight(now) } };
    }
    return verdict;
  }

  /**
   * The Vietnamese day as YYMMDD, formatted once a day rather than on every call, with that day's leases: the
   * previous day's keys are never asked again, so their leases go with it.
   */
  private today(now: number): Day {
    const number = vietnamDayNumber(now);
    if (!this.day || this.day.number !== number) this.day = { number, label: vietnamDay(new Date(now)), leases: new QuotaLeases(this.perDayLimiter) };
    return this.day;
  }
}
