import { DVCQG_STATUS_LOOKUP } from './dvcqg-status-lookup';

const CODE = '000.00.06.H56-261123-0001';
const answer = (record: Record<string, unknown>) => ({ error_code: 0, result: { MaHoSo: CODE, MaTTHC: '1.000358', ...record } });
const { callFor, read } = DVCQG_STATUS_LOOKUP;

describe('the session dialect status look-up', () => {
  it('asks TraCuuHoSo of the unit in the code', () => {
    expect(callFor(CODE)).toEqual({ operation: 'TraCuuHoSo', parameters: { madonvi: '000.00.06.H56', MaHoSo: CODE } });
  });

  it.each([
    [4, 4],
    ['4', '4'],
    [' processing ', 'processing'],
    ['gui-buu-dien', 'gui-buu-dien'],
  ])('reads TrangThaiHoSo %j as %j, with no time when the record gives none', (sent, status) => {
    expect(read(answer({ TrangThaiHoSo: sent, NgayTiepNhan: '20261123081500' }))).toEqual({ ok: true, observed: { status, occurredAt: null } });
  });

  it.each([
    [2, 'NgayTiepNhan', '20261123081500', '2026-11-23T01:15:00.000Z'],
    ['new', 'NgayTiepNhan', '20261123081500', '2026-11-23T01:15:00.000Z'],
    ['3', 'NgayTiepNhan', '20261123081500', '2026-11-23T01:15:00.000Z'],
    [9, 'NgayKetThucXuLy', '20261126160000', '2026-11-26T09:00:00.000Z'],
    ['done', 'NgayTra', '20261127090000', '2026-11-27T02:00:00.000Z'],
  ])('takes when status %j was reached from %s, in Vietnamese wall time', (status, field, date, at) => {
    const observed = read(answer({ TrangThaiHoSo: status, [field]: date }));
    expect(observed.ok && observed.observed.occurredAt?.toISOString()).toBe(at);
  });

  it.each([['an empty date', ''], ['an ISO date', '2026-11-23T08:15:00'], ['no date', undefined]])('gives no time for %s', (_what, date) => {
    expect(read(answer({ TrangThaiHoSo: 2, NgayTiepNhan: date }))).toEqual({ ok: true, observed: { status: 2, occurredAt: null } });
  });

  it.each([
    [{ error_code: -1, message: `Không tìm thấy hồ sơ ${CODE}` }, `TraCuuHoSo refused: error_code -1: Không tìm thấy hồ sơ ${CODE}`],
    [{ error_code: 0, result: 'x' }, 'TraCuuHoSo answered no record'],
    [answer({}), 'TraCuuHoSo answered TrangThaiHoSo undefined, which is no status'],
    [answer({ TrangThaiHoSo: 11 }), 'TraCuuHoSo answered TrangThaiHoSo 11, which is no status'],
    [answer({ TrangThaiHoSo: 'đã xử lý xong!' }), 'TraCuuHoSo answered TrangThaiHoSo "đã xử lý xong!", which is no status'],
  ])('refuses %j, saying why', (sent, reason) => {
    expect(read(sent)).toEqual({ ok: false, reason });
  });
});
