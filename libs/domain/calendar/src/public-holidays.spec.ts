import { publicHolidaysOf } from './public-holidays';

describe('public holidays (Labour Code 2019 art. 111–112)', () => {
  it.each([
    [
      '2025: none falls on a weekend but Tết (Saturday 1/2)',
      2025,
      ['01-01', '01-28', '01-29', '01-30', '01-31', '02-01', '04-07', '04-30', '05-01', '09-01', '09-02'],
    ],
    [
      '2026: the Hùng Kings day on Sunday 26/4 gives Monday 27/4',
      2026,
      ['01-01', '02-16', '02-17', '02-18', '02-19', '02-20', '04-26', '04-27', '04-30', '05-01', '09-01', '09-02'],
    ],
    [
      '2027: 1/5 on Saturday gives Monday 3/5; Tết on the weekend is not moved',
      2027,
      ['01-01', '02-05', '02-06', '02-07', '02-08', '02-09', '04-16', '04-30', '05-01', '05-03', '09-01', '09-02'],
    ],
    [
      '2023: Hùng Kings on Saturday 29/4 and 30/4 on Sunday take Tuesday 2/5 and Wednesday 3/5, past the 1/5 holiday',
      2023,
      ['01-01', '01-02', '01-21', '01-22', '01-23', '01-24', '01-25', '04-29', '04-30', '05-01', '05-02', '05-03', '09-01', '09-02', '09-04'],
    ],
  ])('%s', (_what, year, days) => {
    expect(publicHolidaysOf(year)).toEqual(days.map((day) => `${year}-${day}`));
  });

  it('2028: 1/1 on Saturday gives Monday 3/1; 30/4 on Sunday gives Tuesday 2/5 (Monday 1/5 is a holiday); 2/9 on Saturday gives Monday 4/9', () => {
    const days = publicHolidaysOf(2028);
    expect(days).toEqual(expect.arrayContaining(['2028-01-01', '2028-01-03', '2028-04-30', '2028-05-01', '2028-05-02', '2028-09-01', '2028-09-02', '2028-09-04']));
    expect(days).not.toContain('2028-01-02');
    expect(days).not.toContain('2028-09-03');
    expect(days.filter((day) => day >= '2028-01-20' && day <= '2028-02-05')).toEqual(['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-29']);
  });

  it('takes the day after 2/9 when so decided', () => {
    const days = publicHolidaysOf(2026, 'after');
    expect(days).toContain('2026-09-03');
    expect(days).not.toContain('2026-09-01');
  });

  // The Code took effect in 2021; the Hùng Kings day last fell on 30/4 in 1947, so no two holidays share a day.
  it('keeps its eleven days distinct in every year it applies to', () => {
    for (let year = 2021; year <= 2199; year++) expect(new Set(publicHolidaysOf(year)).size).toBeGreaterThanOrEqual(11);
  });
});
