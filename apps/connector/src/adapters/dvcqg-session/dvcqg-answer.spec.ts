import { judgeDvcqgAnswer, shouldResendAsUpdate } from './dvcqg-answer';

describe('DVCQG answers', () => {
  it.each([[{ error_code: 0 }], [{ error_code: '0', message: 'Thành công' }], [{ error_code: 0, session: 'abc' }]])('%j is accepted', (answer) => {
    expect(judgeDvcqgAnswer(answer)).toEqual({ kind: 'accepted' });
  });

  it.each([[{ error_code: -2, message: 'Phiên làm việc không hợp lệ' }], [{ error_code: '-2' }]])('%j asks for a new session', (answer) => {
    expect(judgeDvcqgAnswer(answer)).toEqual({ kind: 'session-invalid' });
  });

  it('recognises "already exists" in the message or the result, whatever the case', () => {
    expect(judgeDvcqgAnswer({ error_code: -1, message: 'Hồ sơ 000.00.06.H56-261123-0001 đã tồn tại' })).toEqual({ kind: 'already-exists' });
    expect(judgeDvcqgAnswer({ error_code: '1', result: 'Mã hồ sơ ĐÃ TỒN TẠI trong hệ thống' })).toEqual({ kind: 'already-exists' });
  });

  it.each([
    [{ error_code: -1, message: 'Thiếu trường MaTTHC' }, 'error_code -1: Thiếu trường MaTTHC'],
    [{ error_code: '', message: 'trống' }, 'error_code : trống'],
    [{ error_code: 5, result: { detail: 'x' } }, 'error_code 5: {"detail":"x"}'],
    [{ message: 'no code' }, 'the answer has no error_code'],
    ['plain text', 'the answer has no error_code'],
    [null, 'the answer has no error_code'],
  ])('%j is refused with a clear reason', (answer, reason) => {
    expect(judgeDvcqgAnswer(answer)).toEqual({ kind: 'refused', reason });
  });

  it('resends a create the system already holds as an update, and only a create', () => {
    const exists = judgeDvcqgAnswer({ error_code: -1, message: 'Hồ sơ X đã tồn tại' });
    expect(shouldResendAsUpdate(exists, false)).toBe(true);
    expect(shouldResendAsUpdate(exists, true)).toBe(false);
    expect(shouldResendAsUpdate({ kind: 'accepted' }, false)).toBe(false);
    expect(shouldResendAsUpdate({ kind: 'refused', reason: 'x' }, false)).toBe(false);
  });
});
