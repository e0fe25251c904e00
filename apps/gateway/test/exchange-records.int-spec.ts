import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { exchangeRecordedV1, type ExchangeRecordedV1 } from '@lienthong/contracts';
import { demoApiKeyOf, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf, OPERATOR_SYSTEM } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { GatewayEnv } from '../src/config';
import { ExchangeRecordsService } from '../src/exchanges/exchange-records.service';
import { exchangeRecordOf, RECORD_TIMEOUT_MS } from './exchange-records.support';
import { FakeUpstream, startFakeUpstream } from './fake-upstream.support';

const SECRET = 'exchange-records-int-spec';
const key = (system: string) => ({ 'x-api-key': demoApiKeyOf(SECRET, system) });
const THANH_HOA_SYSTEM = oneStopSystemOf('H56');
const CODE = '000.00.06.H56-261123-0001';
const UPSTREAM_ANSWER = { code: CODE, status: 2 };
const EXCHANGE_ID = 'x-lienthong-exchange-id';

const gatewayConfig = (upstreamUrl: string) =>
  loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, INTAKE_URL: upstreamUrl, CATALOGUE_URL: upstreamUrl });

describe('gateway: one exchange record per call, published off the request path, queried by operators', () => {
  let gateway: TestApp;
  let upstream: FakeUpstream;

  const exchanges = (query: Record<string, string>, headers: Record<string, string> = key(OPERATOR_SYSTEM)) =>
    request(`${gateway.baseUrl}/v1/operator/exchanges?${new URLSearchParams(query)}`, { headers });

  const recordOf = (exchangeId: string | null, query: Record<string, string>) => exchangeRecordOf(gateway.baseUrl, key(OPERATOR_SYSTEM), exchangeId, query);

  beforeAll(async () => {
    upstream = await startFakeUpstream(({ method }) => (method === 'POST' ? { status: 201, headers: { location: `/v1/dossiers/${CODE}` }, body: UPSTREAM_ANSWER } : { status: 200, body: UPSTREAM_ANSWER }));
    gateway = await startTestApp(AppModule.register(gatewayConfig(upstream.url)), GATEWAY_BODIES);
  }, 60000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('records a granted call: who, what, about which dossier, outcome, sizes and times', async () => {
    const before = Date.now();
    const res = await request(`${gateway.baseUrl}/v1/dossiers/${CODE}`, { headers: key(THANH_HOA_SYSTEM) });
    expect(res.status).toBe(200);
    const record = await recordOf(res.headers.get(EXCHANGE_ID), { system: THANH_HOA_SYSTEM, service: 'dossier.read' });
    expect(record).toMatchObject({
      client: THANH_HOA_SYSTEM,
      service: 'dossier.read',
      target: 'intake',
      method: 'GET',
      route: '/v1/dossiers/:code',
      subject: CODE,
      status: 200,
      errorSide: 'none',
      requestBytes: 0,
      responseBytes: Buffer.byteLength(JSON.stringify(UPSTREAM_ANSWER)),
    });
    const [startedAt, endedAt] = [Date.parse(record.startedAt), Date.parse(record.endedAt)];
    expect(startedAt).toBeGreaterThanOrEqual(before - 1);
    expect(endedAt).toBeGreaterThanOrEqual(startedAt);
    expect(endedAt).toBeLessThanOrEqual(Date.now());
    expect(record.durationMs).toBeGreaterThan(0);
    expect(record.durationMs).toBeLessThanOrEqual(endedAt - startedAt + 1);
  }, RECORD_TIMEOUT_MS);

  it('records the size of what a client sends, and the dossier a submission created as its subject', async () => {
    const body = { agencyCode: '000.00.06.H56', summary: 'Đăng ký khai sinh' };
    const res = await request(`${gateway.baseUrl}/v1/dossiers`, { headers: key(NATIONAL_PORTAL_SYSTEM), body });
    expect(res.status).toBe(201);
    const record = await recordOf(res.headers.get(EXCHANGE_ID), { system: NATIONAL_PORTAL_SYSTEM, service: 'dossier.submit' });
    expect(record).toMatchObject({ method: 'POST', route: '/v1/dossiers', subject: CODE, status: 201, errorSide: 'none' });
    expect(record.requestBytes).toBe(Buffer.byteLength(JSON.stringify(body)));
  }, RECORD_TIMEOUT_MS);

  it('records a call without credentials with no client, on the client side', async () => {
    const res = await request(`${gateway.baseUrl}/v1/dossiers/${CODE}`);
    expect(res.status).toBe(401);
    const record = await recordOf(res.headers.get(EXCHANGE_ID), { status: '401' });
    expect(record).toMatchObject({ client: null, service: 'dossier.read', target: null, subject: CODE, status: 401, errorSide: 'client' });
  }, RECORD_TIMEOUT_MS);

  it('records a refused call against the system that made it', async () => {
    const res = await request(`${gateway.baseUrl}/v1/dossiers/${CODE}/status`, { headers: key(NATIONAL_PORTAL_SYSTEM), body: { status: 2 } });
    expect(res.status).toBe(403);
    const record = await recordOf(res.headers.get(EXCHANGE_ID), { system: NATIONAL_PORTAL_SYSTEM, status: '403' });
    expect(record).toMatchObject({ client: NATIONAL_PORTAL_SYSTEM, service: 'dossier.update-status', status: 403, errorSide: 'client' });
  }, RECORD_TIMEOUT_MS);

  it('records a refusal told in the DVCQG dialect (HTTP 200, error_code -1) with the status it stands for', async () => {
    const res = await request(`${gateway.baseUrl}/v1/compat/dvcqg/TraCuuHoSo`, { headers: key(THANH_HOA_SYSTEM), body: { MaHoSo: '000.00.06.H26-261123-0001' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ error_code: -1, problem: { status: 403 } });
    const record = await recordOf(res.headers.get(EXCHANGE_ID), { system: THANH_HOA_SYSTEM, status: '403' });
    expect(record).toMatchObject({ route: '/v1/compat/dvcqg/TraCuuHoSo', status: 403, errorSide: 'client' });
  }, RECORD_TIMEOUT_MS);

  it('records calls that reach no route, or are refused before routing', async () => {
    const lost = await request(`${gateway.baseUrl}/v1/nowhere`, { headers: key(THANH_HOA_SYSTEM) });
    expect(lost.status).toBe(404);
    expect(await recordOf(lost.headers.get(EXCHANGE_ID), { status: '404' })).toMatchObject({ service: 'unrouted', route: null, errorSide: 'client' });
    const garbled = await request(`${gateway.baseUrl}/v1/dossiers`, { headers: key(NATIONAL_PORTAL_SYSTEM), body: '{"agencyCode": ' });
    expect(garbled.status).toBe(400);
    expect(await recordOf(garbled.headers.get(EXCHANGE_ID), { status: '400' })).toMatchObject({ method: 'POST', errorSide: 'client', requestBytes: 15 });
  }, RECORD_TIMEOUT_MS);

  it('records a call whose key is cut at the length limit in the middle of a surrogate pair, by whole characters', async () => {
    const res = await request(`${gateway.baseUrl}/v1/dossiers/${encodeURIComponent(`x${'😀'.repeat(300)}`)}`);
    expect(res.status).toBe(401);
    expect(await recordOf(res.headers.get(EXCHANGE_ID), { status: '401' })).toMatchObject({ subject: `x${'😀'.repeat(199)}` });
  }, RECORD_TIMEOUT_MS);

  it('attributes an unreachable service to the provider, whichever gateway instance recorded it', async () => {
    const stopped = await startTestApp(AppModule.register(gatewayConfig('http://127.0.0.1:9')), GATEWAY_BODIES);
    let exchangeId: string | null;
    try {
      const res = await request(`${stopped.baseUrl}/v1/dossiers/${CODE}`, { headers: key(NATIONAL_PORTAL_SYSTEM) });
      expect(res.status).toBe(502);
      exchangeId = res.headers.get(EXCHANGE_ID);
    } finally {
      await stopped.close();
    }
    const record = await recordOf(exchangeId, { errorSide: 'provider' });
    expect(record).toMatchObject({ client: NATIONAL_PORTAL_SYSTEM, service: 'dossier.read', target: 'intake', status: 502, errorSide: 'provider' });
  }, RECORD_TIMEOUT_MS);

  it('stores the records of an edge instance that leaves storing to others (EXCHANGE_RECORDS_STORE off)', async () => {
    const edgeConfig = loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, INTAKE_URL: upstream.url, EXCHANGE_RECORDS_STORE: 'false' });
    const edge = await startTestApp(AppModule.register(edgeConfig), GATEWAY_BODIES);
    let exchangeId: string | null;
    try {
      const res = await request(`${edge.baseUrl}/v1/dossiers/${CODE}`, { headers: key(NATIONAL_PORTAL_SYSTEM) });
      expect(res.status).toBe(200);
      exchangeId = res.headers.get(EXCHANGE_ID);
    } finally {
      await edge.close();
    }
    expect(await recordOf(exchangeId, { system: NATIONAL_PORTAL_SYSTEM })).toMatchObject({ client: NATIONAL_PORTAL_SYSTEM, status: 200 });
  }, RECORD_TIMEOUT_MS);

  it('ships the record of a call still in flight when the instance stops', async () => {
    const slow = await startFakeUpstream(async () => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      return { status: 200, body: UPSTREAM_ANSWER };
    });
    const stopping = await startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, INTAKE_URL: slow.url, EXCHANGE_RECORDS_STORE: 'false' })), GATEWAY_BODIES);
    try {
      const answered = request(`${stopping.baseUrl}/v1/dossiers/${CODE}`, { headers: key(NATIONAL_PORTAL_SYSTEM) });
      await new Promise((resolve) => setTimeout(resolve, 200)); // the call is with the upstream
      const closed = stopping.close();
      const res = await answered;
      await closed;
      expect(res.status).toBe(200);
      expect(await recordOf(res.headers.get(EXCHANGE_ID), { system: NATIONAL_PORTAL_SYSTEM })).toMatchObject({ status: 200, target: 'intake' });
    } finally {
      await slow.close();
    }
  }, RECORD_TIMEOUT_MS);

  it('lists newest first and filters by time range', async () => {
    const from = new Date().toISOString();
    const first = await request(`${gateway.baseUrl}/v1/procedures/1.000358`, { headers: key(THANH_HOA_SYSTEM) });
    const second = await request(`${gateway.baseUrl}/v1/procedures/1.000358`, { headers: key(THANH_HOA_SYSTEM) });
    await recordOf(first.headers.get(EXCHANGE_ID), { system: THANH_HOA_SYSTEM, service: 'procedure.read', from });
    await recordOf(second.headers.get(EXCHANGE_ID), { system: THANH_HOA_SYSTEM, service: 'procedure.read', from });
    const listed = await exchanges({ system: THANH_HOA_SYSTEM, service: 'procedure.read', from, to: new Date(Date.now() + 60000).toISOString() });
    expect(listed.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect((listed.body.items as unknown as ExchangeRecordedV1[]).map((r) => r.exchangeId)).toEqual([second.headers.get(EXCHANGE_ID), first.headers.get(EXCHANGE_ID)]);
    const earlier = (await exchanges({ system: THANH_HOA_SYSTEM, service: 'procedure.read', to: from, pageSize: '100' })).body.items as unknown as ExchangeRecordedV1[];
    expect(earlier.every((r) => r.startedAt < from)).toBe(true);
  }, RECORD_TIMEOUT_MS);

  it('opens the operator API to operators only', async () => {
    expect((await exchanges({}, key(NATIONAL_PORTAL_SYSTEM))).status).toBe(403);
    expect((await exchanges({}, {})).status).toBe(401);
    expect((await exchanges({})).status).toBe(200);
  });

  it.each([
    [{ status: 'teapot' }],
    [{ status: '99' }],
    [{ errorSide: 'nobody' }],
    [{ from: 'yesterday' }],
    [{ from: '2026-11-23' }],
    [{ to: '2026-13-01T00:00:00Z' }],
    [{ from: '2026-11-23T08:00:00Z', to: '2026-11-23T07:00:00Z' }],
    [{ pageSize: '1000' }],
    [{ client: THANH_HOA_SYSTEM }],
  ])('refuses bad query parameters %j with 400 problem+json', async (query) => {
    const res = await exchanges(query);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('stores a fetch of hundreds of records in rounds, each record stored and audited once, in order, one seq after another', async () => {
    const run = randomUUID();
    const records = Array.from({ length: 250 }, () => ({ ...exchangeRecordedV1.example, exchangeId: randomUUID(), subject: run }));
    // a record shipped twice, the second time in a later round of the same fetch
    const db = gateway.app.get(DataSource);
    await db.transaction((manager) => gateway.app.get(ExchangeRecordsService).store(manager, [...records.slice(0, 180), records[20], ...records.slice(180)]));
    const stored = await db.query(`SELECT count(*)::int AS n FROM exchange_records WHERE subject = $1`, [run]);
    expect(stored[0].n).toBe(250);
    const audited: { subject: string; seq: string }[] = await db.query(
      `SELECT subject, seq FROM audit_log WHERE action = 'exchange.recorded' AND details->>'subject' = $1 ORDER BY seq`,
      [run],
    );
    expect(audited.map((entry) => entry.subject)).toEqual(records.map((record) => record.exchangeId));
    expect(Number(audited[249].seq) - Number(audited[0].seq)).toBe(249);
  });

  it('puts the exchange id on every /v1 answer and counts dropped records in /metrics', async () => {
    expect((await request(`${gateway.baseUrl}/v1`)).headers.get(EXCHANGE_ID)).toMatch(/^[0-9a-f-]{36}$/);
    expect((await request(`${gateway.baseUrl}/health/live`)).headers.get(EXCHANGE_ID)).toBeNull();
    const metrics = await fetch(`${gateway.baseUrl}/metrics`).then((res) => res.text());
    expect(metrics).toContain('lienthong_exchange_records_dropped_total');
  });
});
