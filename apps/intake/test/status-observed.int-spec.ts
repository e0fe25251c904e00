import type { Consumer, KafkaMessage } from 'kafkajs';
import { dossierStatusChangedV1, DossierStatusChangedV1, dossierStatusObservedV1 } from '@lienthong/contracts';
import { inNamespace } from '@lienthong/platform-kafka';
import { collectMessages, dossierSubmission, request, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import { startIntake } from './intake.fixture';

const ONE_STOP = 'VN/GOV/000.00.00.H56/MOTCUA';
/** A pull-mode system that reports its fee requests as 9. */
const ODD_ONE_STOP = 'VN/GOV/000.00.00.H56/ODDSOFT';
const run = Date.now().toString(36);
const at = (local: string) => new Date(`${local}+07:00`).toISOString();

interface TimelineEntry {
  kind: string;
  status: number;
  previousStatus: number | null;
  detail?: string;
  actor: string;
  occurredAt: string;
}

describe('intake: statuses observed in systems that cannot push them (real PostgreSQL and Kafka)', () => {
  let intake: TestApp;
  let listener: Consumer;
  const changes: KafkaMessage[] = [];

  const submit = async (ref: string): Promise<string> => {
    const res = await request(`${intake.baseUrl}/dossiers`, { body: dossierSubmission(`${run}-${ref}`), headers: { 'x-lienthong-client': 'VN/GOV/000.00.00.G22/DVCQG' } });
    return res.body.code as string;
  };
  const push = (code: string, status: number | string, occurredAt: string) =>
    request(`${intake.baseUrl}/dossiers/${code}/status`, { body: { status, occurredAt }, headers: { 'x-lienthong-client': ONE_STOP } });
  /** As the connector publishes a look-up that saw a change. */
  const observe = (code: string, status: number | string, occurredAt: string, systemCode = ONE_STOP) =>
    testEvents(intake.app).publish(dossierStatusObservedV1, code, { code, systemCode, status, occurredAt, observedAt: occurredAt });
  const dossier = async (code: string) => (await request(`${intake.baseUrl}/dossiers/${code}`)).body as unknown as { status: number; dueAt: string | null; timeline: TimelineEntry[] };
  const reached = (code: string, what: (d: Awaited<ReturnType<typeof dossier>>) => boolean) => waitFor(async () => what(await dossier(code)), `${code} updated`, 20000);
  const changesOf = (code: string): DossierStatusChangedV1[] => changes.filter((m) => m.key?.toString() === code).map((m) => JSON.parse(m.value!.toString()));
  const metric = async (system: string, outcome: string) => {
    const text = (await request(`${intake.baseUrl}/metrics`)).body as unknown as string;
    const line = text.split('\n').find((l) => l.startsWith(`lienthong_status_observations_total{system="${system}",outcome="${outcome}"}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  beforeAll(async () => {
    ({ intake } = await startIntake(5_000_000, { INTAKE_STATUS_MAPPINGS: JSON.stringify({ [ODD_ONE_STOP]: { '9': 6 } }) }));
    listener = await collectMessages(`intake-observed-${run}`, [dossierStatusChangedV1], changes);
  }, 60000);

  afterAll(async () => {
    await listener?.disconnect();
    await intake?.close();
  });

  it('moves a dossier on exactly as the same push does: status, due date, timeline and dossier.status-changed.v1', async () => {
    const [pushed, observed] = [await submit('pushed'), await submit('observed')];
    for (const [status, time] of [['2', '2026-11-23T09:00:00'], ['processing', '2026-11-24T09:00:00'], [9, '2026-11-27T15:00:00']] as const) {
      expect((await push(pushed, status, at(time))).status).toBe(200);
      await observe(observed, status, at(time));
    }
    await reached(observed, (d) => d.status === 9);
    const comparable = async (code: string) => {
      const { status, dueAt, timeline } = await dossier(code);
      return { status, dueAt, timeline: timeline.filter((t) => t.kind !== 'submitted').map(({ kind, status, previousStatus, actor, occurredAt }) => ({ kind, status, previousStatus, actor, occurredAt })) };
    };
    expect(await comparable(observed)).toEqual(await comparable(pushed));
    await waitFor(() => changesOf(observed).length === 3 && changesOf(pushed).length === 3, 'three changes of each', 20000);
    const changed = (code: string) => changesOf(code).map(({ previousStatus, status, changedBy, changedAt, dueAt }) => ({ previousStatus, status, changedBy, changedAt, dueAt }));
    expect(changed(observed)).toEqual(changed(pushed));
    expect(changed(observed)[0]).toMatchObject({ previousStatus: 1, status: 2, changedBy: ONE_STOP, changedAt: '2026-11-23T02:00:00.000Z' });
  });

  it("reads the status by the observing system's mapping", async () => {
    const code = await submit('mapped');
    await observe(code, 4, at('2026-11-24T09:00:00'), ODD_ONE_STOP);
    await observe(code, '9', at('2026-11-25T09:00:00'), ODD_ONE_STOP);
    await reached(code, (d) => d.status === 6);
  });

  it('notes a report the lifecycle refuses, and one of a dossier it does not hold, and goes on', async () => {
    const code = await submit('refused');
    await push(code, 7, at('2026-11-23T09:00:00'));
    const refusedBefore = await metric(ONE_STOP, 'refused');
    await observe(code, 4, at('2026-11-24T09:00:00'));
    // a later event of the same dossier, hence handled after the refused one
    await observe(code, 'interoperating', at('2026-11-24T10:00:00'));
    await reached(code, (d) => d.timeline.some((t) => t.kind === 'sub-state' && t.detail === 'interoperating'));
    expect((await dossier(code)).status).toBe(7);
    expect(await metric(ONE_STOP, 'refused')).toBe(refusedBefore + 1);
    expect(await metric(ONE_STOP, 'noted')).toBeGreaterThanOrEqual(1);

    const stranger = `VN/GOV/000.00.00.H56/TEST-${run}`;
    await observe(`000.00.06.H56-${run}-9999`, 2, at('2026-11-24T09:00:00'), stranger);
    await waitFor(async () => (await metric(stranger, 'unknown-dossier')) === 1, 'an unknown dossier noted', 20000);
    const deadLettered = ((await request(`${intake.baseUrl}/metrics`)).body as unknown as string)
      .split('\n')
      .filter((l) => l.includes(`topic="${inNamespace(dossierStatusObservedV1.topic)}"`) && l.includes('outcome="dead-lettered"'));
    expect(deadLettered).toEqual([]);
  });
});
