import { addDays } from './calendar-date';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar();

describe('working calendar: due dates', () => {
  it.each([
    ['a plain week, Monday + 5', '2026-11-23', 5, '2026-11-30'],
    ['Tuesday + 3', '2025-03-04', 3, '2025-03-07'],
    ['a Friday receipt + 1 is Monday', '2026-11-27', 1, '2026-11-30'],
    ['a Saturday receipt counts from Monday', '2026-11-28', 1, '2026-12-01'],
    ['a Sunday receipt counts from Monday', '2025-03-09', 1, '2025-03-11'],
    ['0 days on a working day is the day itself', '2026-11-24', 0, '2026-11-24'],
    ['0 days on a Sunday is Monday', '2026-11-29', 0, '2026-11-30'],
    ['half a day counts as a whole one', '2026-11-23', 0.5, '2026-11-24'],
    ['one and a half days count as two', '2025-03-04', 1.5, '2025-03-06'],
    ['over Tết 2025 (Tuesday 28/1 – Saturday 1/2)', '2025-01-27', 1, '2025-02-03'],
    ['from the Friday before Tết 2025', '2025-01-24', 3, '2025-02-04'],
    ['received during Tết 2025', '2025-01-30', 2, '2025-02-05'],
    ['over Tết 2026 (Monday 16/2 – Friday 20/2)', '2026-02-13', 1, '2026-02-23'],
    ['received on the eve of Tết 2026', '2026-02-16', 2, '2026-02-25'],
    ['over the Hùng Kings day 2025 (Monday 7/4)', '2025-04-04', 1, '2025-04-08'],
    ['over the Hùng Kings day 2026 (Sunday 26/4) and its Monday off', '2026-04-24', 1, '2026-04-28'],
    ['over 30/4–1/5 2025 (Wednesday, Thursday)', '2025-04-29', 1, '2025-05-02'],
    ['over 30/4–1/5 2025, two days', '2025-04-29', 2, '2025-05-05'],
    ['over 30/4–1/5 2026 (Thursday, Friday)', '2026-04-29', 1, '2026-05-04'],
    ['over 1/9–2/9 2025 (Monday, Tuesday)', '2025-08-29', 1, '2025-09-03'],
    ['over 1/9–2/9 2026 (Tuesday, Wednesday)', '2026-08-31', 1, '2026-09-03'],
    ['into 2028: 1/1 on Saturday, Monday 3/1 off', '2027-12-31', 1, '2028-01-04'],
    ['over 30/4 2028 on Sunday: Monday 1/5 and Tuesday 2/5 off', '2028-04-28', 1, '2028-05-03'],
    ['across the year end (1/1 2026 on Thursday)', '2025-12-30', 5, '2026-01-07'],
    ['30 working days from 1/12/2025, over the new year', '2025-12-01', 30, '2026-01-13'],
  ])('%s: %s + %d → %s', (_what, received, days, due) => {
    expect(calendar.addWorkingDays(received, days)).toBe(due);
  });

  it.each([-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d days', (days) => {
    expect(() => calendar.addWorkingDays('2026-11-23', days)).toThrow(RangeError);
  });

  it('refuses a malformed date, naming it', () => {
    expect(() => calendar.addWorkingDays('2026-11-31', 1)).toThrow('"2026-11-31"');
    expect(() => calendar.isWorkingDay('23/11/2026')).toThrow('"23/11/2026"');
  });
});

describe('working calendar: what a year decided', () => {
  // Tết 2025 as decided: Monday 27/1 off as well, worked back on Saturday 8/2.
  const decided = new WorkingCalendar({
    2025: { extraDaysOff: ['2025-01-27'], extraWorkingDays: ['2025-02-08'] },
    2024: { nationalDayAdjacent: 'after' },
    2026: { holidays: ['2026-01-01', '2026-02-16'] },
  });

  it.each([
    ['the extra day off', '2025-01-24', 1, '2025-02-03'],
    ['the Saturday worked', '2025-02-07', 1, '2025-02-08'],
    ['received on the Saturday worked, no days', '2025-02-08', 0, '2025-02-08'],
    ['the day after 2/9 taken (Monday 2/9, Tuesday 3/9)', '2024-08-30', 1, '2024-09-04'],
    ['the holidays listed instead of computed', '2026-02-13', 1, '2026-02-17'],
  ])('%s: %s + %d → %s', (_what, received, days, due) => {
    expect(decided.addWorkingDays(received, days)).toBe(due);
    expect(decided.workingDaysBetween(received, due)).toBe(days);
  });

  it('lists the holidays, configured ones replacing the computed', () => {
    expect(decided.holidaysOf(2026)).toEqual(['2026-01-01', '2026-02-16']);
    expect(decided.holidaysOf(2024)).toEqual(expect.arrayContaining(['2024-09-02', '2024-09-03']));
    expect(decided.holidaysOf(2024)).not.toContain('2024-09-01');
    expect(decided.isWorkingDay('2025-01-27')).toBe(false);
    expect(decided.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true);
  });

  it('refuses a bad configuration', () => {
    expect(() => new WorkingCalendar({ 2026: { extraDaysOff: ['2026-02-29'] } })).toThrow('2026.extraDaysOff[0] is not a date (YYYY-MM-DD) of 2026: "2026-02-29"');
  });
});

describe('working calendar: days between', () => {
  it.each([
    ['the same day', '2026-11-23', '2026-11-23', 0],
    ['Friday to Monday', '2026-11-27', '2026-11-30', 1],
    ['over Tết 2025', '2025-01-24', '2025-02-03', 2],
    ['from a Saturday', '2025-02-01', '2025-02-03', 1],
    ['backwards', '2026-11-30', '2026-11-27', -1],
  ])('%s: %s → %s is %i', (_what, from, to, days) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(days);
  });

  it('inverts addWorkingDays from every working day of 2023–2028', () => {
    for (let day = '2023-01-01'; day < '2029-01-01'; day = addDays(day, 1)) {
      if (!calendar.isWorkingDay(day)) continue;
      for (const days of [0, 1, 2, 5, 13, 40]) expect(calendar.workingDaysBetween(day, calendar.addWorkingDays(day, days))).toBe(days);
    }
  });
});
