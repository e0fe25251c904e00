import { lastDayOfLunarYear, lunarToSolar } from './lunar-calendar';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    // Where the new moon falls between 23:00 and midnight Hanoi time, Tết is a day earlier than in China (UTC+8):
    // 2007-02-18 and 2030-02-03 there. In 1985 the hour's difference put Tết a whole month earlier (China 1985-02-20).
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    // The new moon is at 23:08 on 2 February 2030 in Hanoi, 00:08 on the 3rd in Beijing.
    [2030, '2030-02-02'],
  ])('Tết %i falls on %s, the day after the last day of the lunar year', (year, tet) => {
    expect(lunarToSolar(year, 1, 1)).toBe(tet);
    const eve = new Date(`${tet}T00:00:00Z`);
    eve.setUTCDate(eve.getUTCDate() - 1);
    expect(lastDayOfLunarYear(year - 1)).toBe(eve.toISOString().slice(0, 10));
  });

  it.each([
    // 2023 had a leap month 2, so month 3 starts a lunation later than in a common year.
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('the Hùng Kings day (10/3) of %i falls on %s', (year, day) => {
    expect(lunarToSolar(year, 3, 10)).toBe(day);
  });

  it.each([
    [2024, 0, 1],
    [2024, 13, 1],
    [2024, 1, 31],
    [2024, 1.5, 1],
    [1799, 1, 1],
  ])('refuses %i/%i/%i', (year, month, day) => {
    expect(() => lunarToSolar(year, month, day)).toThrow(RangeError);
  });

  it('refuses day 30 of a 29-day month and accepts it in a 30-day one', () => {
    // Month 12 of 2023 ran 2024-01-11..2024-02-09 (30 days); those of 2024 and 2025 had 29, so no "30 Tết".
    expect(lunarToSolar(2023, 12, 30)).toBe('2024-02-09');
    expect(() => lunarToSolar(2024, 12, 30)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(RangeError);
    expect(lunarToSolar(2025, 12, 29)).toBe('2026-02-16');
  });
});
