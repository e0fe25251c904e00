import Redis from 'ioredis';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { loadConfig } from '@lienthong/platform-config';
import { GatewayEnv } from '../config';
import { AccessException } from './access.exception';
import { answerQuota, ClientRateLimiter } from './client-rate-limiter';

// a client that never connected: every Redis call fails at once, as while Redis is unreachable
const unreachableRedis = () => {
  const redis = new Redis({ lazyConnect: true, enableOfflineQueue: false });
  redis.disconnect();
  return redis;
};

describe('ClientRateLimiter while Redis is unreachable (the insurance limiter)', () => {
  const limiterOf = (rate: number, cap: number) =>
    new ClientRateLimiter(unreachableRedis(), loadConfig(GatewayEnv, { RATE_LIMIT_PER_SECOND: String(rate), DAILY_REQUEST_CAP: String(cap) }));

  // 23:00 in Vietnam: an hour before its midnight
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-23T16:00:00.000Z'), doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('describes the rate on every call', async () => {
    const limiter = limiterOf(3, 5);
    expect(await limiter.consume('VN/GOV/H17')).toEqual({ limit: 3, remaining: 2, resetSeconds: 1 });
    expect(await limiter.consume('VN/GOV/H17')).toEqual({ limit: 3, remaining: 1, resetSeconds: 1 });
  });

  it('refuses a system over its rate until the window ends, one over its day until Vietnamese midnight', async () => {
    const limiter = limiterOf(3, 5);
    for (let i = 0; i < 3; i++) expect((await limiter.consume('VN/GOV/H17')).refusal).toBeUndefined();
    expect(await limiter.consume('VN/GOV/H17')).toEqual({
      limit: 3,
      remaining: 0,
      resetSeconds: 1,
      refusal: { detail: 'VN/GOV/H17 is limited to 3 requests per second', retryAfterSeconds: 1 },
    });
    // refused for its rate, yet counted against the day: the fifth call of the day
    expect((await limiter.consume('VN/GOV/H17')).refusal?.detail).toMatch(/per second/);
    expect((await limiter.consume('VN/GOV/H26')).refusal).toBeUndefined();
    jest.advanceTimersByTime(1000);
    expect((await limiter.consume('VN/GOV/H17')).refusal).toEqual({ detail: 'VN/GOV/H17 has used its 5 requests of the day', retryAfterSeconds: 3599 });
  });
});

describe('answerQuota', () => {
  const response = () => new ServerResponse(new IncomingMessage(new Socket()));

  it('sets the RateLimit headers of an admitted call and lets it through', () => {
    const res = response();
    answerQuota(res, { limit: 100, remaining: 42, resetSeconds: 1 });
    expect(res.getHeaders()).toEqual({ 'ratelimit-limit': '100', 'ratelimit-remaining': '42', 'ratelimit-reset': '1' });
  });

  it('refuses a call with Retry-After and a rate-limited problem', () => {
    const res = response();
    const refuse = () => answerQuota(res, { limit: 100, remaining: 0, resetSeconds: 1, refusal: { detail: 'VN/GOV/H17 has used its 5 requests of the day', retryAfterSeconds: 3600 } });
    expect(refuse).toThrow(AccessException);
    expect(refuse).toThrow(expect.objectContaining({ status: 429, detail: 'VN/GOV/H17 has used its 5 requests of the day', extensions: { retryAfterSeconds: 3600 } }));
    expect(res.getHeader('retry-after')).toBe('3600');
    expect(res.getHeader('ratelimit-remaining')).toBe('0');
  });
});
