import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { CIVIL_REGISTRY_SYSTEM, DOSSIER_LOOKUP_SERVICE, oneStopSystemOf, OPERATOR_SYSTEM } from '@lienthong/domain-registry';
import { REPO_ROOT, request, waitFor } from '@lienthong/platform-testing';
import { Backbone, submission } from './support/backbone';

const run = Date.now().toString(36);
const backbone = new Backbone();
const infra = (script: string) => execFileSync('bash', [join(REPO_ROOT, 'scripts/infra', script)], { stdio: 'ignore' });
const kafkaListening = () =>
  new Promise<boolean>((resolve) => {
    const socket = connect(9092, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

beforeAll(() => backbone.start(), 180000);
afterAll(() => backbone.stop(), 60000);

describe('the first journey, every app a separate process on real Kafka, PostgreSQL and Redis', () => {
  it('portal → gateway → intake → connector → province → status back → e-mails', async () => {
    const email = `journey-${run}@example.vn`;
    const submitted = await backbone.gateway('/v1/dossiers', { body: submission(`${run}-journey`, email) });
    expect(submitted.status).toBe(201);
    const code = submitted.body.code as string;
    expect(code).toMatch(/^000\.00\.06\.H56-\d{6}-\d{4}$/);

    await waitFor(async () => (await backbone.dossierStatus(code)) === 4, `${code} at status 4`, 30000);
    const dossier = await backbone.gateway(`/v1/dossiers/${code}`);
    const timeline = dossier.body.timeline as { kind: string; status: number }[];
    expect(timeline.filter((t) => t.kind === 'submitted' || t.kind === 'status-changed').map((t) => t.status)).toEqual([1, 2, 4]);

    const delivered = await request(`${backbone.apps.url('legacy-sim')}/control/one-stop/H56/dossiers`);
    expect(JSON.stringify(delivered.body)).toContain(code);

    const mails = await waitFor(async () => {
      const found = await backbone.mailsTo(email);
      return found.length >= 3 ? found : undefined;
    }, 'three e-mails to the applicant', 30000);
    expect(mails).toHaveLength(3);
    expect(mails.every((m) => `${m.subject} ${m.text}`.includes(code))).toBe(true);

    // operators see the whole journey across the services; a citizen asking in another province sees where it stands
    const kindsOf = async () => {
      const res = await backbone.gateway(`/v1/operator/dossiers/${code}/journey`, { headers: backbone.keyOf(OPERATOR_SYSTEM) });
      return (res.body.journey as { kind: string }[]).map((entry) => entry.kind).sort();
    };
    await waitFor(async () => (await kindsOf()).filter((kind) => kind === 'notified').length === 6, 'three e-mails and three SMS on the journey', 30000);
    expect(await kindsOf()).toEqual(['delivered', ...Array(6).fill('notified'), 'status-changed', 'status-changed', 'submitted']);

    // the SMS went through the applicant's carrier, in ASCII, and the SMS gateway's receipts came back through the gateway
    const texts = ((await request(`${backbone.apps.url('legacy-sim')}/sms/messages?to=0961234567`)).body.messages as unknown as { text: string; carrier: string }[]).filter((m) => m.text.includes(code));
    expect(texts.map((m) => m.carrier)).toEqual(['viettel', 'viettel', 'viettel']);
    expect(texts[0].text).toMatch(/^Ho so .+ nop truc tuyen luc .+ da duoc tiep nhan\. Tra cuu: dichvucong\.gov\.vn$/);
    const smsStatuses = async () => {
      const res = await backbone.gateway(`/v1/operator/notifications?dossier=${code}&channel=SMS`, { headers: backbone.keyOf(OPERATOR_SYSTEM) });
      return (res.body.items as unknown as { status: string }[]).map((n) => n.status);
    };
    await waitFor(async () => (await smsStatuses()).every((status) => status === 'delivered') || undefined, 'the three SMS delivered', 30000);
    const receiptsOf = async () => ((await request(`${backbone.apps.url('legacy-sim')}/sms/messages?to=0961234567`)).body.messages as unknown as { text: string; receipts: object[] }[]).filter((m) => m.text.includes(code)).map((m) => m.receipts);
    const receipts = await waitFor(async () => {
      const noted = await receiptsOf();
      return noted.every((r) => r.length > 0) && noted;
    }, 'the receipts noted by the SMS gateway', 10000);
    expect(receipts).toEqual(Array(3).fill([{ status: 'DELIVERED', httpStatus: 200, outcome: 'delivered', sentAt: expect.any(String) }]));
    const tracked = await backbone.gateway(`/v1/dossiers/${code}/tracking`, { headers: backbone.provinceKey('H01') });
    expect(tracked.body).toMatchObject({ code, status: 4, applicant: { name: 'N***** V** A*' } });
  }, 90000);

  it('status 6 makes payment request the procedure fee', async () => {
    const submitted = await backbone.gateway('/v1/dossiers', {
      body: submission(`${run}-fee`, `fee-${run}@example.vn`, { procedureCode: '1.013377', caseCode: '1.013377.01' }),
    });
    const code = submitted.body.code as string;
    await waitFor(async () => (await backbone.dossierStatus(code)) === 4, `${code} at status 4`, 30000);
    const paying = await backbone.gateway(`/v1/dossiers/${code}/status`, { headers: backbone.provinceKey('H56'), body: { status: 6, note: 'Nộp phí' } });
    expect(paying.status).toBe(200);
    const payments = await waitFor(async () => {
      const { rows } = await backbone.db.query(`SELECT amount, status FROM payment.payment_requests WHERE dossier_code = $1`, [code]);
      return rows.length > 0 ? rows : undefined;
    }, 'a payment request', 30000);
    expect(payments).toEqual([{ amount: 500000, status: 'requested' }]);
  }, 75000);

  it("refuses one province's credentials on another province's dossier with 403", async () => {
    const submitted = await backbone.gateway('/v1/dossiers', { body: submission(`${run}-scope`, `scope-${run}@example.vn`) });
    const code = submitted.body.code as string;
    const foreign = await backbone.gateway(`/v1/dossiers/${code}/status`, { headers: backbone.provinceKey('H26'), body: { status: 2 } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await backbone.gateway(`/v1/dossiers/${code}`, { headers: backbone.provinceKey('H26') })).status).toBe(403);
  });

  it('answers malformed submissions with problem+json 4xx and stores nothing', async () => {
    const count = async () => (await backbone.db.query(`SELECT count(*)::int AS n FROM intake.dossiers`)).rows[0].n as number;
    const before = await count();
    const cases: [unknown, number][] = [
      ['{"partnerReference": ', 400],
      [{ partnerReference: `${run}-missing` }, 400],
      [submission(`${run}-types`, 'x@example.vn', { channel: 'online', applicant: 42 }), 400],
      [submission(`${run}-unknown`, 'x@example.vn', { procedureCode: '9.999999', caseCode: undefined }), 422],
      [submission(`${run}-big`, 'x@example.vn', { summary: 'x'.repeat(2 * 1024 * 1024) }), 413],
    ];
    for (const [body, status] of cases) {
      const res = await backbone.gateway('/v1/dossiers', { body });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // whether the gateway or intake refused it, the problem names the URL the portal called
      expect(res.body.instance).toBe('/v1/dossiers');
    }
    expect(await count()).toBe(before);
  });
});

describe("synchronous calls of legacy systems' services, X-Road style", () => {
  const lookup = (province: string, code: string) => `/v1/systems/${oneStopSystemOf(province)}/services/${DOSSIER_LOOKUP_SERVICE}/${code}`;
  const byCivilRegistry = { headers: backbone.keyOf(CIVIL_REGISTRY_SYSTEM) };
  const fault = (province: string, mode: string) => request(`${backbone.apps.url('legacy-sim')}/control/one-stop/${province}/fault`, { method: 'PUT', body: { mode } });

  it("the civil registry looks a dossier up in the province's one-stop system: gateway → connector → legacy-sim", async () => {
    const submitted = await backbone.gateway('/v1/dossiers', { body: submission(`${run}-lookup`, `lookup-${run}@example.vn`) });
    const code = submitted.body.code as string;
    await waitFor(async () => (await backbone.dossierStatus(code)) === 4, `${code} at status 4`, 30000);
    const found = await backbone.gateway(lookup('H56', code), byCivilRegistry);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ error_code: 0, result: { MaHoSo: code, TrangThaiHoSo: 4 } });
    const unknown = await backbone.gateway(lookup('H56', '000.00.06.H56-261123-9999'), byCivilRegistry);
    expect(unknown.body).toMatchObject({ error_code: -1 });
    expect((await backbone.gateway(lookup('H56', code), { headers: backbone.keyOf('VN/COM/0100112437/VCB') })).status).toBe(403);
  });

  it('answers 504 for a slow province, refuses a province that is down with 503 once its circuit opens, and calls it again once it recovers', async () => {
    try {
      await fault('H41', 'slow');
      expect((await backbone.gateway(lookup('H41', 'x'), byCivilRegistry)).status).toBe(504);
      await fault('H41', 'down');
      const refused = await waitFor(async () => {
        const res = await backbone.gateway(lookup('H41', 'x'), byCivilRegistry);
        expect([502, 503]).toContain(res.status);
        return res.status === 503 ? res : undefined;
      }, 'the circuit of H41 to open', 20000);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.body).toMatchObject({ system: oneStopSystemOf('H41'), service: DOSSIER_LOOKUP_SERVICE, errorSide: 'provider' });
    } finally {
      await fault('H41', 'none');
    }
    await waitFor(async () => (await backbone.gateway(lookup('H41', 'x'), byCivilRegistry)).status === 200, 'H41 called again', 20000);
  });
});

