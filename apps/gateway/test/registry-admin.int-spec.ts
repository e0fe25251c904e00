import { DataSource } from 'typeorm';
import { demoApiKeyOf, NATIONAL_PORTAL_SYSTEM, oneStopSystemOf, OPERATOR_SYSTEM } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { AuditRepository } from '../src/audit/audit.repository';
import { verifyAuditLog } from '../src/audit/audit.verifier';
import { GatewayEnv } from '../src/config';
import { DemoClientsSeeder } from '../src/registry/demo-clients.seeder';
import { FakeUpstream, startFakeUpstream } from './fake-upstream.support';

const SECRET = 'registry-admin-int-spec';
const OPERATOR = { 'x-api-key': demoApiKeyOf(SECRET, OPERATOR_SYSTEM) };
const PORTAL = { 'x-api-key': demoApiKeyOf(SECRET, NATIONAL_PORTAL_SYSTEM) };
const run = Date.now().toString(36).toUpperCase();
// a unit of Thanh Hóa (000.00.07.H56) with a subsystem of its own per run: the test database outlives runs
const NEW_SYSTEM = `VN/GOV/000.00.07.H56/SOYTE-${run}`;
const path = (id: string, rest = '') => `/v1/operator/systems/${encodeURIComponent(id)}${rest}`;
const DOSSIER = '000.00.06.H56-261123-0001';

