import type Redis from 'ioredis';
import { vietnamDay } from '@lienthong/domain-dossier';
import { demoApiKeyOf, oneStopSystemOf } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp } from '@lienthong/platform-testing';
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
});
