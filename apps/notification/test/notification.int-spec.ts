import { DataSource } from 'typeorm';
import { dossierStatusChangedV1, DossierStatusChangedV1 } from '@lienthong/contracts';
import { loadConfig } from '@lienthong/platform-config';
import { request, startTestApp, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { NotificationEnv } from '../src/config';
import { SmtpSink } from './smtp-sink';

const run = Date.now().toString(36);
const codeOf = (name: string) => `000.00.06.H56-${run}-${name}`;
const addressOf = (name: string) => `${name}.${run}@example.vn`;
const statusChange = (name: string, previousStatus: number, status: number): DossierStatusChangedV1 => ({
  ...dossierStatusChangedV1.example,
  code: codeOf(name),
  previousStatus,
  status,
  changedAt: new Date().toISOString(),
  contact: { email: addressOf(name), phone: '0961234567' },
});

describe('notification: e-mails from dossier events (real PostgreSQL, Kafka and SMTP)', () => {
  const smtp = new SmtpSink();
  let notification: TestApp;
  let db: DataSource;

  let events: ReturnType<typeof testEvents>;
  const publish = (event: DossierStatusChangedV1) => events.publish(dossierStatusChangedV1, event.code, event);
  const publishAgain = (id: string, event: DossierStatusChangedV1) => events.publishAgain(dossierStatusChangedV1, id, event.code, event);

  const rowsOf = (name: string) => db.query(`SELECT * FROM notification.notifications WHERE dossier_code = $1 ORDER BY created_at`, [codeOf(name)]);

  beforeAll(async () => {
    await smtp.start();
    const env = { ...process.env, SMTP_URL: smtp.url, NOTIFY_BACKOFF_BASE_MS: '200', NOTIFY_BACKOFF_CAP_MS: '1000', NOTIFY_MAX_ATTEMPTS: '30' };
    notification = await startTestApp(AppModule.register(loadConfig(NotificationEnv, env)));
    db = notification.app.get(DataSource);
    events = testEvents(notification.app);
  }, 60000);

  afterAll(async () => {
    await notification?.close();
    await smtp.stop();
  }, 30000);

  it('sends exactly one e-mail for a status change, with the right subject and recipient', async () => {
    await publish(statusChange('accepted', 1, 2));
    const [email] = await waitFor(() => smtp.to(addressOf('accepted')).length > 0 && smtp.to(addressOf('accepted')), 'the e-mail', 45000);
    const [row] = await rowsOf('accepted');
    expect(email.mail.subject).toBe(`Hồ sơ ${codeOf('accepted')}: Đã tiếp nhận`);
    expect(email.mail.from?.value[0]).toMatchObject({ address: 'no-reply@dichvucong.gov.vn', name: 'Cổng Dịch vụ công' });
    expect(email.mail.messageId).toBe(`<${row.id}@lienthong.gov.vn>`);
    expect(email.mail.text).toContain('Kính gửi Ông/Bà Nguyễn Văn An,');
    await waitFor(async () => (await rowsOf('accepted'))[0].status === 'sent', 'the notification marked sent');
    expect(smtp.to(addressOf('accepted'))).toHaveLength(1);

    const listed = await request(`${notification.baseUrl}/notifications?dossier=${encodeURIComponent(codeOf('accepted'))}&status=sent`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect((listed.body.items as unknown[])[0]).toMatchObject({ template: 'dossier.status-changed.2', recipient: 'a***@example.vn', attempts: 1, status: 'sent' });
  }, 60000);

  it('sends nothing more when Kafka delivers the same event again', async () => {
    const event = statusChange('redelivered', 1, 2);
    const id = await publish(event);
    await waitFor(() => smtp.to(addressOf('redelivered')).length > 0, 'the first e-mail', 45000);
    await publishAgain(id, event);
    // the next change of the same dossier shares its partition, so once it is handled the repeat was too
    await publish(statusChange('redelivered', 2, 4));
    await waitFor(() => smtp.to(addressOf('redelivered')).length >= 2, 'the e-mail of the next change', 45000);
    expect(smtp.to(addressOf('redelivered')).map((e) => e.mail.subject)).toEqual([
      `Hồ sơ ${codeOf('redelivered')}: Đã tiếp nhận`,
      `Hồ sơ ${codeOf('redelivered')}: Đang xử lý`,
    ]);
    expect(await rowsOf('redelivered')).toHaveLength(2);
  }, 60000);

  it('retries while the SMTP server is down and sends once it is back', async () => {
    await smtp.stop();
    await publish(statusChange('retried', 4, 6));
    const [failed] = await waitFor(async () => {
      const rows = await rowsOf('retried');
      return rows.length > 0 && rows[0].attempts >= 1 && rows;
    }, 'a failed attempt', 45000);
    expect(failed).toMatchObject({ status: 'pending', last_error: expect.stringMatching(/ECONNREFUSED/) });
    await smtp.start();
    await waitFor(async () => (await rowsOf('retried'))[0].status === 'sent', 'the notification sent after the retry', 30000);
    const emails = smtp.to(addressOf('retried'));
    expect(emails).toHaveLength(1);
    expect(emails[0].mail.subject).toBe(`Hồ sơ ${codeOf('retried')}: Yêu cầu thực hiện nghĩa vụ tài chính`);
    expect((await rowsOf('retried'))[0].attempts).toBeGreaterThanOrEqual(2);
  }, 90000);

  it.each([
    ['an unknown status', 'status=lost'],
    ['a page size over 100', 'pageSize=1000'],
    ['a page that is not a number', 'page=first'],
  ])('refuses %s with problem+json', async (_what, query) => {
    const res = await request(`${notification.baseUrl}/notifications?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
