import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { demoApiKeyOf, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { GatewayEnv } from '../src/config';
import { REDIS } from '../src/redis.provider';
import { FakeAnswer, FakeUpstream, ForwardedCall, startFakeUpstream } from './fake-upstream.support';

const SECRET = 'gateway-idempotency-int-spec';
const key = (system: string) => ({ 'x-api-key': demoApiKeyOf(SECRET, system) });
const PORTAL = key(NATIONAL_PORTAL_SYSTEM);
const THANH_HOA = key(oneStopSystemOf('H56'));
const CODE = '000.00.06.H56-261123-0001';
const SUBMISSION = { agencyCode: '000.00.06.H56', summary: 'Hồ sơ đăng ký khai sinh' };

/** How the fake intake answers: slow, or failing for the next few calls. */
const behaviour = { delayMs: 0, failures: 0 };

/** Plays intake: numbers its answers, and can be made slow or failing. */
async function intakeAnswer({ url }: ForwardedCall, call: number): Promise<FakeAnswer> {
  await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
  if (behaviour.failures > 0) {
    behaviour.failures -= 1;
    return { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '2' }, body: { status: 503, title: 'Intake is restarting' } };
  }
  const created = url === '/dossiers';
  return { status: created ? 201 : 200, headers: created ? { location: `/v1/dossiers/${CODE}` } : {}, body: { code: CODE, call } };
}

const gatewayOf = (overrides: Record<string, string>) =>
  startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, ...overrides })), GATEWAY_BODIES);

