import type { Consumer, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { dossierOverdueV1, dossierStatusChangedV1, DossierStatusChangedV1 } from '@lienthong/contracts';
import { collectMessages, dossierSubmission, request, TestApp, waitFor } from '@lienthong/platform-testing';
import { OverdueSweeper } from '../src/dossiers/overdue.sweeper';
import { startIntake } from './intake.fixture';

const PORTAL = 'VN/GOV/000.00.00.G22/DVCQG';
const ONE_STOP = 'VN/GOV/000.00.00.H56/MOTCUA';
/** A one-stop system that reports its fee requests as 9 and has a word of its own for "sent by post". */
const ODD_ONE_STOP = 'VN/GOV/000.00.00.H56/ODDSOFT';
const run = Date.now().toString(36);

const submission = (ref: string) => dossierSubmission(`${run}-${ref}`);

/** Vietnamese wall time, as the processing systems report it. */
const vn = (local: string) => `${local}+07:00`;

describe('intake: dossier lifecycle (real PostgreSQL and Kafka)', () => {
  let intake: TestApp;
  let db: DataSource;
  let consumer: Consumer;
  const seen: KafkaMessage[] = [];

  const submit = async (ref: string): Promise<string> => {
    const res = await request(`${intake.baseUrl}/dossiers`, { body: submission(ref), headers: { 'x-lienthong-client': PORTAL } });
    expect(res.status).toBe(201);
    return res.body.code as string;
  };
  const report = (code: string, status: number | string, occurredAt?: string, system = ONE_STOP) =>
    request(`${intake.baseUrl}/dossiers/${code}/status`, { body: { status, ...(occurredAt && { occurredAt: vn(occurredAt) }) }, headers: { 'x-lienthong-client': system } });
  const reportBatch = (reports: object[]) => request(`${intake.baseUrl}/dossier-status-batches`, { body: { reports }, headers: { 'x-lienthong-client': ONE_STOP } });
  const dossier = async (code: string) => (await request(`${intake.baseUrl}/dossiers/${code}`)).body;
  const eventsOf = (code: string, topic: string) =>
    seen.filter((m) => m.key?.toString() === code && m.headers?.ce_type?.toString() === topic).map((m) => JSON.parse(m.value!.toString()));
  const changesOf = (code: string): DossierStatusChangedV1[] => eventsOf(code, dossierStatusChangedV1.type);
  const reportsKept = async (code: string) => Number((await db.query(`SELECT count(*) AS n FROM intake.dossier_status_reports WHERE dossier_code = $1`, [code]))[0].n);

  beforeAll(async () => {
    // the tests sweep for overdue dossiers themselves: a sweep of its own landing between a test's reports (all in the
    // past, so overdue) would put an entry on that test's timeline
    const env = { INTAKE_STATUS_MAPPINGS: JSON.stringify({ [ODD_ONE_STOP]: { '9': 6, 'gui-buu-dien': null } }), INTAKE_OVERDUE_SWEEP_MS: '3600000' };
    ({ intake, db } = await startIntake(2_000_000, env));
    consumer = await collectMessages(`intake-lifecycle-${run}`, [dossierStatusChangedV1, dossierOverdueV1], seen);
  }, 60000);

  afterAll(async () => {
    await consumer?.disconnect();
    await intake?.close();
  });

  it('walks the journey in order, one event per change, with the due date from acceptance', async () => {
    const code = await submit('journey');
    expect((await report(code, 2, '2026-11-23T09:00:00')).body).toMatchObject({ status: 2, outcome: 'applied', applied: true, dueAt: '2026-11-30T16:59:59.999Z' });
    expect((await report(code, 4, '2026-11-24T09:00:00')).body).toMatchObject({ status: 4, outcome: 'applied', dueAt: '2026-11-30T16:59:59.999Z' });
    expect((await report(code, 9, '2026-11-27T15:00:00')).body).toMatchObject({ status: 9, outcome: 'applied', dueAt: null });
    expect((await report(code, 10, '2026-11-28T08:00:00')).body).toMatchObject({ status: 10, outcome: 'applied' });
    await waitFor(() => changesOf(code).length === 4, 'four dossier.status-changed.v1 events', 30000);
    expect(changesOf(code).map((e) => [e.previousStatus, e.status])).toEqual([[1, 2], [2, 4], [4, 9], [9, 10]]);
    expect(changesOf(code)[0]).toMatchObject({ changedBy: ONE_STOP, changedAt: '2026-11-23T02:00:00.000Z', dueAt: '2026-11-30T16:59:59.999Z' });
    // the timeline is in the order things happened (these reports name days before the submission's real time)
    const timeline = (await dossier(code)).timeline as { kind: string; status: number; occurredAt: string }[];
    expect(timeline.map((t) => [t.kind, t.status])).toEqual(expect.arrayContaining([['submitted', 1]]));
    expect(timeline.filter((t) => t.kind !== 'submitted').map((t) => [t.kind, t.status])).toEqual([
      ['status-changed', 2], ['status-changed', 4], ['status-changed', 9], ['status-changed', 10],
    ]);
    expect(timeline.map((t) => t.occurredAt)).toEqual(timeline.map((t) => t.occurredAt).sort());
  });

  it('ends where in-order delivery ends when reports overtake each other, and publishes only what changed', async () => {
    const code = await submit('reordered');
    expect((await report(code, 9, '2026-11-27T15:00:00')).body).toMatchObject({ status: 9, outcome: 'applied' });
    expect((await report(code, 4, '2026-11-24T09:00:00')).body).toMatchObject({ status: 9, outcome: 'late', applied: false });
    expect((await report(code, 2, '2026-11-23T09:00:00')).body).toMatchObject({ status: 9, outcome: 'late' });
    expect((await report(code, 10, '2026-11-28T08:00:00')).body).toMatchObject({ status: 10, outcome: 'applied' });
    await waitFor(() => changesOf(code).length === 2, 'two dossier.status-changed.v1 events', 30000);
    expect(changesOf(code).map((e) => [e.previousStatus, e.status])).toEqual([[1, 9], [9, 10]]);
    expect(await reportsKept(code)).toBe(4);
  });

  it('keeps a duplicate once and a repeated status as late', async () => {
    const code = await submit('duplicates');
    await report(code, 2, '2026-11-23T09:00:00');
    expect((await report(code, 2, '2026-11-23T09:00:00')).body).toMatchObject({ status: 2, outcome: 'duplicate', applied: false });
    expect((await report(code, 2, '2026-11-23T09:05:00')).body).toMatchObject({ status: 2, outcome: 'late' });
    expect(await reportsKept(code)).toBe(2);
  });

  it('refuses a status no legal path leads to with problem+json naming the transition and why, keeping nothing', async () => {
    const code = await submit('illegal');
    await report(code, 2, '2026-11-23T09:00:00');
    await report(code, 7, '2026-11-24T09:00:00');
    const refused = await report(code, 4, '2026-11-25T09:00:00');
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/\/illegal-transition$/), from: 7, to: 4 });
    expect(refused.body.detail).toMatch(/7 → 4 refused: status 7 \(Rút hồ sơ theo yêu cầu\) is final/);
    expect(await reportsKept(code)).toBe(2);
    expect((await dossier(code)).status).toBe(7);
  });

  it('answers each of many reports arriving together on its own: a refused one among them keeps nothing and stops no other', async () => {
    const [first, second, withdrawn] = await Promise.all(['together-1', 'together-2', 'together-3'].map(submit));
    await report(withdrawn, 7, '2026-11-24T09:00:00');
    const answers = await Promise.all([
      report(first, 2, '2026-11-23T09:00:00'),
      report(second, 2, '2026-11-23T09:00:00'),
      report(withdrawn, 4, '2026-11-25T09:00:00'),
      report(first, 4, '2026-11-24T09:00:00'),
      report(second, 2, '2026-11-23T09:00:00'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 409, 200, 200]);
    expect(answers[2].body).toMatchObject({ type: expect.stringMatching(/\/illegal-transition$/), from: 7, to: 4 });
    expect(await Promise.all([first, second, withdrawn].map(async (code) => (await dossier(code)).status))).toEqual([4, 2, 7]);
    expect(await Promise.all([first, second, withdrawn].map(reportsKept))).toEqual([2, 1, 1]);
  });

  it('judges a batch in the order given, each report on its own: a refused one keeps nothing and stops no other', async () => {
    const [first, second, withdrawn] = await Promise.all(['batch-1', 'batch-2', 'batch-3'].map(submit));
    await report(withdrawn, 7, '2026-11-24T09:00:00');
    const res = await reportBatch([
      { code: first, status: 2, occurredAt: vn('2026-11-23T09:00:00') },
      { code: first, status: 4, occurredAt: vn('2026-11-24T09:00:00'), note: 'Đang xử lý' },
      { code: second, status: 'processing', occurredAt: vn('2026-11-24T09:00:00') },
      { code: withdrawn, status: 4, occurredAt: vn('2026-11-25T09:00:00') },
      { code: first, status: 2, occurredAt: vn('2026-11-23T09:00:00') },
      { code: second, status: 'interoperating' },
      { code: `${first.slice(0, -4)}9999`, status: 2 },
      { code: second, status: '12' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { code: first, status: 2, applied: true, outcome: 'applied' },
      { code: first, status: 4, applied: true, outcome: 'applied' },
      { code: second, status: 4, applied: true, outcome: 'applied' },
      { code: withdrawn, problem: expect.objectContaining({ status: 409, type: expect.stringMatching(/\/illegal-transition$/), from: 7, to: 4 }) },
      { code: first, status: 4, applied: false, outcome: 'duplicate' },
      { code: second, status: 4, applied: false, outcome: 'noted' },
      { code: `${first.slice(0, -4)}9999`, problem: expect.objectContaining({ status: 404, type: expect.stringMatching(/\/dossier-not-found$/) }) },
      { code: second, problem: expect.objectContaining({ status: 422, type: expect.stringMatching(/\/unknown-status$/) }) },
    ]);
    expect(await Promise.all([first, second, withdrawn].map(reportsKept))).toEqual([2, 1, 1]);
    // the batch reads as the same reports sent one by one: dossier, due date from acceptance, timeline, events
    expect(await dossier(first)).toMatchObject({ status: 4, dueAt: '2026-11-30T16:59:59.999Z' });
    // in time order: the report names a day before the submission's real time, the sub-state has none (now)
    const timeline = (await dossier(second)).timeline as { kind: string; status: number; detail?: string }[];
    expect(timeline.map((t) => [t.kind, t.status, t.detail])).toEqual([['status-changed', 4, undefined], ['submitted', 1, undefined], ['sub-state', 4, 'interoperating']]);
    await waitFor(() => changesOf(first).length === 2 && changesOf(second).length === 1, 'the status changes of the batch', 30000);
    expect(changesOf(first).map((e) => [e.previousStatus, e.status, e.note])).toEqual([[1, 2, null], [2, 4, 'Đang xử lý']]);
    expect(changesOf(withdrawn).map((e) => e.status)).toEqual([7]);
  });

  it('refuses a malformed batch whole, naming the report, and keeps nothing', async () => {
    const code = await submit('batch-malformed');
    const res = await reportBatch([{ code, status: 2 }, { code, status: 11 }]);
    expect([res.status, res.body.type]).toEqual([400, expect.stringMatching(/\/invalid-request$/)]);
    expect(JSON.stringify(res.body)).toMatch(/reports\.1\.status/);
    expect((await reportBatch([])).status).toBe(400);
    expect(await reportsKept(code)).toBe(0);
  });

  it('reads the portal status words, keeps sub-states and unknown words on the timeline only', async () => {
    const code = await submit('words');
    expect((await report(code, 'new', '2026-11-23T09:00:00')).body).toMatchObject({ status: 2, outcome: 'applied' });
    expect((await report(code, 'interoperating', '2026-11-23T10:00:00')).body).toMatchObject({ status: 2, outcome: 'noted' });
    expect((await report(code, 'archived-v2', '2026-11-23T11:00:00')).body).toMatchObject({ status: 2, outcome: 'noted' });
    expect((await report(code, 'PROCESSING', '2026-11-24T09:00:00')).body).toMatchObject({ status: 4, outcome: 'applied' });
    const { timeline } = await dossier(code);
    expect((timeline as { kind: string; detail?: string }[]).filter((t) => t.kind === 'sub-state').map((t) => t.detail)).toEqual(['interoperating', 'archived-v2']);
  });

  it("reads a system's statuses by its configured mapping", async () => {
    const code = await submit('mapping');
    await report(code, 2, '2026-11-23T09:00:00', ODD_ONE_STOP);
    await report(code, 4, '2026-11-23T10:00:00', ODD_ONE_STOP);
    expect((await report(code, 9, '2026-11-24T09:00:00', ODD_ONE_STOP)).body).toMatchObject({ status: 6 });
    expect((await report(code, 'gui-buu-dien', '2026-11-24T10:00:00', ODD_ONE_STOP)).body).toMatchObject({ status: 6, outcome: 'noted' });
    // the same 9 from another system is a result
    expect((await report(code, 9, '2026-11-25T09:00:00')).body).toMatchObject({ status: 9 });
  });

  it('pauses the due date for a supplement and counts the full time again once it comes in', async () => {
    const code = await submit('supplement');
    await report(code, 2, '2026-11-23T09:00:00');
    expect((await report(code, 5, '2026-11-25T09:00:00')).body).toMatchObject({ status: 5, dueAt: null });
    // Friday 27/11 + 5 working days: Friday 4/12
    expect((await report(code, 4, '2026-11-27T09:00:00')).body).toMatchObject({ status: 4, dueAt: '2026-12-04T16:59:59.999Z' });
  });

  it('publishes dossier.overdue.v1 once for a dossier past its due date', async () => {
    const code = await submit('overdue');
    await report(code, 2, '2025-01-02T09:00:00');
    await intake.app.get(OverdueSweeper).sweep();
    const [event] = await waitFor(() => eventsOf(code, dossierOverdueV1.type).length > 0 && eventsOf(code, dossierOverdueV1.type), 'dossier.overdue.v1', 30000);
    expect(event).toMatchObject({ code, status: 2, dueAt: '2025-01-09T16:59:59.999Z', provinceCode: 'H56' });
    expect((await dossier(code)).overdue).toBe(true);
    // further sweeps find nothing new
    await intake.app.get(OverdueSweeper).sweep();
    await intake.app.get(OverdueSweeper).sweep();
    const marks = await db.query(`SELECT count(*) AS n FROM intake.dossier_timeline WHERE dossier_code = $1 AND kind = 'overdue'`, [code]);
    expect(Number(marks[0].n)).toBe(1);
  });

  it('records processing steps once, their statuses as reports, and a chunk with a refused status not at all', async () => {
    const code = await submit('steps');
    const steps = (body: unknown) => request(`${intake.baseUrl}/dossiers/${code}/steps`, { body, headers: { 'x-lienthong-client': ONE_STOP } });
    const chunk = [
      { handler: 'Lê Thị Bình', position: 'Chuyên viên', department: 'Bộ phận Một cửa', content: 'Tiếp nhận hồ sơ', status: 2, occurredAt: vn('2026-11-23T09:00:00') },
      { handler: 'Trần Văn Cường', department: 'Phòng Kinh tế', content: 'Thẩm định hồ sơ', status: 'processing', occurredAt: vn('2026-11-24T09:00:00'), dueAt: vn('2026-11-27T17:00:00') },
      { handler: 'Trần Văn Cường', content: 'Xin ý kiến lãnh đạo', occurredAt: vn('2026-11-25T09:00:00') },
    ];
    expect((await steps({ steps: chunk })).body).toMatchObject({ status: 4, recorded: 3, duplicates: 0 });
    expect((await steps({ steps: chunk })).body).toMatchObject({ status: 4, recorded: 0, duplicates: 3 });
    const refused = await steps({ steps: [{ handler: 'X', content: 'Trả kết quả', status: 10, occurredAt: vn('2026-11-26T09:00:00') }, { handler: 'X', content: 'Quay lại', status: 1, occurredAt: vn('2026-11-27T09:00:00') }] });
    expect([refused.status, refused.body.type]).toEqual([409, expect.stringMatching(/\/illegal-transition$/)]);
    const timeline = (await dossier(code)).timeline as { kind: string; detail?: string; note: string }[];
    expect(timeline.filter((t) => t.kind === 'step').map((t) => [t.detail, t.note])).toEqual(chunk.map((c) => [c.handler, c.content]));
    expect((await dossier(code)).status).toBe(4);
    expect((await steps({ steps: [] })).status).toBe(400);
    expect((await steps({ steps: [{ handler: 'x'.repeat(51), content: 'a', occurredAt: vn('2026-11-26T09:00:00') }] })).status).toBe(400);
  });

  it.each([
    ['a number out of range', 11, 400, 'invalid-request'],
    ['an empty word', '', 400, 'invalid-request'],
    ['a numeric text out of range', '12', 422, 'unknown-status'],
    ['an object', { code: 4 }, 400, 'invalid-request'],
  ])('refuses %s as a status', async (what, status, httpStatus, type) => {
    const code = await submit(`bad-${what.replaceAll(' ', '-')}`);
    const res = await request(`${intake.baseUrl}/dossiers/${code}/status`, { body: { status }, headers: { 'x-lienthong-client': ONE_STOP } });
    expect([res.status, res.body.type]).toEqual([httpStatus, expect.stringMatching(new RegExp(`/${type}$`))]);
    expect(await reportsKept(code)).toBe(0);
  });
});
