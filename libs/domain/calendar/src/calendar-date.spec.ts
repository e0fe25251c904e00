import { addDays, endOfVietnamDay, isCalendarDate, startOfVietnamDay, vietnamDateOf, weekdayOf } from './calendar-date';

describe('calendar dates', () => {
  it.each(['2026-11-23', '2024-02-29', '2000-02-29', '1985-01-21'])('%s is a date', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['', '2026-2-3', '2026-02-30', '2025-02-29', '1900-02-29', '2026-13-01', '0025-01-01', '2026-11-23T00:00', 20261123])('%s is not', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each([
    ['2026-11-23', 1, 2],
    ['2025-12-31', 1, 4],
    ['2024-02-28', 1, 4],
    ['2028-03-01', -1, 2],
    ['2027-12-31', 1, 6],
  ])('%s %+d day is on weekday %i', (date, days, weekday) => {
    expect(weekdayOf(addDays(date, days))).toBe(weekday);
  });

  it('names the bad value', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow('not a calendar date (YYYY-MM-DD): "2026-02-30"');
  });

  it.each([
    ['2026-11-23T16:59:59.999Z', '2026-11-23'],
    ['2026-11-23T17:00:00.000Z', '2026-11-24'],
    ['2026-12-31T17:00:00.000Z', '2027-01-01'],
    ['2028-02-28T18:00:00.000Z', '2028-02-29'],
  ])('the instant %s is on %s in Asia/Ho_Chi_Minh', (at, date) => {
    expect(vietnamDateOf(new Date(at))).toBe(date);
  });

  it('a Vietnamese day runs from 17:00 UTC the day before to 16:59:59.999 UTC', () => {
    expect(startOfVietnamDay('2026-11-23').toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(endOfVietnamDay('2026-11-23').toISOString()).toBe('2026-11-23T16:59:59.999Z');
    expect(endOfVietnamDay('2026-12-31').toISOString()).toBe('2026-12-31T16:59:59.999Z');
  });

  it('refuses an invalid instant', () => {
    expect(() => vietnamDateOf(new Date('nonsense'))).toThrow(RangeError);
  });
});