describe('gateway: Idempotency-Key on POST (real Redis)', () => {
  let gateway: TestApp;
  let upstream: FakeUpstream;

  const submit = (headers: Record<string, string>, body: unknown = SUBMISSION, via = gateway) =>
    request(`${via.baseUrl}/v1/dossiers`, { headers: { ...PORTAL, ...headers }, body });

  beforeAll(async () => {
    upstream = await startFakeUpstream(intakeAnswer);
    gateway = await gatewayOf({ INTAKE_URL: upstream.url });
  }, 60000);

  afterEach(() => Object.assign(behaviour, { delayMs: 0, failures: 0 }));

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('replays the stored answer to a retry, with Idempotent-Replayed, without calling intake again', async () => {
    const idempotencyKey = randomUUID();
    const before = upstream.calls.length;
    const first = await submit({ 'idempotency-key': idempotencyKey });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    // the same body with its members in another order is the same request
    const retry = await submit({ 'idempotency-key': idempotencyKey }, { summary: SUBMISSION.summary, agencyCode: SUBMISSION.agencyCode });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe(`/v1/dossiers/${CODE}`);
    expect(retry.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(upstream.calls.length).toBe(before + 1);
  });

  it('refuses the same key with a different body (422 problem+json), forwarding nothing', async () => {
    const idempotencyKey = randomUUID();
    expect((await submit({ 'idempotency-key': idempotencyKey })).status).toBe(201);
    const before = upstream.calls.length;
    const reused = await submit({ 'idempotency-key': idempotencyKey }, { ...SUBMISSION, summary: 'another dossier' });
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toMatch(/problem\+json/);
    expect(reused.body.type).toMatch(/idempotency-key-reused$/);
    expect(upstream.calls.length).toBe(before);
  });

  it('answers 409 with Retry-After to a request arriving while the first with its key is in flight', async () => {
    behaviour.delayMs = 500;
    const idempotencyKey = randomUUID();
    const before = upstream.calls.length;
    const answers = await Promise.all([submit({ 'idempotency-key': idempotencyKey }), submit({ 'idempotency-key': idempotencyKey })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const conflict = answers.find((a) => a.status === 409)!;
    expect(conflict.body.type).toMatch(/idempotency-key-in-flight$/);
    expect(Number(conflict.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(upstream.calls.length).toBe(before + 1);

    const later = await submit({ 'idempotency-key': idempotencyKey });
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(later.body).toEqual(answers.find((a) => a.status === 201)!.body);
  });

  it('refuses a malformed key with 400 problem+json, forwarding nothing', async () => {
    const before = upstream.calls.length;
    for (const malformed of ['', 'k'.repeat(256), 'clé']) {
      const res = await submit({ 'idempotency-key': malformed });
      expect(res.status).toBe(400);
      expect(res.body.type).toMatch(/idempotency-key-malformed$/);
    }
    const longest = `${randomUUID()}${'k'.repeat(255 - 36)}`;
    expect((await submit({ 'idempotency-key': longest })).status).toBe(201);
    expect(upstream.calls.length).toBe(before + 1);
  });

  it('does not keep a 5xx answer of intake: the retry reaches intake and its answer is kept', async () => {
    behaviour.failures = 1;
    const idempotencyKey = randomUUID();
    const before = upstream.calls.length;
    const failed = await submit({ 'idempotency-key': idempotencyKey });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');

    const retry = await submit({ 'idempotency-key': idempotencyKey });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(upstream.calls.length).toBe(before + 2);
    expect((await submit({ 'idempotency-key': idempotencyKey })).headers.get('idempotent-replayed')).toBe('true');
    expect(upstream.calls.length).toBe(before + 2);
  });

  it('lets the key go when intake cannot be reached (502), so that the retry runs', async () => {
    const idempotencyKey = randomUUID();
    const unreachable = await gatewayOf({ INTAKE_URL: 'http://127.0.0.1:9' });
    try {
      const failed = await submit({ 'idempotency-key': idempotencyKey }, SUBMISSION, unreachable);
      expect(failed.status).toBe(502);
    } finally {
      await unreachable.close();
    }
    const before = upstream.calls.length;
    const retry = await submit({ 'idempotency-key': idempotencyKey });
    expect(retry.status).toBe(201);
    expect(upstream.calls.length).toBe(before + 1);
  });

  it('keeps the keys of two client systems apart', async () => {
    const idempotencyKey = randomUUID();
    const before = upstream.calls.length;
    const portal = await submit({ 'idempotency-key': idempotencyKey });
    const statusUpdate = () =>
      request(`${gateway.baseUrl}/v1/dossiers/${CODE}/status`, { headers: { ...THANH_HOA, 'idempotency-key': idempotencyKey }, body: { status: 2 } });
    const province = await statusUpdate();
    expect([portal.status, province.status]).toEqual([201, 200]);
    expect(upstream.calls.length).toBe(before + 2);

    const [portalRetry, provinceRetry] = [await submit({ 'idempotency-key': idempotencyKey }), await statusUpdate()];
    expect(portalRetry.body).toEqual(portal.body);
    expect(provinceRetry.body).toEqual(province.body);
    expect([portalRetry.headers.get('idempotent-replayed'), provinceRetry.headers.get('idempotent-replayed')]).toEqual(['true', 'true']);
    expect(upstream.calls.length).toBe(before + 2);
  });

  it('forwards every POST without the header, as before', async () => {
    const before = upstream.calls.length;
    const [a, b] = [await submit({}), await submit({})];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).not.toEqual(a.body);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(upstream.calls.length).toBe(before + 2);
  });

  it('answers 503 attributed to the gateway when Redis cannot be reached, forwarding nothing', async () => {
    const withoutRedis = await gatewayOf({ INTAKE_URL: upstream.url, REDIS_URL: 'redis://127.0.0.1:9' });
    try {
      const before = upstream.calls.length;
      const res = await submit({ 'idempotency-key': randomUUID() }, SUBMISSION, withoutRedis);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.body).toMatchObject({ errorSide: 'gateway' });
      expect(upstream.calls.length).toBe(before);
    } finally {
      await withoutRedis.close();
      // RedisReadiness' quit() fails on a client that never connected, leaving it reconnecting (and jest running)
      withoutRedis.app.get<Redis>(REDIS).disconnect();
    }
  });
});
