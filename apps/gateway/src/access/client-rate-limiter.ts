import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { GatewayEnv } from '../config';
import { REDIS } from '../redis.provider';
import { AccessException, AccessProblem } from './access.exception';

/** Per-system request rate in Redis, shared by every gateway instance: one noisy system cannot starve the others. */
@Injectable()
export class ClientRateLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, private readonly config: GatewayEnv) {
    const rate = { points: config.RATE_LIMIT_PER_SECOND, duration: 1 };
    // while Redis is unreachable each instance limits on its own rather than failing every call
    this.limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'lienthong:rate', ...rate, insuranceLimiter: new RateLimiterMemory(rate) });
  }

  async consume(systemId: string, res: Response): Promise<void> {
    try {
      const result = await this.limiter.consume(systemId);
      this.setHeaders(res, result);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.setHeaders(res, rejection);
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      res.setHeader('Retry-After', String(seconds));
      throw new AccessException(AccessProblem.RateLimited, `${systemId} is limited to ${this.config.RATE_LIMIT_PER_SECOND} requests per second`, { retryAfterSeconds: seconds });
    }
  }

  private setHeaders(res: Response, result: RateLimiterRes): void {
    res.setHeader('RateLimit-Limit', String(this.config.RATE_LIMIT_PER_SECOND));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, result.remainingPoints)));
    res.setHeader('RateLimit-Reset', String(Math.ceil(result.msBeforeNext / 1000)));
  }
}
