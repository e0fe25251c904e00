import { MAIL_BOX_CAPACITY, MailBox, StoredMessage } from './mail-box';

const message = (to: string[], subject: string): StoredMessage => ({ to, receivedAt: new Date().toISOString(), content: () => Promise.resolve({ subject }) });

describe('mail box', () => {
  const box = new MailBox();

  beforeEach(() => {
    box.clear();
    box.add(message(['an.nguyen@example.vn'], 'Hồ sơ đã được tiếp nhận'));
    box.add(message(['binh.tran@example.vn', 'an.nguyen@example.vn'], 'Hồ sơ cần bổ sung'));
    box.add(message(['chi.le@example.vn'], 'Thông báo nộp phí'));
  });

  it('lists everything without a filter, oldest first', async () => {
    expect((await box.list()).map((m) => m.subject)).toEqual(['Hồ sơ đã được tiếp nhận', 'Hồ sơ cần bổ sung', 'Thông báo nộp phí']);
  });

  it('filters by a substring of any recipient and of the subject, ignoring case', async () => {
    expect(await box.list({ to: 'AN.NGUYEN' })).toHaveLength(2);
    expect((await box.list({ to: 'an.nguyen', subject: 'bổ sung' })).map((m) => m.subject)).toEqual(['Hồ sơ cần bổ sung']);
    expect(await box.list({ subject: 'không có' })).toEqual([]);
  });

  it('reads the content of the messages addressed to the recipient asked for only', async () => {
    const content = jest.fn(() => Promise.resolve({ subject: 'Kết quả' }));
    box.add({ to: ['dung.pham@example.vn'], receivedAt: new Date().toISOString(), content });
    expect(await box.list({ to: 'an.nguyen' })).toHaveLength(2);
    expect(content).not.toHaveBeenCalled();
    expect(await box.list({ to: 'dung.pham' })).toMatchObject([{ to: ['dung.pham@example.vn'], subject: 'Kết quả' }]);
  });

  it('drops the oldest message past its capacity', async () => {
    for (let i = 0; i < MAIL_BOX_CAPACITY; i++) box.add(message(['x@example.vn'], `thư ${i}`));
    const all = await box.list();
    expect(all).toHaveLength(MAIL_BOX_CAPACITY);
    expect(all[0].subject).toBe('thư 0');
  });

  it('clears', async () => {
    box.clear();
    expect(await box.list()).toEqual([]);
  });
});
