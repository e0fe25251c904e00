import { DataSource } from 'typeorm';
import { dossierSubmission, request, TestApp } from '@lienthong/platform-testing';
import { startIntake } from './intake.fixture';

const CLIENT = { 'x-lienthong-client': 'VN/GOV/000.00.00.G22/DVCQG' };
const run = Date.now().toString(36);
/** In the local form of the code (…000.00.00.H56), which intake resolves to the national one. */
const submission = (ref: string, overrides: Record<string, unknown> = {}) => dossierSubmission(`${run}-${ref}`, { procedureCode: '1.000358.000.00.00.H56', ...overrides });

describe('intake: dossier submission (real PostgreSQL and Kafka)', () => {
  let intake: TestApp;
  let db: DataSource;
  const countDossiers = async () => Number((await db.query(`SELECT count(*) AS n FROM intake.dossiers`))[0].n);

  beforeAll(async () => ({ intake, db } = await startIntake(1_000_000)), 60000);

  afterAll(() => intake?.close());

  it('assigns a Circular 01/2018 code, stores status 1 and writes the event', async () => {
    const res = await request(`${intake.baseUrl}/dossiers`, { body: submission('one'), headers: CLIENT });
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^000\.00\.06\.H56-\d{6}-\d{4}$/);
    expect(res.body.status).toBe(1);
    const found = await request(`${intake.baseUrl}/dossiers/${res.body.code}`);
    expect(found.body.procedure).toMatchObject({ code: '1.000358' });
    expect(found.body.timeline).toHaveLength(1);
  });

  it('answers the same dossier for a repeated partner reference', async () => {
    const first = await request(`${intake.baseUrl}/dossiers`, { body: submission('repeat'), headers: CLIENT });
    const again = await request(`${intake.baseUrl}/dossiers`, { body: submission('repeat'), headers: CLIENT });
    expect(again.status).toBe(200);
    expect(again.body.code).toBe(first.body.code);
  });

  it('never hands out the same code under concurrency', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => request(`${intake.baseUrl}/dossiers`, { body: submission(`c${i}`), headers: CLIENT })));
    const codes = results.map((r) => r.body.code as string);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(codes).size).toBe(40);
  });

  it('creates one dossier for the same submission sent several times at once, and answers every copy with its code', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => request(`${intake.baseUrl}/dossiers`, { body: submission('at-once'), headers: CLIENT })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.code)).size).toBe(1);
  });

  it.each([
    ['invalid JSON', '{"partnerReference": ', 400, 'malformed-json'],
    ['missing fields', { partnerReference: `${run}-missing` }, 400, 'invalid-request'],
    ['wrong types', submission('types', { channel: 'online', applicant: 'An' }), 400, 'invalid-request'],
    ['unknown procedure', submission('unknown', { procedureCode: '9.999999', caseCode: undefined }), 422, 'unknown-procedure'],
    ['unknown case', submission('case', { caseCode: '1.000358.77' }), 422, 'unknown-case'],
    ['unknown agency', submission('agency', { agencyCode: '000.00.06.H99' }), 422, 'unknown-agency'],
    ['a 2 MB body', submission('big', { summary: 'x'.repeat(2 * 1024 * 1024) }), 413, 'payload-too-large'],
  ])('refuses %s with problem+json and stores nothing', async (_what, body, status, type) => {
    const before = await countDossiers();
    const res = await request(`${intake.baseUrl}/dossiers`, { body, headers: CLIENT });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toMatch(new RegExp(`/${type}$`));
    expect(await countDossiers()).toBe(before);
  });
});