describe('crash safety', () => {
  it('SIGKILL of intake in a burst of 500 submissions loses no acknowledged dossier, duplicates none, e-mails once', async () => {
    const email = `burst-${run}@example.vn`;
    const refs = Array.from({ length: 500 }, (_, i) => `${run}-burst-${i}`);
    const acknowledged = new Map<string, string>();
    const submit = async (ref: string) => {
      const res = await backbone.gateway('/v1/dossiers', { body: submission(ref, email) }).catch(() => undefined);
      if (res && (res.status === 201 || res.status === 200)) acknowledged.set(ref, res.body.code as string);
    };
    const pending = [...refs];
    const workers = Array.from({ length: 20 }, async () => {
      for (let ref = pending.shift(); ref; ref = pending.shift()) await submit(ref);
    });
    await waitFor(() => acknowledged.size >= 150, '150 acknowledged submissions', 60000, 5);
    await backbone.apps.kill('intake', 'SIGKILL');
    await backbone.apps.start('intake');
    await Promise.all(workers);
    const ackedBeforeRetry = new Map(acknowledged);
    // the portal retries what it never got an answer for: the partner reference finds the dossier if it exists
    for (const ref of refs.filter((r) => !acknowledged.has(r))) await submit(ref);
    expect(acknowledged.size).toBe(500);

    const { rows } = await backbone.db.query(`SELECT partner_reference, code FROM intake.dossiers WHERE partner_reference LIKE $1`, [`${run}-burst-%`]);
    expect(rows).toHaveLength(500);
    const stored = new Map(rows.map((r) => [r.partner_reference as string, r.code as string]));
    for (const [ref, code] of ackedBeforeRetry) expect(stored.get(ref)).toBe(code);
    expect(new Set(stored.values()).size).toBe(500);

    // every dossier reaches status 4 and its applicant gets exactly three e-mails: receipt, 2 and 4
    const codes = [...stored.values()];
    await waitFor(async () => {
      const res = await backbone.db.query(`SELECT count(*)::int AS n FROM intake.dossiers WHERE code = ANY($1) AND status = 4`, [codes]);
      return res.rows[0].n === 500;
    }, '500 dossiers at status 4', 180000, 500);
    await waitFor(async () => {
      const res = await backbone.db.query(`SELECT count(*)::int AS n FROM notification.notifications WHERE dossier_code = ANY($1) AND status = 'sent'`, [codes]);
      return res.rows[0].n === 1500;
    }, '1500 notifications sent', 180000, 500);
    const mails = await backbone.mailsTo(email);
    expect(mails).toHaveLength(1500);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(1500);
  }, 420000);
});

