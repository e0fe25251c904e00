import { DataSource } from 'typeorm';
import { dossierStatusChangedV1, DossierStatusChangedV1, dossierSubmittedV1, DossierSubmittedV1, EventContract } from '@lienthong/contracts';
import { inPool, testEvents, waitFor } from '@lienthong/platform-testing';
import { startNotification } from './notification.fixture';

const DOSSIERS = 1000;
const run = Date.now().toString(36);

interface Published<T> {
  id: string;
  key: string;
  payload: T;
}

describe(`notification: redelivering every event of a ${DOSSIERS}-dossier run sends no second message (real PostgreSQL, Kafka and SMTP)`, () => {
  let fixture: Awaited<ReturnType<typeof startNotification>>;
  let events: ReturnType<typeof testEvents>;
  const ofRun = (recipient: string) => recipient.includes(run);
  const mailsOfRun = () => fixture.smtp.received.filter((m) => m.recipients.some(ofRun)).length;
  const smsOfRun = () => fixture.sms.received.filter((m) => phones.has(m.to)).length;
  const phones = new Set<string>();

  beforeAll(async () => {
    fixture = await startNotification();
    events = testEvents(fixture.notification.app);
  }, 60000);

  afterAll(() => fixture?.stop(), 30000);

  it('sends one e-mail and one SMS per event, and nothing more when Kafka delivers every event again', async () => {
    const submitted: Published<DossierSubmittedV1>[] = [];
    const changed: Published<DossierStatusChangedV1>[] = [];
    const publish = async <T>(contract: EventContract<T>, into: Published<T>[], key: string, payload: T) => into.push({ id: await events.publish(contract, key, payload), key, payload });
    await inPool([...Array(DOSSIERS).keys()], 8, async (i) => {
      const code = `000.00.06.H56-${run}-${String(i).padStart(4, '0')}`;
      // a number of the run's own for each dossier: 09 and eight digits
      const phone = `09${String((Number.parseInt(run.slice(-4), 36) * DOSSIERS + i) % 100_000_000).padStart(8, '0')}`;
      phones.add(phone);
      const contact = { email: `applicant-${i}.${run}@example.vn`, phone };
      await publish(dossierSubmittedV1, submitted, code, { ...dossierSubmittedV1.example, code, contact, submittedAt: new Date().toISOString() });
      for (const [previousStatus, status] of [[1, 2], [2, 4]]) {
        await publish(dossierStatusChangedV1, changed, code, { ...dossierStatusChangedV1.example, code, contact, previousStatus, status, changedAt: new Date().toISOString() });
      }
    });
    const expected = submitted.length + changed.length;
    expect(expected).toBe(3 * DOSSIERS);
    await waitFor(() => mailsOfRun() === expected && smsOfRun() === expected, `${expected} e-mails and ${expected} SMS`, 180000, 500);

    await events.publishAllAgain(dossierSubmittedV1, submitted);
    await events.publishAllAgain(dossierStatusChangedV1, changed);
    await events.consumedAll('notification', [dossierSubmittedV1, dossierStatusChangedV1], 120000);
    const db = fixture.notification.app.get(DataSource);
    const [{ rows, pending }] = await db.query(
      `SELECT count(*)::int AS rows, count(*) FILTER (WHERE status = 'pending')::int AS pending FROM notification.notifications WHERE dossier_code LIKE $1`,
      [`%-${run}-%`],
    );
    expect({ rows, pending }).toEqual({ rows: 2 * expected, pending: 0 });
    expect([mailsOfRun(), smsOfRun()]).toEqual([expected, expected]);
  }, 400000);
});
