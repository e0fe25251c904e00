import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { procedurePublishedV1, ProcedurePublishedV1 } from '@lienthong/contracts';
import { loadConfig } from '@lienthong/platform-config';
import { collectMessages, request, startTestApp, TestApp, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { CatalogueEnv } from '../src/config';

const run = Date.now().toString(36);
const SEED_DIR = join(__dirname, '..', 'seed', 'tthc');
const seeds: Record<string, unknown>[] = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(SEED_DIR, f), 'utf8')));
const seedCodes = seeds.map((s) => s.code as string);

const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

describe('catalogue: procedure import (real PostgreSQL and Kafka)', () => {
  let catalogue: TestApp;
  let db: DataSource;
  let consumer: Consumer;
  const seen: KafkaMessage[] = [];

  const versions = async (): Promise<Record<string, number>> => {
    const rows: { code: string; version: number }[] = await db.query(`SELECT code, version FROM catalogue.procedures WHERE code = ANY($1)`, [seedCodes]);
    return Object.fromEntries(rows.map((r) => [r.code, r.version]));
  };
  // the outbox is emptied as the relay publishes: its sequence tells whether any row was ever written
  const outboxPosition = async () => Number((await db.query(`SELECT last_value FROM catalogue.outbox_position_seq`))[0].last_value);
  const importRecords = (body: unknown) => request(`${catalogue.baseUrl}/procedures/import`, { body });

  beforeAll(async () => {
    catalogue = await startTestApp(AppModule.register(loadConfig(CatalogueEnv)));
    db = catalogue.app.get(DataSource);
    consumer = await collectMessages(`catalogue-test-${run}`, [procedurePublishedV1], seen, { fromBeginning: true });
  }, 60000);

  afterAll(async () => {
    await consumer?.disconnect();
    await catalogue?.close();
  });

  it('stores every seed procedure at boot', async () => {
    const stored = await versions();
    expect(Object.keys(stored).sort()).toEqual([...seedCodes].sort());
    expect(seedCodes).toHaveLength(15);
  });

  it('re-importing the seeds changes and publishes nothing', async () => {
    const [before, position] = [await versions(), await outboxPosition()];
    const res = await importRecords(seeds);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 0, unchanged: 15, rejected: [] });
    expect(await versions()).toEqual(before);
    expect(await outboxPosition()).toBe(position);
  });

  it('publishes a changed record as the next version, with CloudEvents headers', async () => {
    const original = seeds.find((s) => s.code === '1.000358')!;
    const name = `${original.name as string} (${run})`;
    const before = (await versions())['1.000358'];
    const res = await importRecords([{ ...original, name }]);
    expect(res.body).toEqual({ imported: 1, unchanged: 0, rejected: [] });

    const event = await waitFor(
      () => seen.find((m) => header(m, 'ce_subject') === '1.000358' && (JSON.parse(m.value!.toString()) as ProcedurePublishedV1).name === name),
      'procedure.published.v1 for the changed record',
      30000,
    );
    expect(header(event, 'ce_type')).toBe(procedurePublishedV1.type);
    expect(header(event, 'ce_id')).toBeTruthy();
    expect(event.key?.toString()).toBe('1.000358');
    expect(JSON.parse(event.value!.toString())).toMatchObject({ code: '1.000358', name, version: before + 1, levels: ['PROVINCE'] });
    expect((await versions())['1.000358']).toBe(before + 1);

    // the seed content back again is a change too: the catalogue is left as the seeds say
    expect((await importRecords([original])).body).toMatchObject({ imported: 1 });
    expect((await versions())['1.000358']).toBe(before + 2);
  });

  it('keeps the national record whole, fields the backbone does not read included', async () => {
    const [row] = await db.query(`SELECT record FROM catalogue.procedures WHERE code = '1.000358'`);
    expect(row.record).toEqual(seeds.find((s) => s.code === '1.000358'));
  });

  it.each(['1.000358', '1.000358.01', '1.000358.000.00.00.H56', '1.000358.H56'])('finds 1.000358 as %s', async (code) => {
    const res = await request(`${catalogue.baseUrl}/procedures/${code}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: '1.000358', levels: ['PROVINCE'], submissionMethods: ['ONLINE', 'POSTAL', 'DIRECT'] });
    expect(res.body.version).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['an unknown code', '9.999999', 404, 'procedure-not-found'],
    ['a malformed code', '1.00035', 400, 'malformed-procedure-code'],
  ])('answers %s with problem+json', async (_what, code, status, type) => {
    const res = await request(`${catalogue.baseUrl}/procedures/${code}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toMatch(new RegExp(`/${type}$`));
  });

  it('searches by name or code, any case, by level, a page at a time', async () => {
    const byName = await request(`${catalogue.baseUrl}/procedures?q=${encodeURIComponent('GIA HẠN GIẤY PHÉP')}`);
    expect(byName.status).toBe(200);
    const codes = (byName.body.items as { code: string }[]).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['1.000358', '1.013377']));
    expect(byName.body).toMatchObject({ page: 1, pageSize: 20 });

    const byCode = await request(`${catalogue.baseUrl}/procedures?q=1.000358.H56`);
    expect((byCode.body.items as { code: string }[]).map((p) => p.code)).toEqual(['1.000358']);

    const ward = await request(`${catalogue.baseUrl}/procedures?level=ward&pageSize=100`);
    expect((ward.body.items as { code: string; levels: string[] }[]).every((p) => p.levels.includes('WARD'))).toBe(true);
    expect((ward.body.items as { code: string }[]).map((p) => p.code)).toContain('1.001714');

    const first = await request(`${catalogue.baseUrl}/procedures?pageSize=2&page=1`);
    const second = await request(`${catalogue.baseUrl}/procedures?pageSize=2&page=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBeGreaterThanOrEqual(15);
    expect((second.body.items as { code: string }[])[0].code > (first.body.items as { code: string }[])[1].code).toBe(true);
  });

  it.each(seedCodes)('the detail of %s holds every case, fee and paper of its record', async (code) => {
    const seed = seeds.find((s) => s.code === code) as {
      cases: { code: string }[];
      executionMethods: { fees?: unknown[] }[];
      executionCases: { profileComponents: { code: string }[] }[];
    };
    const res = await request(`${catalogue.baseUrl}/procedures/${code}`);
    expect(res.status).toBe(200);
    expect((res.body.cases as { code: string }[]).map((c) => c.code)).toEqual([...new Set(seed.cases.map((c) => c.code))]);
    expect(res.body.fees).toHaveLength(seed.executionMethods.reduce((n, m) => n + (m.fees ?? []).length, 0));
    expect((res.body.componentSets as { components: { code?: string }[] }[]).map((set) => set.components.map((c) => c.code ?? ''))).toEqual(
      seed.executionCases.map((set) => set.profileComponents.map((p) => p.code)),
    );
    for (const key of ['executionMethods', 'fields', 'competentAgencies', 'implementingAgencies', 'results', 'legalBases', 'subjectTypes', 'steps']) {
      expect(Array.isArray(res.body[key])).toBe(true);
    }
  });

  it('answers the national record whole, and every version with its record', async () => {
    const record = await request(`${catalogue.baseUrl}/procedures/1.000358.H56/record`);
    expect(record.body).toEqual(seeds.find((s) => s.code === '1.000358'));

    const history = await request(`${catalogue.baseUrl}/procedures/1.000358/versions`);
    const items = history.body.items as { version: number; contentHash: string }[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.map((v) => v.version)).toEqual([...items.map((v) => v.version)].sort((a, b) => b - a));
    const [latest, changed] = items;
    expect(latest.contentHash).not.toBe(changed.contentHash);

    const old = await request(`${catalogue.baseUrl}/procedures/1.000358/versions/${changed.version}`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ code: '1.000358', version: changed.version, name: expect.stringContaining(`(${run})`) });
    expect((old.body.record as { name: string }).name).toBe(old.body.name);

    const missing = await request(`${catalogue.baseUrl}/procedures/1.000358/versions/100000`);
    expect([missing.status, missing.body.type]).toEqual([404, expect.stringMatching(/\/procedure-not-found$/)]);
    expect((await request(`${catalogue.baseUrl}/procedures/1.000358/versions/first`)).status).toBe(400);
  });

  const searchCodes = async (query: string) => {
    const res = await request(`${catalogue.baseUrl}/procedures?${query}&pageSize=100`);
    expect(res.status).toBe(200);
    return (res.body.items as { code: string }[]).map((p) => p.code);
  };

  it.each([
    ['words without diacritics', 'q=gia han giay phep chi nhanh', ['1.000358'], ['1.013377']],
    ['words in any order and case', 'q=CHI NHÁNH gia hạn', ['1.000358'], ['1.013377']],
    ['a word with đ, folded', 'q=dang ky dat', ['1.012787'], ['2.000131']],
    ['an agency code, any case', 'agency=ubndct', ['1.000358', '1.000477', '1.012648', '1.013778', '1.014710'], ['1.002655']],
    ['an agency name without diacritics', 'agency=chi cuc kiem lam', ['1.007916'], ['1.012787']],
    ['the promulgating ministry', 'agency=G06', ['1.002655', '1.004500', '1.013377'], ['1.000358']],
    ['a field code', 'field=G02-CT22', ['1.000477', '1.012168', '1.013778'], ['1.000358']],
    ['a field name', 'field=vien thong', ['1.002655', '1.013377'], ['1.004500']],
  ])('searches by %s', async (_what, query, found, notFound) => {
    const codes = await searchCodes(query);
    expect(codes).toEqual(expect.arrayContaining(found));
    expect(codes).not.toContain(notFound[0]);
  });

  it('combines text, level, agency and field, every one narrowing the result', async () => {
    const all = await searchCodes('field=vien thong');
    const narrowed = await searchCodes('field=vien thong&agency=G06&level=province&q=giay phep');
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.every((code) => all.includes(code))).toBe(true);
    expect(await searchCodes('q=khai sinh xyzzy')).toEqual([]);
    // LIKE wildcards in a search are plain characters
    expect(await searchCodes('q=%25')).toEqual([]);
  });

  it.each([
    ['a page size above 100', 'pageSize=101'],
    ['a page of 0', 'page=0'],
    ['an unknown parameter', 'sort=name'],
    ['an agency of 201 characters', `agency=${'a'.repeat(201)}`],
  ])('refuses a search with %s', async (_what, query) => {
    const res = await request(`${catalogue.baseUrl}/procedures?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each([
    ['an object', { code: '1.000358' }, 400, 'not-a-record-list'],
    ['invalid JSON', '[{"code": ', 400, 'malformed-json'],
    ['more than 500 records', Array.from({ length: 501 }, () => ({})), 413, 'import-batch-too-large'],
    ['a record with a NUL character', [{ code: '1.000358', name: 'a NUL \u0000 in the name' }], 400, 'invalid-characters'],
  ])('refuses an import body that is %s with problem+json', async (_what, body, status, type) => {
    const position = await outboxPosition();
    const res = await importRecords(body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toMatch(new RegExp(`/${type}$`));
    expect(await outboxPosition()).toBe(position);
  });

  it('reports records that are not national records, and imports the others', async () => {
    const res = await importRecords([
      { code: 'abc', name: 'x' },
      { code: '1.000358' },
      { code: '1.000358', name: 'fees of the wrong type', executionMethods: [{ submissionMethod: 'ONLINE', fees: [{ type: 'FEE', value: 'free' }] }] },
      { code: '1.000358', name: 'methods of the wrong shape', executionMethods: 5 },
      42,
      seeds[0],
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 0, unchanged: 1 });
    expect((res.body.rejected as { code: string | null }[]).map((r) => r.code)).toEqual(['abc', '1.000358', '1.000358', '1.000358', null]);
    expect((res.body.rejected as { reason: string }[]).every((r) => r.reason.length > 0)).toBe(true);
  });
});
