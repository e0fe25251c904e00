import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dossierStatusChangedV1, DossierStatusChangedV1, paymentFailedV1, paymentSucceededV1 } from '@lienthong/contracts';
import { SMS_GATEWAY_SYSTEM } from '@lienthong/domain-registry';
import { request, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import type { FakeSmsGateway } from './fake-sms-gateway';
import { startNotification } from './notification.fixture';
import type { SmtpSink } from './smtp-sink';

const run = Date.now().toString(36);
const codeOf = (name: string) => `000.00.06.H56-${run}-${name}`;
const addressOf = (name: string) => `${name}.${run}@example.vn`;
/** A Viettel number of the test's own (096…), so that no two tests share a recipient. */
const phoneOf = (name: string) => `096${String([...`${run}${name}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 10_000_000, 7)).padStart(7, '0')}`;
const statusChange = (name: string, previousStatus: number, status: number): DossierStatusChangedV1 => ({
  ...dossierStatusChangedV1.example,
  code: codeOf(name),
  previousStatus,
  status,
  changedAt: new Date().toISOString(),
  contact: { email: addressOf(name), phone: phoneOf(name) },
});

describe('notification: e-mails and SMS from dossier events (real PostgreSQL, Kafka and SMTP)', () => {
  let fixture: Awaited<ReturnType<typeof startNotification>>;
  let notification: TestApp;
  let smtp: SmtpSink;
  let sms: FakeSmsGateway;
  let db: DataSource;

  let events: ReturnType<typeof testEvents>;
  const publish = (event: DossierStatusChangedV1) => events.publish(dossierStatusChangedV1, event.code, event);
  const publishAgain = (id: string, event: DossierStatusChangedV1) => events.publishAgain(dossierStatusChangedV1, id, event.code, event);

  const rowsOf = (name: string, channel = 'EMAIL') => db.query(`SELECT * FROM notification.notifications WHERE dossier_code = $1 AND channel = $2 ORDER BY position`, [codeOf(name), channel]);
  const asSmsGateway = { 'x-lienthong-client': SMS_GATEWAY_SYSTEM };
  const receipt = (messageId: string, status: string) => request(`${notification.baseUrl}/sms-receipts`, { body: { messageId, status }, headers: asSmsGateway });
  const receiptBatch = (receipts: unknown) => request(`${notification.baseUrl}/sms-receipt-batches`, { body: { receipts }, headers: asSmsGateway });

  beforeAll(async () => {
    fixture = await startNotification({
      NOTIFY_BACKOFF_BASE_MS: '200',
      NOTIFY_BACKOFF_CAP_MS: '1000',
      NOTIFY_MAX_ATTEMPTS: '30',
      NOTIFY_RECIPIENT_LIMIT: '3',
      NOTIFY_SWITCHED_OFF: 'dossier.status-changed.10:SMS',
    });
    ({ notification, smtp, sms } = fixture);
    db = notification.app.get(DataSource);
    events = testEvents(notification.app);
  }, 60000);

  afterAll(() => fixture?.stop(), 30000);

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

    const listed = await request(`${notification.baseUrl}/notifications?dossier=${encodeURIComponent(codeOf('accepted'))}&status=sent&channel=EMAIL`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect((listed.body.items as unknown[])[0]).toMatchObject({ template: 'dossier.status-changed.2', recipient: 'a***@example.vn', attempts: 1, status: 'sent' });
  }, 60000);

  it("sends a recipient's messages in the order of their events, even when they are due together", async () => {
    await Promise.all([publish(statusChange('ordered', 1, 2)), publish(statusChange('ordered', 2, 4)), publish(statusChange('ordered', 4, 5))]);
    await waitFor(() => smtp.to(addressOf('ordered')).length === 3, 'the three e-mails', 45000);
    const made: { subject: string }[] = await rowsOf('ordered');
    expect(smtp.to(addressOf('ordered')).map((e) => e.mail.subject)).toEqual(made.map((m) => m.subject));
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

  it('holds a message back while an older one of its recipient waits for its retry, so that they still arrive in order', async () => {
    await smtp.stop();
    await publish(statusChange('behind', 1, 2));
    await waitFor(async () => ((await rowsOf('behind'))[0]?.attempts ?? 0) >= 2, 'two failed attempts of the first message', 45000);
    await publish(statusChange('behind', 2, 4));
    await waitFor(async () => (await rowsOf('behind'))[0]?.attempts >= 3 && (await rowsOf('behind')).length === 2, 'a third failed attempt with the second message queued', 45000);
    expect((await rowsOf('behind'))[1]).toMatchObject({ status: 'pending', attempts: 0 });
    await smtp.start();
    await waitFor(() => smtp.to(addressOf('behind')).length === 2, 'both e-mails', 45000);
    expect(smtp.to(addressOf('behind')).map((e) => e.mail.subject)).toEqual([`Hồ sơ ${codeOf('behind')}: Đã tiếp nhận`, `Hồ sơ ${codeOf('behind')}: Đang xử lý`]);
    const [first, second] = await rowsOf('behind');
    expect([first.attempts >= 4, second.attempts]).toEqual([true, 1]);
  }, 90000);

  it("sends an SMS in plain ASCII through the number's carrier, and follows its receipts: delivered, sent again after a temporary failure, given up after a permanent one", async () => {
    await publish({ ...statusChange('sms', 1, 2), dueAt: '2026-11-30T16:59:59.999Z' });
    const [text] = await waitFor(() => sms.to(phoneOf('sms')).length > 0 && sms.to(phoneOf('sms')), 'the SMS', 45000);
    expect(text).toEqual({
      messageId: expect.any(String),
      to: phoneOf('sms'),
      text: `Ho so ${codeOf('sms')}: Da tiep nhan. Ngay hen tra: 30/11/2026. Tra cuu: dichvucong.gov.vn`,
      carrier: 'viettel',
      templateId: 'DVC_TRANGTHAI_2_01',
      brandName: 'DICHVUCONG',
    });
    await waitFor(async () => (await rowsOf('sms', 'SMS'))[0].status === 'sent', 'the SMS marked sent');
    expect((await receipt(text.messageId, 'DELIVERED')).body).toEqual({ messageId: text.messageId, status: 'delivered' });
    expect((await receipt(text.messageId, 'PERMANENT_FAILURE')).body).toMatchObject({ status: 'delivered' });

    await publish(statusChange('sms', 2, 4));
    const resent = await waitFor(() => sms.to(phoneOf('sms')).length >= 2 && sms.to(phoneOf('sms'))[1], 'the second SMS', 45000);
    await waitFor(async () => (await rowsOf('sms', 'SMS'))[1]?.status === 'sent', 'the second SMS marked sent');
    expect((await receipt(resent.messageId, 'TEMPORARY_FAILURE')).body).toMatchObject({ status: 'pending' });
    await waitFor(() => sms.to(phoneOf('sms')).length >= 3, 'the SMS sent again', 45000);
    expect(sms.to(phoneOf('sms'))[2].messageId).toBe(resent.messageId);
    await waitFor(async () => (await rowsOf('sms', 'SMS'))[1].status === 'sent', 'sent again');
    expect((await receipt(resent.messageId, 'PERMANENT_FAILURE')).body).toMatchObject({ status: 'failed' });

    const failed = await request(`${notification.baseUrl}/notifications?status=failed&channel=SMS&dossier=${encodeURIComponent(codeOf('sms'))}`);
    expect(failed.body).toMatchObject({ total: 1, items: [{ id: resent.messageId, recipient: `096*****${phoneOf('sms').slice(-2)}`, carrier: 'viettel', lastError: expect.stringContaining('PERMANENT_FAILURE') }] });
    expect((await receipt('6f1c7a52-7a8e-4f55-9d0e-3c3f1f1b2a10', 'DELIVERED')).status).toBe(404);
  }, 90000);

  it('applies a batch of receipts in one go, in their order: each answers for itself, an unknown message with a problem, a second receipt of one message changes nothing', async () => {
    const names = ['batch-delivered', 'batch-temporary', 'batch-permanent'];
    for (const name of names) await publish(statusChange(name, 1, 2));
    const [delivered, temporary, permanent] = await waitFor(async () => {
      const rows = (await Promise.all(names.map((name) => rowsOf(name, 'SMS')))).map(([row]) => row);
      return rows.every((row) => row?.status === 'sent') && (rows as { id: string }[]).map((row) => row.id);
    }, 'the three SMS sent', 45000);
    const unknown = '6f1c7a52-7a8e-4f55-9d0e-3c3f1f1b2a11';
    const batch = [
      { messageId: delivered, status: 'DELIVERED', reportedAt: '2026-11-23T08:00:03.000Z' },
      { messageId: temporary, status: 'TEMPORARY_FAILURE', error: 'the handset could not be reached' },
      { messageId: unknown, status: 'DELIVERED' },
      { messageId: permanent, status: 'PERMANENT_FAILURE' },
      { messageId: delivered, status: 'PERMANENT_FAILURE' },
    ];
    const answer = await receiptBatch(batch);
    expect([answer.status, answer.body]).toEqual([
      200,
      {
        items: [
          { messageId: delivered, status: 'delivered' },
          { messageId: temporary, status: 'pending' },
          { messageId: unknown, problem: 'unknown-message' },
          { messageId: permanent, status: 'failed' },
          { messageId: delivered, status: 'delivered' },
        ],
      },
    ]);
    const [[d], [t], [p]] = await Promise.all(names.map((name) => rowsOf(name, 'SMS')));
    expect(d).toMatchObject({ status: 'delivered', delivered_at: new Date('2026-11-23T08:00:03.000Z'), last_error: null });
    expect(t).toMatchObject({ status: 'pending', delivered_at: null, last_error: 'the carrier reported TEMPORARY_FAILURE: the handset could not be reached' });
    expect(t.next_attempt_at.getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(p).toMatchObject({ status: 'failed', last_error: 'the carrier reported PERMANENT_FAILURE' });
    await waitFor(() => sms.to(phoneOf('batch-temporary')).length >= 2, 'the SMS of the temporary failure sent again', 45000);
    expect(sms.to(phoneOf('batch-permanent'))).toHaveLength(1);
  }, 90000);

  it('refuses a batch of receipts that is empty, too long, or holds a malformed receipt, and changes nothing', async () => {
    await publish(statusChange('batch-refused', 1, 2));
    const [row] = await waitFor(async () => (await rowsOf('batch-refused', 'SMS'))[0]?.status === 'sent' && rowsOf('batch-refused', 'SMS'), 'the SMS sent', 45000);
    const valid = { messageId: row.id, status: 'DELIVERED' };
    const empty = await receiptBatch([]);
    expect([empty.status, empty.body.detail]).toEqual([400, expect.stringMatching(/receipts must contain at least 1 elements/)]);
    const long = await receiptBatch(Array.from({ length: 501 }, () => valid));
    expect([long.status, long.body.detail]).toEqual([400, expect.stringMatching(/receipts must contain no more than 500 elements/)]);
    const malformed = await receiptBatch([valid, { messageId: row.id, status: 'READ' }]);
    expect([malformed.status, malformed.body.detail]).toEqual([400, expect.stringMatching(/receipts\.1\.status must be one of DELIVERED, TEMPORARY_FAILURE, PERMANENT_FAILURE/)]);
    expect((await rowsOf('batch-refused', 'SMS'))[0].status).toBe('sent');
  }, 90000);

  it('skips what a recipient opted out of, but for the notices the law makes mandatory; sends nothing switched off', async () => {
    const optOut = await request(`${notification.baseUrl}/opt-outs`, { body: { channel: 'SMS', recipient: phoneOf('opted'), optedOut: true } });
    expect(optOut.body).toEqual({ channel: 'SMS', optedOut: true });
    await publish(statusChange('opted', 1, 2));
    await publish(statusChange('opted', 4, 6));
    await publish(statusChange('opted', 9, 10));
    await waitFor(async () => (await rowsOf('opted')).length === 3, 'the three e-mails', 45000);
    await waitFor(() => sms.to(phoneOf('opted')).length >= 1, 'the mandatory SMS', 45000);
    const texts = await rowsOf('opted', 'SMS');
    // made in one batch, so in one instant: by template
    expect(texts.map((r: { template: string; status: string }) => [r.template, r.status]).sort()).toEqual([
      ['dossier.status-changed.2', 'skipped'],
      ['dossier.status-changed.6', expect.stringMatching(/^(pending|sent)$/)],
    ]);
    expect(sms.to(phoneOf('opted')).map((m) => m.templateId)).toEqual(['DVC_TRANGTHAI_6_01']);
    const invalid = await request(`${notification.baseUrl}/opt-outs`, { body: { channel: 'SMS', recipient: 'an@example.vn', optedOut: true } });
    expect([invalid.status, invalid.body.detail]).toEqual([400, expect.stringMatching(/mobile number/)]);
  }, 90000);

  it('sends a recipient at most NOTIFY_RECIPIENT_LIMIT messages a window: the rest wait', async () => {
    for (const [from, to] of [[1, 2], [2, 4], [4, 5], [5, 4], [4, 9]]) await publish(statusChange('limited', from, to));
    await waitFor(async () => (await rowsOf('limited')).filter((r: { status: string }) => r.status === 'sent').length === 3, 'three e-mails sent', 45000);
    const rows = await rowsOf('limited');
    expect(rows.map((r: { status: string }) => r.status).sort()).toEqual(['pending', 'pending', 'sent', 'sent', 'sent']);
    expect(rows.filter((r: { status: string; attempts: number }) => r.status === 'pending').every((r: { attempts: number; next_attempt_at: Date }) => r.attempts === 0 && r.next_attempt_at > new Date())).toBe(true);
    expect(smtp.to(addressOf('limited'))).toHaveLength(3);
  }, 90000);

  it('makes messages with the version of a template an operator wrote, previews drafts, and refuses unsound ones', async () => {
    const operator = { 'x-lienthong-client': 'VN/GOV/000.00.00.G22/LIENTHONG-OPS' };
    const template = { template: 'dossier.status-changed.4', channel: 'SMS', submissionChannel: 2 };
    const draft = { ...template, subject: 'DVC_DANGXULY_02', lines: ['Ho so #MaHoSo dang duoc giai quyet.', 'Han tra ket qua: #NgayHenTra.'] };
    const preview = await request(`${notification.baseUrl}/templates/preview`, { body: draft });
    expect(preview.body).toEqual({ version: null, subject: 'DVC_DANGXULY_02', body: 'Ho so 000.00.06.H56-261123-0001 dang duoc giai quyet. Han tra ket qua: 30/11/2026.' });

    const refused = await request(`${notification.baseUrl}/templates`, { body: { ...draft, lines: ['Hồ sơ #MaHoSo đang được giải quyết #HanXuLy'] }, headers: operator });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.stringMatching(/^#HanXuLy is not a field of dossier.status-changed.4/), 'an SMS is plain ASCII: no diacritics, no other characters']);

    const added = await request(`${notification.baseUrl}/templates`, { body: draft, headers: operator });
    expect(added.status).toBe(201);
    const version = added.body.version as number;
    expect(version).toBeGreaterThanOrEqual(2);
    const versions = await request(`${notification.baseUrl}/templates?template=dossier.status-changed.4&channel=SMS&submissionChannel=2`);
    expect((versions.body.items as unknown as { version: number }[]).map((v) => v.version)).toEqual([...Array(version).keys()].map((k) => k + 1));

    await publish({ ...statusChange('templated', 2, 4), channel: 2 });
    await publish({ ...statusChange('templated-by-post', 2, 4), channel: 3 });
    const [text] = await waitFor(() => sms.to(phoneOf('templated')).length > 0 && sms.to(phoneOf('templated')), 'the SMS of the new version', 45000);
    expect(text).toMatchObject({ templateId: 'DVC_DANGXULY_02', text: expect.stringMatching(new RegExp(`^Ho so ${codeOf('templated').replaceAll('.', '\\.')} dang duoc giai quyet\\.`)) });
    expect((await rowsOf('templated', 'SMS'))[0].template_version).toBe(version);
    const [byPost] = await waitFor(() => sms.to(phoneOf('templated-by-post')).length > 0 && sms.to(phoneOf('templated-by-post')), 'the SMS by post', 45000);
    expect(byPost.templateId).toBe('DVC_TRANGTHAI_4_01');
  }, 90000);

  it("tells the applicant of a fee paid and of a failed attempt, by the contact of the dossier's events; nobody for a dossier it never saw", async () => {
    await publish(statusChange('paid', 4, 6));
    await waitFor(async () => (await rowsOf('paid')).length === 1, 'the e-mail of status 6', 45000);
    const payment = { ...paymentSucceededV1.example, dossierCode: codeOf('paid'), reference: `dvc-${run}-paid`, amount: 500000, paidAt: '2026-11-23T08:05:12.000Z' };
    await events.publish(paymentFailedV1, codeOf('paid'), { ...paymentFailedV1.example, dossierCode: codeOf('paid'), reference: `dvc-${run}-failed`, amount: 500000 });
    await events.publish(paymentSucceededV1, codeOf('paid'), payment);
    await events.publish(paymentSucceededV1, codeOf('never-seen'), { ...payment, dossierCode: codeOf('never-seen') });
    const mails = await waitFor(() => smtp.to(addressOf('paid')).length >= 3 && smtp.to(addressOf('paid')), 'the payment e-mails', 45000);
    // sent side by side: in any order
    expect(mails.map((m) => m.mail.subject).sort()).toEqual(
      [`Hồ sơ ${codeOf('paid')}: Yêu cầu thực hiện nghĩa vụ tài chính`, `Hồ sơ ${codeOf('paid')}: thanh toán không thành công`, `Hồ sơ ${codeOf('paid')}: đã thanh toán 500.000 đồng`].sort(),
    );
    const texts = await waitFor(() => sms.to(phoneOf('paid')).length >= 3 && sms.to(phoneOf('paid')), 'the payment SMS', 45000);
    expect(texts.find((t) => t.templateId === 'DVC_THANHTOAN_01')).toMatchObject({ text: `Ho so ${codeOf('paid')}: da thanh toan 500.000 dong luc 15:05 23/11/2026. Ma giao dich: GD123456.` });
    expect(await rowsOf('never-seen')).toEqual([]);
  }, 90000);

  it('tells the applicant that a second payment of a fee paid is a duplicate to be paid back, not that the fee is paid', async () => {
    await publish(statusChange('twice', 4, 6));
    // payment events come on topics of their own: the contact must be known from the dossier's event first
    await waitFor(async () => (await rowsOf('twice')).length === 1, 'the e-mail of status 6', 45000);
    const first = { ...paymentSucceededV1.example, dossierCode: codeOf('twice'), reference: `dvc-${run}-twice`, amount: 500000, paidAt: '2026-11-23T08:05:12.000Z' };
    await events.publish(paymentSucceededV1, codeOf('twice'), first);
    await events.publish(paymentSucceededV1, codeOf('twice'), { ...first, attemptId: randomUUID(), reference: `dvc-${run}-twice-again`, paidAt: '2026-11-23T08:07:40.000Z', secondPaymentOf: first.attemptId });
    const mails = await waitFor(() => smtp.to(addressOf('twice')).length >= 3 && smtp.to(addressOf('twice')), 'the payment e-mails', 45000);
    const duplicate = mails.find((m) => m.mail.subject === `Hồ sơ ${codeOf('twice')}: khoản thanh toán 500.000 đồng bị trùng`);
    expect(duplicate?.mail.text).toContain('Ông/Bà không cần thanh toán thêm.');
    expect(mails.filter((m) => m.mail.subject === `Hồ sơ ${codeOf('twice')}: đã thanh toán 500.000 đồng`)).toHaveLength(1);
    const texts = await waitFor(() => sms.to(phoneOf('twice')).length >= 3 && sms.to(phoneOf('twice')), 'the payment SMS', 45000);
    expect(texts.find((t) => t.templateId === 'DVC_THANHTOAN_TRUNG_01')).toMatchObject({
      text: `Ho so ${codeOf('twice')}: khoan 500.000 dong thanh toan luc 15:07 23/11/2026 bi trung, se duoc hoan tra. Ma giao dich: GD123456.`,
    });
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
