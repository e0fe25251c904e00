import { MAIL_BOX_CAPACITY, MailBox, ReceivedMessage } from './mail-box';

const message = (to: string[], subject: string): ReceivedMessage => ({ to, subject, receivedAt: new Date().toISOString() });

describe('mail box', () => {
  const box = new MailBox();

  beforeEach(() => {
    box.clear();
    box.add(message(['an.nguyen@example.vn'], 'Hồ sơ đã được tiếp nhận'));
    box.add(message(['binh.tran@example.vn', 'an.nguyen@example.vn'], 'Hồ sơ cần bổ sung'));
    box.add(message(['chi.le@example.vn'], 'Thông báo nộp phí'));
  });

  it('lists everything without a filter, oldest first', () => {
    expect(box.list().map((m) => m.subject)).toEqual(['Hồ sơ đã được tiếp nhận', 'Hồ sơ cần bổ sung', 'Thông báo nộp phí']);
  });

  it('filters by a substring of any recipient and of the subject, ignoring case', () => {
    expect(box.list({ to: 'AN.NGUYEN' })).toHaveLength(2);
    expect(box.list({ to: 'an.nguyen', subject: 'bổ sung' }).map((m) => m.subject)).toEqual(['Hồ sơ cần bổ sung']);
    expect(box.list({ subject: 'không có' })).toEqual([]);
  });

  it('drops the oldest message past its capacity', () => {
    for (let i = 0; i < MAIL_BOX_CAPACITY; i++) box.add(message(['x@example.vn'], `thư ${i}`));
    const all = box.list();
    expect(all).toHaveLength(MAIL_BOX_CAPACITY);
    expect(all[0].subject).toBe('thư 0');
  });

  it('clears', () => {
    box.clear();
    expect(box.list()).toEqual([]);
  });
});
