import { oneStopSystemOf } from '@lienthong/domain-registry';
import { formatDossierCode, vietnamDay } from '@lienthong/domain-dossier';
import { inPool, request } from '@lienthong/platform-testing';
import { Backbone } from './support/backbone';
import { callsOf, deliveredAsAProvinceDoes, DossierHistory, historyOf, randomOf } from './support/provincial-history';

const backbone = new Backbone();
const PROVINCE = 'H26';
const ONE_STOP = oneStopSystemOf(PROVINCE);
const AGENCY = `000.00.06.${PROVINCE}`;
const DOSSIERS = 1000;
const IN_FLIGHT = 8;
const seed = Date.now();
const random = randomOf(seed);
/** A day of its own per run (the test database outlives runs, and a code's daily sequence has four digits). */
const day = new Date(Date.UTC(2020, 0, 1) + (seed % 2000) * 86_400_000);

beforeAll(() => backbone.start(), 180000);
afterAll(() => backbone.stop(), 60000);

describe("a province's one-stop software replays 1,000 dossiers through the gateway's DVCQG dialect", () => {
  it('ends every dossier where in-order delivery ends, whatever the duplicates, reordering and unknown words', async () => {
    const compat = (service: string, body: unknown) => request(`${backbone.apps.url('gateway')}/v1/compat/dvcqg/${service}`, { body });
    const login = await compat('login', { username: ONE_STOP, password: backbone.clientSecretOf(ONE_STOP) });
    expect(login.body).toMatchObject({ error_code: 0 });
    const session = login.body.session as string;

    const submittedAt = new Date(Date.now() - 30 * 86_400_000);
    const histories: DossierHistory[] = Array.from({ length: DOSSIERS }, (_, i) =>
      historyOf(random, formatDossierCode({ agencyCode: AGENCY, day: vietnamDay(day), sequence: i + 1 }), AGENCY, new Date(submittedAt.getTime() + i * 60_000)),
    );
    const refusals: string[] = [];
    const send = async (service: string, data: unknown[], extra: Record<string, unknown> = {}) => {
      const res = await compat(service, { session, madonvi: AGENCY, service, data, ...extra });
      if (res.status !== 200 || res.body.error_code !== 0) refusals.push(`${service} ${res.status} ${JSON.stringify(res.body)}`);
    };

    // registered as they come in at the counter, ten a call
    const registrations = Array.from({ length: DOSSIERS / 10 }, (_, i) => histories.slice(i * 10, i * 10 + 10).map((h) => h.registration));
    await inPool(registrations, IN_FLIGHT, (data) => send('DongBoHoSoMC', data, { isUpdating: 'false' }));
    expect(refusals).toEqual([]);

    // then everything that happened, some of it twice, in no particular order
    const calls = callsOf(deliveredAsAProvinceDoes(random, histories));
    await inPool(calls, IN_FLIGHT, (call) => send(call.service, call.data, call.service === 'DongBoHoSoMC' ? { isUpdating: 'true' } : {}));
    expect({ seed, refusals: refusals.slice(0, 5) }).toEqual({ seed, refusals: [] });

    const codes = histories.map((h) => h.code);
    const { rows } = await backbone.db.query(
      `SELECT d.code, d.status,
              (SELECT count(*)::int FROM intake.dossier_status_reports r WHERE r.dossier_code = d.code AND r.status <> 1) AS reports,
              (SELECT count(*)::int FROM intake.dossier_timeline t WHERE t.dossier_code = d.code AND t.kind = 'sub-state') AS sub_states
         FROM intake.dossiers d WHERE d.code = ANY($1)`,
      [codes],
    );
    const stored = new Map(rows.map((r) => [r.code as string, r]));
    const wrong = histories.filter((h) => {
      const row = stored.get(h.code);
      return !row || row.status !== h.walk.at(-1) || row.reports !== h.walk.length || row.sub_states !== h.unknownWords;
    });
    const describe = (h: DossierHistory) => ({ code: h.code, walk: h.walk, unknownWords: h.unknownWords, stored: stored.get(h.code) });
    expect({ seed, dossiers: stored.size, wrong: wrong.slice(0, 3).map(describe) }).toEqual({ seed, dossiers: DOSSIERS, wrong: [] });
  }, 600000);
});
