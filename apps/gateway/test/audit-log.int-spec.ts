import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditAnchoredV1, AuditAnchoredV1, exchangeRecordedV1, ExchangeRecordedV1, exchangeRecordsShippedV1 } from '@lienthong/contracts';
import { demoApiKeyOf, OPERATOR_SYSTEM } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { fromKafkaMessage, inNamespace, Messaging } from '@lienthong/platform-kafka';
import { request, startTestApp, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { AuditAnchorer } from '../src/audit/audit.anchorer';
import { AuditLog } from '../src/audit/audit-log.service';
import { ChainedEntry } from '../src/audit/audit-chain';
import { AuditRepository } from '../src/audit/audit.repository';
import { verifyAuditLog } from '../src/audit/audit.verifier';
import { GatewayEnv } from '../src/config';
import { EXCHANGE_ID_HEADER } from '../src/exchanges/exchange.recorder';

const SECRET = 'audit-log-int-spec';
const run = Date.now().toString(36).toUpperCase();
/** An exchange reaches the log through Kafka and the consumer; the first waits for the group to form. */
const EXCHANGE_TIMEOUT_MS = 60000;

describe('audit log: hash chain, anchors, tamper detection (real PostgreSQL and Kafka)', () => {
  let gateway: TestApp;
  let witness: Consumer;
  const witnessed: AuditAnchoredV1[] = [];
  const published: ExchangeRecordedV1[] = [];
  const db = () => gateway.app.get(DataSource);
  const verify = () => verifyAuditLog(gateway.app.get(AuditRepository));
  const append = (subject: string) =>
    db().transaction((manager) => gateway.app.get(AuditLog).append(manager, { actor: 'audit-log-int-spec', action: 'test.appended', subject, details: { run, note: 'Nhật ký' } }));
  const headSeq = async () => (await gateway.app.get(AuditRepository).head(db().manager))?.seq ?? 0;
  // by subject in SQL: exchanges of earlier test files may still be arriving, thousands of entries in between
  const entriesOf = (subject: string, afterSeq: number): Promise<Pick<ChainedEntry, 'seq' | 'actor' | 'action' | 'details'>[]> =>
    db().query(`SELECT seq::int, actor, action, details FROM gateway.audit_log WHERE seq > $1 AND subject = $2 ORDER BY seq`, [afterSeq, subject]);

  /** Runs one statement in a transaction that is always rolled back, so a missing guard costs the log nothing; answers its error. */
  const refusal = async (sql: string): Promise<{ code?: string; message: string } | undefined> => {
    const runner = db().createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(sql);
      return undefined;
    } catch (error) {
      return error as { code?: string; message: string };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  };

  /** Plays an attacker with superuser rights, who must first switch the database's guard off in the session. */
  const tamper = async (sql: string, params: unknown[]) => {
    const runner = db().createQueryRunner();
    try {
      await runner.query(`SET session_replication_role = replica`);
      return await runner.query(sql, params);
    } finally {
      await runner.query(`RESET session_replication_role`);
      await runner.release();
    }
  };

  beforeAll(async () => {
    gateway = await startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, AUDIT_ANCHOR_INTERVAL_MS: '300' })), GATEWAY_BODIES);
    // an outside party: reads the anchors and the exchanges from Kafka, never from the gateway's database
    witness = gateway.app.get(Messaging).kafka.consumer({ groupId: `audit-witness-${run}` });
    await witness.connect();
    await witness.subscribe({ topics: [inNamespace(auditAnchoredV1.topic), inNamespace(exchangeRecordedV1.topic)], fromBeginning: true });
    await witness.run({
      eachMessage: async ({ topic, message }) => {
        const { data } = fromKafkaMessage(message);
        if (topic === inNamespace(auditAnchoredV1.topic)) witnessed.push(data as AuditAnchoredV1);
        else if ((data as ExchangeRecordedV1).client?.includes(run)) published.push(data as ExchangeRecordedV1);
      },
    });
  }, 90000);

  afterAll(async () => {
    await witness?.disconnect();
    await gateway?.close();
  }, 30000);

  it('records an operator change in the same transaction, and a failed change not at all', async () => {
    const headers = { 'x-api-key': demoApiKeyOf(SECRET, OPERATOR_SYSTEM) };
    const id = `VN/GOV/000.00.01.G02/AUDIT-${run}`;
    const before = await headSeq();
    expect((await request(`${gateway.baseUrl}/v1/operator/systems`, { headers, body: { id, name: 'Audit test', kind: 'ministry' } })).status).toBe(201);
    expect((await request(`${gateway.baseUrl}/v1/operator/systems`, { headers, body: { id, name: 'Audit test', kind: 'ministry' } })).status).toBe(409);
    expect((await entriesOf(id, before)).map((e) => e.action)).toEqual(['system.added']);
  });

  it('serialises concurrent appends: the chain never forks and seq has no gaps, a rolled-back append included', async () => {
    await expect(
      db().transaction(async (manager) => {
        await gateway.app.get(AuditLog).append(manager, { actor: 'audit-log-int-spec', action: 'test.rolled-back', subject: 'x', details: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const appended = await Promise.all(Array.from({ length: 20 }, (_, i) => append(`concurrent-${i}`)));
    expect(new Set(appended.map((e) => e.seq)).size).toBe(20);
    // exchanges are appended meanwhile: the verifier, not adjacent numbers, shows that no seq was skipped
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('anchors the head in audit_anchors and publishes it for witnesses outside', async () => {
    const head = await append(`anchored-${run}`);
    const anchor = await waitFor(
      async () => (await gateway.app.get(AuditRepository).anchors()).find((a) => a.seq >= head.seq),
      'the head to be anchored',
      10000,
    );
    // the topic outlives test databases: an earlier run may have anchored the same seq with another hash
    const published = await waitFor(() => witnessed.find((w) => w.seq === anchor.seq && w.hash === anchor.hash), 'audit.anchored.v1 for the anchor', 15000);
    expect(published.log).toBe('gateway.audit_log');
    expect(await gateway.app.get(AuditAnchorer).anchor()).toBeNull();
  }, 30000);

  it('detects an edited row and names it, then holds again once restored', async () => {
    const target = await append(`edited-${run}`);
    await append(`after-edited-${run}`);
    const [original] = await db().query(`SELECT details FROM gateway.audit_log WHERE seq = $1`, [target.seq]);
    await tamper(`UPDATE gateway.audit_log SET details = jsonb_set(details, '{note}', '"forged"') WHERE seq = $1`, [target.seq]);
    try {
      expect(await verify()).toMatchObject({ intact: false, seq: target.seq, reason: 'hash mismatch' });
    } finally {
      await tamper(`UPDATE gateway.audit_log SET details = $2 WHERE seq = $1`, [target.seq, JSON.stringify(original.details)]);
    }
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('detects a deleted row and names it', async () => {
    const target = await append(`deleted-${run}`);
    await append(`after-deleted-${run}`);
    // a DELETE answers [rows, count]
    const [[row]] = await tamper(`DELETE FROM gateway.audit_log WHERE seq = $1 RETURNING *`, [target.seq]);
    try {
      expect(await verify()).toMatchObject({ intact: false, seq: target.seq, reason: 'gap or deleted row' });
    } finally {
      await db().query(`INSERT INTO gateway.audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        row.seq,
        row.at,
        row.actor,
        row.action,
        row.subject,
        JSON.stringify(row.details),
        row.prev_hash,
        row.hash,
      ]);
    }
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('detects an anchored head that the chain no longer holds', async () => {
    const head = await append(`cut-${run}`);
    // an exchange appended meanwhile may be the head that gets anchored
    const anchor = await waitFor(async () => (await gateway.app.get(AuditRepository).anchors()).find((a) => a.seq >= head.seq), 'the head to be anchored', 10000);
    await tamper(`UPDATE gateway.audit_anchors SET hash = $2 WHERE seq = $1`, [anchor.seq, 'f'.repeat(64)]);
    try {
      expect(await verify()).toMatchObject({ intact: false, seq: anchor.seq, reason: 'anchor mismatch' });
    } finally {
      await tamper(`UPDATE gateway.audit_anchors SET hash = $2 WHERE seq = $1`, [anchor.seq, anchor.hash]);
    }
    expect(await verify()).toMatchObject({ intact: true });
  }, 30000);

  it.each(['audit_log', 'audit_anchors'])('refuses, in the database itself, any UPDATE, DELETE or TRUNCATE of gateway.%s', async (table) => {
    await gateway.app.get(AuditAnchorer).anchor();
    const last = `(SELECT max(seq) FROM gateway.${table})`;
    for (const [operation, sql] of [
      ['UPDATE', `UPDATE gateway.${table} SET hash = 'f' || substr(hash, 2) WHERE seq = ${last}`],
      ['DELETE', `DELETE FROM gateway.${table} WHERE seq = ${last}`],
      ['TRUNCATE', `TRUNCATE gateway.${table}`],
    ]) {
      expect(await refusal(sql)).toMatchObject({ code: '23001', message: `gateway.${table} is append-only: ${operation} refused` });
    }
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('appends every exchange, registry changes and refused calls alike, and the verifier walks them all', async () => {
    const before = await headSeq();
    const id = `VN/GOV/000.00.01.G02/EXCHANGE-${run}`;
    const added = await request(`${gateway.baseUrl}/v1/operator/systems`, { headers: { 'x-api-key': demoApiKeyOf(SECRET, OPERATOR_SYSTEM) }, body: { id, name: 'Audit exchange test', kind: 'ministry' } });
    expect(added.status).toBe(201);
    const refused = await request(`${gateway.baseUrl}/v1/operator/systems`);
    expect(refused.status).toBe(401);
    const [addedEntry, refusedEntry] = await Promise.all(
      [added, refused].map((res) =>
        waitFor(async () => (await entriesOf(res.headers.get(EXCHANGE_ID_HEADER)!, before))[0], `the audit entry of exchange ${res.headers.get(EXCHANGE_ID_HEADER)}`, EXCHANGE_TIMEOUT_MS - 5000, 200),
      ),
    );
    expect(addedEntry).toMatchObject({
      actor: OPERATOR_SYSTEM,
      action: 'exchange.recorded',
      details: { client: OPERATOR_SYSTEM, target: null, service: 'operator.systems.post', method: 'POST', route: '/v1/operator/systems', status: 201, errorSide: 'none' },
    });
    expect(Object.keys(addedEntry.details).sort()).toEqual(
      ['client', 'durationMs', 'endedAt', 'errorSide', 'method', 'requestBytes', 'responseBytes', 'route', 'service', 'startedAt', 'status', 'subject', 'target', 'traceId'].sort(),
    );
    expect(refusedEntry).toMatchObject({ actor: 'anonymous', action: 'exchange.recorded', details: { client: null, status: 401, errorSide: 'client' } });
    const [change] = await entriesOf(id, before);
    expect(change.action).toBe('system.added');
    expect(await verify()).toMatchObject({ intact: true });
  }, EXCHANGE_TIMEOUT_MS);

  it('appends and publishes an exchange once, however often its record is shipped', async () => {
    const before = await headSeq();
    const events = testEvents(gateway.app);
    const client = `VN/GOV/000.00.01.G02/REDELIVERY-${run}`;
    const record = (exchangeId: string): ExchangeRecordedV1 => ({
      ...exchangeRecordedV1.example,
      exchangeId,
      client,
      startedAt: new Date().toISOString(),
      endedAt: new Date().toISOString(),
    });
    const ship = (...records: ExchangeRecordedV1[]) => ({ instance: client, records });
    const twice = record(randomUUID());
    const eventId = await events.publish(exchangeRecordsShippedV1, client, ship(twice));
    await events.publishAgain(exchangeRecordsShippedV1, eventId, client, ship(twice)); // the same event again
    await events.publish(exchangeRecordsShippedV1, client, ship(twice, twice)); // the same exchange in another batch, twice, as a retried send would
    // one instance, one partition: once the marker is audited, every batch before it has been handled
    const marker = record(randomUUID());
    await events.publish(exchangeRecordsShippedV1, client, ship(marker));
    await waitFor(async () => (await entriesOf(marker.exchangeId, before)).length > 0, 'the marker exchange to be audited', EXCHANGE_TIMEOUT_MS - 5000, 200);
    expect(await entriesOf(twice.exchangeId, before)).toHaveLength(1);
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM gateway.exchange_records WHERE exchange_id = $1`, [twice.exchangeId]);
    expect(n).toBe(1);
    expect(await verify()).toMatchObject({ intact: true });
    // one exchange.recorded.v1 each, in the order shipped
    await waitFor(() => published.some((r) => r.exchangeId === marker.exchangeId), 'exchange.recorded.v1 of the marker', EXCHANGE_TIMEOUT_MS - 5000, 200);
    expect(published.map((r) => r.exchangeId)).toEqual([twice.exchangeId, marker.exchangeId]);
  }, EXCHANGE_TIMEOUT_MS);
});
