import type { Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { auditAnchoredV1, AuditAnchoredV1 } from '@lienthong/contracts';
import { demoApiKeyOf, OPERATOR_SYSTEM } from '@lienthong/domain-registry';
import { loadConfig } from '@lienthong/platform-config';
import { fromKafkaMessage, inNamespace, Messaging } from '@lienthong/platform-kafka';
import { request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { GATEWAY_BODIES } from '../src/http-bodies';
import { AuditAnchorer } from '../src/audit/audit.anchorer';
import { AuditLog } from '../src/audit/audit-log.service';
import { AuditRepository } from '../src/audit/audit.repository';
import { verifyAuditLog } from '../src/audit/audit.verifier';
import { GatewayEnv } from '../src/config';

const SECRET = 'audit-log-int-spec';
const run = Date.now().toString(36).toUpperCase();

describe('audit log: hash chain, anchors, tamper detection (real PostgreSQL and Kafka)', () => {
  let gateway: TestApp;
  let witness: Consumer;
  const witnessed: AuditAnchoredV1[] = [];
  const db = () => gateway.app.get(DataSource);
  const verify = () => verifyAuditLog(gateway.app.get(AuditRepository));
  const append = (subject: string) =>
    db().transaction((manager) => gateway.app.get(AuditLog).append(manager, { actor: 'audit-log-int-spec', action: 'test.appended', subject, details: { run, note: 'Nhật ký' } }));

  beforeAll(async () => {
    gateway = await startTestApp(AppModule.register(loadConfig(GatewayEnv, { ...process.env, DEMO_SEED_SECRET: SECRET, AUDIT_ANCHOR_INTERVAL_MS: '300' })), GATEWAY_BODIES);
    // an outside party: reads the anchors from Kafka, never from the gateway's database
    witness = gateway.app.get(Messaging).kafka.consumer({ groupId: `audit-witness-${run}` });
    await witness.connect();
    await witness.subscribe({ topic: inNamespace(auditAnchoredV1.topic), fromBeginning: true });
    await witness.run({ eachMessage: async ({ message }) => void witnessed.push(fromKafkaMessage(message).data as AuditAnchoredV1) });
  }, 90000);

  afterAll(async () => {
    await witness?.disconnect();
    await gateway?.close();
  }, 30000);

  it('records an operator change in the same transaction, and a failed change not at all', async () => {
    const headers = { 'x-api-key': demoApiKeyOf(SECRET, OPERATOR_SYSTEM) };
    const id = `VN/GOV/000.00.01.G02/AUDIT-${run}`;
    const before = (await gateway.app.get(AuditRepository).head(db().manager))?.seq ?? 0;
    expect((await request(`${gateway.baseUrl}/v1/operator/systems`, { headers, body: { id, name: 'Audit test', kind: 'ministry' } })).status).toBe(201);
    expect((await request(`${gateway.baseUrl}/v1/operator/systems`, { headers, body: { id, name: 'Audit test', kind: 'ministry' } })).status).toBe(409);
    const entries = await gateway.app.get(AuditRepository).entriesAfter(before, 100);
    expect(entries.filter((e) => e.subject === id).map((e) => e.action)).toEqual(['system.added']);
  });

  it('serialises concurrent appends: the chain never forks and seq has no gaps, a rolled-back append included', async () => {
    await expect(
      db().transaction(async (manager) => {
        await gateway.app.get(AuditLog).append(manager, { actor: 'audit-log-int-spec', action: 'test.rolled-back', subject: 'x', details: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const appended = await Promise.all(Array.from({ length: 20 }, (_, i) => append(`concurrent-${i}`)));
    const seqs = appended.map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]).toBe(19);
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
    await db().query(`UPDATE gateway.audit_log SET details = jsonb_set(details, '{note}', '"forged"') WHERE seq = $1`, [target.seq]);
    try {
      expect(await verify()).toMatchObject({ intact: false, seq: target.seq, reason: 'hash mismatch' });
    } finally {
      await db().query(`UPDATE gateway.audit_log SET details = $2 WHERE seq = $1`, [target.seq, JSON.stringify(original.details)]);
    }
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('detects a deleted row and names it', async () => {
    const target = await append(`deleted-${run}`);
    await append(`after-deleted-${run}`);
    // a DELETE answers [rows, count]
    const [[row]] = await db().query(`DELETE FROM gateway.audit_log WHERE seq = $1 RETURNING *`, [target.seq]);
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
    await waitFor(async () => (await gateway.app.get(AuditRepository).anchors()).some((a) => a.seq >= head.seq), 'the head to be anchored', 10000);
    const [row] = await db().query(`SELECT hash FROM gateway.audit_log WHERE seq = $1`, [head.seq]);
    await db().query(`UPDATE gateway.audit_anchors SET hash = $2 WHERE seq = $1`, [head.seq, 'f'.repeat(64)]);
    try {
      expect(await verify()).toMatchObject({ intact: false, seq: head.seq, reason: 'anchor mismatch' });
    } finally {
      await db().query(`UPDATE gateway.audit_anchors SET hash = $2 WHERE seq = $1`, [head.seq, row.hash]);
    }
    expect(await verify()).toMatchObject({ intact: true });
  }, 30000);
});