describe('readiness follows Kafka', () => {
  const apps = ['gateway', 'gateway-recorder', 'catalogue', 'intake', 'connector', 'notification', 'payment'];
  /** Resolves once every app answers `status`; otherwise throws naming the apps that do not and why, for the timeout to report. */
  const allAnswer = async (status: number) => {
    const answers = await Promise.all(apps.map(async (name) => ({ name, res: await fetch(`${backbone.apps.url(name)}/health/ready`) })));
    const others = answers.filter((a) => a.res.status !== status);
    if (others.length === 0) return true;
    const reasons = await Promise.all(others.map(async (a) => `${a.name} ${a.res.status} ${await a.res.text()}`));
    throw new Error(reasons.join('; '));
  };

  it('every app turns not-ready when Kafka stops, ready when it returns, and the journey works again', async () => {
    try {
      infra('down.sh');
      if (await kafkaListening()) {
        throw new Error('Kafka on 127.0.0.1:9092 was not started by this checkout (scripts/infra/up.sh), so this test cannot stop it: run npm run infra:down where it was started');
      }
      await waitFor(() => allAnswer(503), 'all apps not ready', 60000, 500);
    } finally {
      infra('up.sh');
    }
    await waitFor(() => allAnswer(200), 'all apps ready again', 120000, 500);
    const submitted = await backbone.gateway('/v1/dossiers', { body: submission(`${run}-after-outage`, `outage-${run}@example.vn`) });
    expect(submitted.status).toBe(201);
    await waitFor(async () => (await backbone.dossierStatus(submitted.body.code as string)) === 4, 'status 4 after the outage', 60000);
  }, 300000);
});
