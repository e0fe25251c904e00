import { parseCalendarConfig } from './calendar-config';

describe('calendar configuration (WORKING_CALENDAR)', () => {
  it.each([undefined, '', '  '])('%j is no configuration', (json) => {
    expect(parseCalendarConfig(json)).toEqual({});
  });

  it('reads a year decision', () => {
    const json = '{"2025":{"extraDaysOff":["2025-01-27"],"extraWorkingDays":["2025-02-08"]},"2026":{"nationalDayAdjacent":"after"}}';
    expect(parseCalendarConfig(json)).toEqual({ 2025: { extraDaysOff: ['2025-01-27'], extraWorkingDays: ['2025-02-08'] }, 2026: { nationalDayAdjacent: 'after' } });
  });

  it.each([
    ['{"2026":{"holidays":["2026-13-01"]}}', '2026.holidays[0] is not a date (YYYY-MM-DD) of 2026: "2026-13-01"'],
    ['{"2026":{"extraDaysOff":["2026-01-01","26/1/2026"]}}', '2026.extraDaysOff[1] is not a date (YYYY-MM-DD) of 2026: "26/1/2026"'],
    ['{"2026":{"holidays":["2025-01-01"]}}', '2026.holidays[0] is not a date (YYYY-MM-DD) of 2026: "2025-01-01"'],
    ['{"2026":{"extraWorkingDays":"2026-02-28"}}', '2026.extraWorkingDays must be a list of dates'],
    ['{"2026":{"bridgeDays":[]}}', '2026.bridgeDays is not one of holidays, extraDaysOff, extraWorkingDays, nationalDayAdjacent'],
    ['{"2026":{"nationalDayAdjacent":"3/9"}}', '2026.nationalDayAdjacent must be "before" or "after": "3/9"'],
    ['{"2026":{"extraDaysOff":["2026-02-28"],"extraWorkingDays":["2026-02-28"]}}', '2026: "2026-02-28" is both in extraDaysOff and extraWorkingDays'],
    ['{"2026":{"holidays":[],"nationalDayAdjacent":"after"}}', '2026: nationalDayAdjacent has no effect when holidays are listed'],
    ['{"twenty":{}}', 'twenty is not a year (YYYY)'],
    ['{"2026":[]}', '2026 must be an object'],
    ['[]', 'must be an object of year → decided days'],
    ['{2026:{}}', 'must be JSON'],
  ])('refuses %s: %s', (json, message) => {
    expect(() => parseCalendarConfig(json)).toThrow(message);
  });
});
