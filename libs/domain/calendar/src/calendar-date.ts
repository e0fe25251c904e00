/**
 * A day of the Vietnamese civil calendar, `YYYY-MM-DD` (proleptic Gregorian). A plain string so that it reads
 * the same in JSON configuration, database columns and logs; arithmetic goes through day numbers, never through
 * a local-time `Date`, so the host's time zone cannot shift a day.
 */
export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset names every day exchanged here. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function parse(date: string): number | undefined {
  const match = CALENDAR_DATE.exec(date);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2026-02-30 over to March (and reads years below 100 as 19xx); the round trip refuses both.
  return new Date(ms).toISOString().startsWith(date) ? ms / DAY_MS : undefined;
}

export const isCalendarDate = (value: unknown): value is CalendarDate => typeof value === 'string' && parse(value) !== undefined;

/** Days since 1970-01-01; throws naming the value when it is not a real `YYYY-MM-DD` day. */
export function dayNumberOf(date: CalendarDate): number {
  const day = typeof date === 'string' ? parse(date) : undefined;
  if (day === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return day;
}

export const calendarDateOf = (dayNumber: number): CalendarDate => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: CalendarDate, days: number): CalendarDate => calendarDateOf(dayNumberOf(date) + days);

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export const weekdayOf = (date: CalendarDate): number => (((dayNumberOf(date) + 4) % 7) + 7) % 7;

/** Saturday and Sunday: the weekly rest of state agencies, which work a five-day week. */
export const isWeekend = (date: CalendarDate): boolean => weekdayOf(date) % 6 === 0;

function instant(at: Date): number {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('not a valid date');
  return ms;
}

/** The day an instant falls on in Asia/Ho_Chi_Minh: a dossier submitted at 23:30 in Hanoi is received that day. */
export const vietnamDateOf = (at: Date): CalendarDate => new Date(instant(at) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** 00:00:00.000 of the day in Asia/Ho_Chi_Minh. */
export const startOfVietnamDay = (date: CalendarDate): Date => new Date(dayNumberOf(date) * DAY_MS - VIETNAM_OFFSET_MS);

/** 23:59:59.999 of the day in Asia/Ho_Chi_Minh: a due date is met by anything done before the day is out. */
export const endOfVietnamDay = (date: CalendarDate): Date => new Date((dayNumberOf(date) + 1) * DAY_MS - VIETNAM_OFFSET_MS - 1);
