import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { vietnamDay } from '@lienthong/domain-dossier';
import { GatewayEnv } from '../config';
import { REDIS, redisKey } from '../redis.provider';
import { AccessException, AccessProblem } from './access.exception';

const DAY_SECONDS = 24 * 60 * 60;
/** Vietnam has no daylight saving: its midnight is always 17:00 UTC. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const secondsToVietnamMidnight = (now: number): number => DAY_SECONDS - Math.floor(((now + VIETNAM_OFFSET_MS) / 1000) % DAY_SECONDS);

/**
 * Per-system quotas in Redis, shared by every gateway instance: a request rate, so one noisy system cannot
 * starve the others, and a daily cap that resets at Vietnamese midnight.
 */
@Injectable()
export class ClientRateLimiter {
  private readonly perSecond: RateLimiterRedis;
  private readonly perDay: RateLimiterRedis;
  private day = { number: Number.NaN, label: '' };

  constructor(@Inject(REDIS) redis: Redis, private readonly config: GatewayEnv) {
    const rate = { points: config.RATE_LIMIT_PER_SECOND, duration: 1 };
    const cap = { points: config.DAILY_REQUEST_CAP, duration: DAY_SECONDS + 60 };
    // while Redis is unreachable each instance limits on its own rather than failing every call
    this.perSecond = new RateLimiterRedis({ storeClient: redis, keyPrefix: redisKey(config, 'rate'), ...rate, insuranceLimiter: new RateLimiterMemory(rate) });
    this.perDay = new RateLimiterRedis({ storeClient: redis, keyPrefix: redisKey(config, 'daily'), ...cap, insuranceLimiter: new RateLimiterMemory(cap) });
  }

  /**
   * Counts the call against both quotas at once: one round trip to Redis for the two (the client pipelines commands
   * sent in the same tick). Every call counts against the day, a call refused for its rate too.
   */
  async consume(systemId: string, res: Response): Promise<void> {
    const now = Date.now();
    // the day is part of the key, so the count starts again at midnight whatever the window says
    const [rate, daily] = await Promise.all([this.take(this.perSecond, systemId), this.take(this.perDay, `${systemId}:${this.today(now)}`)]);
    this.setHeaders(res, this.config.RATE_LIMIT_PER_SECOND, rate);
    if (!rate.allowed) this.refuse(res, `${systemId} is limited to ${this.config.RATE_LIMIT_PER_SECOND} requests per second`, rate.result.msBeforeNext / 1000);
    if (!daily.allowed) this.refuse(res, `${systemId} has used its ${this.config.DAILY_REQUEST_CAP} requests of the day`, secondsToVietnamMidnight(now));
  }

  /** The Vietnamese day as YYMMDD, formatted once a day rather than on every call. */
  private today(now: number): string {
    const day = Math.floor((now + VIETNAM_OFFSET_MS) / 1000 / DAY_SECONDS);
    if (day !== this.day.number) this.day = { number: day, label: vietnamDay(new Date(now)) };
    return this.day.label;
  }

  private async take(limiter: RateLimiterRedis, key: string): Promise<{ allowed: boolean; result: RateLimiterRes }> {
    try {
      return { allowed: true, result: await limiter.consume(key) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, result: rejection };
    }
  }

  private refuse(res: Response, detail: string, retryAfter: number): never {
    const seconds = Math.max(1, Math.ceil(retryAfter));
    res.setHeader('Retry-After', String(seconds));
    throw new AccessException(AccessProblem.RateLimited, detail, { retryAfterSeconds: seconds });
  }

  private setHeaders(res: Response, limit: number, { result }: { result: RateLimiterRes }): void {
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, result.remainingPoints)));
    res.setHeader('RateLimit-Reset', String(Math.ceil(result.msBeforeNext / 1000)));
  }
}