describe('operator API on the registry, across two gateway instances (real PostgreSQL and Redis)', () => {
  let first: TestApp;
  let second: TestApp;
  let upstream: FakeUpstream;
  let auditFrom: number;
  let newKey: { id: string; apiKey: string };

  const boot = () => startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, INTAKE_URL: upstream.url, CATALOGUE_URL: upstream.url })), GATEWAY_BODIES);
  const operator = (url: string, init: { method?: string; body?: unknown } = {}) => request(`${first.baseUrl}${url}`, { ...init, headers: OPERATOR });
  const count = async (table: string, where = 'true') => Number((await first.app.get(DataSource).query(`SELECT count(*) AS n FROM gateway.${table} WHERE ${where}`))[0].n);
  // exchanges are audited too, whenever their records arrive: the seeding is judged by the registry's entries
  const registryAudit = () => count('audit_log', `action <> 'exchange.recorded'`);

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    first = await boot();
    second = await boot();
    auditFrom = (await first.app.get(DataSource).query(`SELECT coalesce(max(seq), 0) AS seq FROM gateway.audit_log`))[0].seq;
  }, 90000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await upstream?.close();
  }, 30000);

  it('seeds at least 137 systems with agencies and X-Road parts, and seeding again changes nothing', async () => {
    const before = { systems: await count('client_systems'), keys: await count('api_keys'), grants: await count('grants'), audit: await registryAudit() };
    expect(before.systems).toBeGreaterThanOrEqual(137);
    await first.app.get(DemoClientsSeeder).onApplicationBootstrap();
    expect({ systems: await count('client_systems'), keys: await count('api_keys'), grants: await count('grants'), audit: await registryAudit() }).toEqual(before);

    const banks = await operator('/v1/operator/systems?kind=bank&pageSize=4&page=2');
    expect(banks.status).toBe(200);
    expect(banks.body).toMatchObject({ page: 2, pageSize: 4, total: 10 });
    expect(banks.body.items).toHaveLength(4);
    const lgsp = await operator('/v1/operator/systems?kind=lgsp&agency=H56');
    expect(lgsp.body.items).toEqual([
      expect.objectContaining({ id: 'VN/GOV/000.00.00.H56/LGSP', agencyCode: 'H56', status: 'active', xroad: { instance: 'VN', memberClass: 'GOV', memberCode: '000.00.00.H56', subsystem: 'LGSP' } }),
    ]);
    expect((await operator('/v1/operator/systems?kind=robot')).status).toBe(400);
  });

  it('takes URL-encoded system ids in the path', async () => {
    const found = await operator(path(oneStopSystemOf('H56')));
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: oneStopSystemOf('H56'), kind: 'one-stop', agencyCode: 'H56' });
    expect(found.body.grants).toEqual(expect.arrayContaining([{ permission: 'dossier:update-status', scope: 'H56' }]));
    expect(JSON.stringify(found.body.keys)).not.toMatch(/hash/i);
    expect((await operator(path('VN/GOV/000.00.00.H99/NOBODY'))).status).toBe(404);
  });

  it('refuses the operator API to other systems (403) and to callers without credentials (401)', async () => {
    expect((await request(`${first.baseUrl}/v1/operator/systems`, { headers: PORTAL })).status).toBe(403);
    expect((await request(`${first.baseUrl}/v1/operator/systems`, { headers: PORTAL, body: { id: NEW_SYSTEM, name: 'x', kind: 'ministry' } })).status).toBe(403);
    expect((await request(`${first.baseUrl}${path(NATIONAL_PORTAL_SYSTEM, '/suspend')}`, { headers: { 'x-api-key': demoApiKeyOf(SECRET, oneStopSystemOf('H26')) }, body: {} })).status).toBe(403);
    expect((await request(`${first.baseUrl}/v1/operator/systems`)).status).toBe(401);
  });

  it('validates a new system: X-Road form, known agency, kind, no unknown fields, no duplicates', async () => {
    const add = (body: unknown) => operator('/v1/operator/systems', { body });
    expect((await add({ id: 'not/an/id', name: 'x', kind: 'ministry' })).status).toBe(400);
    expect((await add({ id: NEW_SYSTEM, name: 'x', kind: 'robot' })).status).toBe(400);
    expect((await add({ id: NEW_SYSTEM, name: 'x', kind: 'ministry', status: 'active' })).status).toBe(400);
    const unknownAgency = await add({ id: 'VN/GOV/000.00.00.H99/MOTCUA', name: 'x', kind: 'one-stop' });
    expect(unknownAgency.status).toBe(422);
    expect(unknownAgency.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await add({ id: 'VN/GOV/H56/MOTCUA', name: 'x', kind: 'one-stop' })).status).toBe(422);
    expect((await add({ id: 'VN/COM/ACME/PAY', name: 'x', kind: 'intermediary' })).status).toBe(422);
    expect((await add({ id: NATIONAL_PORTAL_SYSTEM, name: 'x', kind: 'portal' })).status).toBe(409);
  });

  it('adds a system, issues it a key, and the system gets exactly what it is granted', async () => {
    const added = await operator('/v1/operator/systems', { body: { id: NEW_SYSTEM, name: 'Sở Y tế Thanh Hóa', kind: 'one-stop' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: NEW_SYSTEM, agencyCode: 'H56', status: 'active' });

    const issued = await operator(path(NEW_SYSTEM, '/keys'), { body: {} });
    expect(issued.status).toBe(201);
    newKey = { id: issued.body.id as string, apiKey: issued.body.apiKey as string };
    expect(newKey.apiKey).toMatch(/^lt_[\w-]{32}$/);
    expect(issued.body.prefix).toBe(newKey.apiKey.slice(0, 8));
    const stored = await first.app.get(DataSource).query(`SELECT key_hash FROM gateway.api_keys WHERE id = $1`, [newKey.id]);
    expect(stored[0].key_hash).not.toContain(newKey.apiKey);
    expect(JSON.stringify((await operator(path(NEW_SYSTEM))).body)).not.toContain(newKey.apiKey);

    expect((await operator(path(NEW_SYSTEM, '/grants'), { body: { permission: 'procedure:read', scope: '*' } })).status).toBe(201);
    expect((await operator(path(NEW_SYSTEM, '/grants'), { body: { permission: 'procedure:read', scope: '*' } })).status).toBe(409);
    expect((await operator(path(NEW_SYSTEM, '/grants'), { body: { permission: 'everything', scope: '*' } })).status).toBe(400);
    expect((await operator(path(NEW_SYSTEM, '/grants'), { body: { permission: 'dossier:read', scope: 'H99' } })).status).toBe(422);

    const asNew = { 'x-api-key': newKey.apiKey };
    expect((await request(`${second.baseUrl}/v1/procedures`, { headers: asNew })).status).toBe(200);
    expect((await request(`${second.baseUrl}/v1/dossiers/${DOSSIER}`, { headers: asNew })).status).toBe(403);

    expect((await operator(path(NEW_SYSTEM, `/grants/${encodeURIComponent('procedure:read')}/${encodeURIComponent('*')}`), { method: 'DELETE' })).status).toBe(204);
    expect((await operator(path(NEW_SYSTEM, `/grants/${encodeURIComponent('procedure:read')}/${encodeURIComponent('*')}`), { method: 'DELETE' })).status).toBe(404);
    await waitFor(async () => (await request(`${second.baseUrl}/v1/procedures`, { headers: asNew })).status === 403, 'the removed grant to stop working on the other instance', 5000);
  }, 30000);

  it('a suspended system is refused within seconds on the other instance, and let in again once re-activated', async () => {
    const asNew = { 'x-api-key': newKey.apiKey };
    expect((await operator(path(NEW_SYSTEM, '/grants'), { body: { permission: 'dossier:read', scope: 'H56' } })).status).toBe(201);
    await waitFor(async () => (await request(`${second.baseUrl}/v1/dossiers/${DOSSIER}`, { headers: asNew })).status === 200, 'the grant to reach the other instance', 5000);

    expect((await operator(path(NEW_SYSTEM, '/suspend'), { body: { reason: 'security incident' } })).body).toMatchObject({ status: 'suspended' });
    expect((await operator(path(NEW_SYSTEM, '/suspend'), { body: {} })).status).toBe(409);
    const refused = await waitFor(async () => {
      const res = await request(`${second.baseUrl}/v1/dossiers/${DOSSIER}`, { headers: asNew });
      return res.status === 401 && res;
    }, 'the suspension to reach the other instance', 5000);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);

    expect((await operator(path(NEW_SYSTEM, '/activate'), { body: {} })).body).toMatchObject({ status: 'active' });
    await waitFor(async () => (await request(`${second.baseUrl}/v1/dossiers/${DOSSIER}`, { headers: asNew })).status === 200, 'the re-activation to reach the other instance', 5000);
    expect((await operator(path(OPERATOR_SYSTEM, '/suspend'), { body: {} })).status).toBe(409);
  }, 30000);

  it('a revoked key is refused within seconds on the other instance', async () => {
    const asNew = { 'x-api-key': newKey.apiKey };
    expect((await request(`${second.baseUrl}/v1/dossiers/${DOSSIER}`, { headers: asNew })).status).toBe(200);
    const revoked = await operator(path(NEW_SYSTEM, `/keys/${newKey.id}`), { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await operator(path(NEW_SYSTEM, `/keys/${newKey.id}`), { method: 'DELETE' })).status).toBe(409);
    expect((await operator(path(NEW_SYSTEM, '/keys/not-a-uuid'), { method: 'DELETE' })).status).toBe(400);
    await waitFor(async () => (await request(`${second.baseUrl}/v1/dossiers/${DOSSIER}`, { headers: asNew })).status === 401, 'the revocation to reach the other instance', 5000);
  }, 30000);

  it('records every change, and only the changes, in the audit log, which stays intact', async () => {
    // by subject in SQL: the exchanges of every call are in the log too, thousands of them in a full test run
    const mine: { action: string; actor: string; details: Record<string, unknown> }[] = await first.app
      .get(DataSource)
      .query(`SELECT action, actor, details FROM gateway.audit_log WHERE seq > $1 AND subject = $2 ORDER BY seq`, [auditFrom, NEW_SYSTEM]);
    expect(mine.map((e) => e.action)).toEqual(['system.added', 'api-key.issued', 'grant.added', 'grant.removed', 'grant.added', 'system.suspended', 'system.activated', 'api-key.revoked']);
    for (const entry of mine) expect(entry.actor).toBe(OPERATOR_SYSTEM);
    expect(mine[5].details).toEqual({ reason: 'security incident' });
    expect(JSON.stringify(mine)).not.toContain(newKey.apiKey);
    expect(await verifyAuditLog(first.app.get(AuditRepository))).toMatchObject({ intact: true });
  });
});
