import { addDays, CalendarDate, isWeekend } from './calendar-date';
import { lastDayOfLunarYear, lunarToSolar } from './lunar-calendar';

/** Which neighbour of 2/9 is the second National Day holiday; the law leaves the choice to the Government each year. */
export type NationalDayAdjacent = 'before' | 'after';

/**
 * The days off of a solar year by the Labour Code 2019 (45/2019/QH14) art. 112(1): 1/1; Tết, five days (by default
 * the last day of the lunar year and days 1–4 of month 1, the Government fixes the five each year); the Hùng Kings'
 * day, 10/3 lunar; 30/4; 1/5; 2/9 and a day next to it (1/9 by default). A holiday other than Tết falling on a
 * Saturday or Sunday gives the next working day off (art. 111(3), Decree 145/2020). Tết days are not moved: each
 * year's decision arranges Tết with swapped days, which the year's configuration states.
 */
export function publicHolidaysOf(year: number, nationalDayAdjacent: NationalDayAdjacent = 'before'): CalendarDate[] {
  if (!Number.isInteger(year)) throw new RangeError(`not a year: ${year}`);
  const eve = lastDayOfLunarYear(year - 1);
  const tet = [0, 1, 2, 3, 4].map((offset) => addDays(eve, offset));
  const solar = (monthDay: string) => `${year}-${monthDay}`;
  const others = [solar('01-01'), lunarToSolar(year, 3, 10), solar('04-30'), solar('05-01'), solar('09-02'), solar(nationalDayAdjacent === 'before' ? '09-01' : '09-03')].sort();
  const off = new Set([...tet, ...others]);
  // In date order, so that when two holidays share a weekend each takes its own next working day.
  for (const holiday of others.filter(isWeekend)) {
    let compensatory = addDays(holiday, 1);
    while (isWeekend(compensatory) || off.has(compensatory)) compensatory = addDays(compensatory, 1);
    off.add(compensatory);
  }
  return [...off].sort();
}
