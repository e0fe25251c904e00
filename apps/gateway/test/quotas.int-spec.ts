import type Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { vietnamDay } from '@lienthong/domain-dossier';
import { demoApiKeyOf, oneStopSystemOf } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GatewayEnv } from '../src/config';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { REDIS, redisKey } from '../src/redis.provider';

const SECRET = 'quotas-int-spec';
const key = (province: string) => ({ 'x-api-key': demoApiKeyOf(SECRET, oneStopSystemOf(province)) });
// a granted route whose upstream is unreachable: past the guard it answers 502, so a 429 comes from the quota only
const PROCEDURE = '/v1/procedures/1.000358';

describe('gateway quotas: per-system rate and daily cap in Redis (real Redis, PostgreSQL, Kafka)', () => {
  const start = (overrides: Record<string, string>) =>
    startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, CATALOGUE_URL: 'http://127.0.0.1:9', ...overrides })), GATEWAY_BODIES);

  it('answers a system over its rate with 429, Retry-After and RateLimit headers, while another system goes on', async () => {
    const gateway: TestApp = await start({ RATE_LIMIT_PER_SECOND: '3' });
    try {
      const noisy = await Promise.all(Array.from({ length: 10 }, () => request(`${gateway.baseUrl}${PROCEDURE}`, { headers: key('H17') })));
      const refused = noisy.filter((r) => r.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(4);
      expect(refused[0].headers.get('content-type')).toMatch(/problem\+json/);
      expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused[0].headers.get('ratelimit-limit')).toBe('3');
      expect(refused[0].headers.get('ratelimit-remaining')).toBe('0');
      expect((await request(`${gateway.baseUrl}${PROCEDURE}`, { headers: key('H26') })).status).not.toBe(429);
    } finally {
      await gateway.close();
    }
  }, 60000);

  it('answers a system past its daily cap with 429 until Vietnamese midnight', async () => {
    const gateway: TestApp = await start({ DAILY_REQUEST_CAP: '5' });
    try {
      // earlier runs of this test today have counted against the same key
      await gateway.app.get<Redis>(REDIS).del(`${redisKey(gateway.app.get(GatewayEnv), 'daily')}:${oneStopSystemOf('H13')}:${vietnamDay(new Date())}`);
      for (let i = 0; i < 5; i++) expect((await request(`${gateway.baseUrl}${PROCEDURE}`, { headers: key('H13') })).status).not.toBe(429);
      const refused = await request(`${gateway.baseUrl}${PROCEDURE}`, { headers: key('H13') });
      expect(refused.status).toBe(429);
      expect(refused.body.detail).toMatch(/5 requests of the day/);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(24 * 60 * 60);
    } finally {
      await gateway.close();
    }
  }, 60000);

  it('shares a rate between two instances exactly, taking it from Redis in leases rather than call by call', async () => {
    // 100 a second: leases of 5 points
    const gateways = [await start({ RATE_LIMIT_PER_SECOND: '100' }), await start({ RATE_LIMIT_PER_SECOND: '100' })];
    const leaseRequests = jest.spyOn(RateLimiterRedis.prototype, 'consume');
    try {
      const system = oneStopSystemOf('H48');
      const redis = gateways[0].app.get<Redis>(REDIS);
      const call = (gateway: TestApp) => request(`${gateway.baseUrl}${PROCEDURE}`, { headers: key('H48') });
      // credentials looked up, then the warm-up's window over (its leases end with it): the calls below open a window
      for (const gateway of gateways) await call(gateway);
      await waitFor(async () => (await redis.exists(`${redisKey(gateways[0].app.get(GatewayEnv), 'rate')}:${system}`)) === 0, 'the end of the warm-up window');
      leaseRequests.mockClear();

      const calls = 200;
      const sentAt = Date.now();
      const answers = await Promise.all(Array.from({ length: calls }, (_, i) => call(gateways[i % 2]).then(({ status }) => ({ status, at: Date.now() }))));
      // the window opened after sentAt, so these were decided in it; the slowest answers may belong to the next one
      const inWindow = answers.filter((a) => a.at < sentAt + 1000);
      expect(inWindow.filter((a) => a.status !== 429).length).toBeLessThanOrEqual(100);
      expect(inWindow.some((a) => a.status === 429)).toBe(true);
      // about one lease of 5 per 5 admitted calls, and one refused lease per instance and window: not one per call
      const rateRequests = leaseRequests.mock.calls.filter(([rateKey]) => rateKey === system).length;
      expect(rateRequests).toBeLessThan(calls / 4);
    } finally {
      leaseRequests.mockRestore();
      for (const gateway of gateways) await gateway.close();
    }
  }, 60000);
});
