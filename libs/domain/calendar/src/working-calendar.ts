import { addDays, CalendarDate, dayNumberOf, isWeekend } from './calendar-date';
import { checkCalendarConfig, WorkingCalendarConfig } from './calendar-config';
import { publicHolidaysOf } from './public-holidays';

interface YearDays {
  off: ReadonlySet<CalendarDate>;
  worked: ReadonlySet<CalendarDate>;
}

/**
 * Working days of state agencies in Vietnam: Monday to Friday, less public holidays and their compensatory days,
 * as the Labour Code sets them or as a year's configuration decides.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, YearDays>();
  private readonly config: WorkingCalendarConfig;

  constructor(config: WorkingCalendarConfig = {}) {
    this.config = checkCalendarConfig(config);
  }

  /** The year's days off besides weekends (holidays and compensatory days, or the configured list), in order. */
  holidaysOf(year: number): CalendarDate[] {
    const decision = this.config[String(year)];
    return decision?.holidays ? [...new Set(decision.holidays)].sort() : publicHolidaysOf(year, decision?.nationalDayAdjacent);
  }

  isWorkingDay(date: CalendarDate): boolean {
    // A malformed date would otherwise pass as an ordinary weekday.
    dayNumberOf(date);
    const { off, worked } = this.daysOf(Number(date.slice(0, 4)));
    return worked.has(date) || (!off.has(date) && !isWeekend(date));
  }

  /**
   * The due date of a dossier received on `receivedAt` with `days` working days to process it. Counting starts the
   * working day after receipt, and receipt on a day off counts as receipt on the next working day; so 0 days is that
   * receipt working day. A fraction of a day (processing times of 0.5 days exist) counts as a whole one.
   */
  addWorkingDays(receivedAt: CalendarDate, days: number): CalendarDate {
    if (!Number.isFinite(days) || days < 0) throw new RangeError(`not a number of working days: ${days}`);
    let day = this.workingDayFrom(receivedAt);
    for (let left = Math.ceil(days); left > 0; left--) day = this.workingDayFrom(addDays(day, 1));
    return day;
  }

  /** Working days after `from` up to and including `to`: how far `to` is past `from`, negative when it is before. */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
    const [start, end] = [dayNumberOf(from), dayNumberOf(to)];
    if (end < start) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }

  private workingDayFrom(date: CalendarDate): CalendarDate {
    let day = date;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  private daysOf(year: number): YearDays {
    let days = this.years.get(year);
    if (!days) {
      const decision = this.config[String(year)];
      days = { off: new Set([...this.holidaysOf(year), ...(decision?.extraDaysOff ?? [])]), worked: new Set(decision?.extraWorkingDays) };
      this.years.set(year, days);
    }
    return days;
  }
}
