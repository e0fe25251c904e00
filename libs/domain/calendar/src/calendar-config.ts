import { CalendarDate, isCalendarDate } from './calendar-date';
import type { NationalDayAdjacent } from './public-holidays';

/** What the Government decided for a year, beyond the Labour Code's defaults. */
export interface YearDecision {
  /** The year's days off besides weekends, replacing the computed holidays and their compensatory days. */
  holidays?: CalendarDate[];
  /** Further days off, e.g. a bridge day before Tết. */
  extraDaysOff?: CalendarDate[];
  /** Days worked that would be off, e.g. a Saturday worked in exchange for a bridge day. */
  extraWorkingDays?: CalendarDate[];
  /** The day next to 2/9 that is off with it, when the computed holidays are kept. */
  nationalDayAdjacent?: NationalDayAdjacent;
}

/** Per year (`"2026"`), what was decided. */
export type WorkingCalendarConfig = Readonly<Record<string, YearDecision>>;

const LISTS = ['holidays', 'extraDaysOff', 'extraWorkingDays'] as const;
const KEYS: readonly string[] = [...LISTS, 'nationalDayAdjacent'];
const ADJACENT: readonly unknown[] = ['before', 'after'] satisfies NationalDayAdjacent[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkYear(year: string, decision: unknown): void {
  if (!/^\d{4}$/.test(year)) throw new Error(`${year} is not a year (YYYY)`);
  if (!isObject(decision)) throw new Error(`${year} must be an object of ${KEYS.join(', ')}`);
  for (const [key, value] of Object.entries(decision)) {
    if (!KEYS.includes(key)) throw new Error(`${year}.${key} is not one of ${KEYS.join(', ')}`);
    if (key === 'nationalDayAdjacent') {
      if (!ADJACENT.includes(value)) throw new Error(`${year}.${key} must be "before" or "after": ${JSON.stringify(value)}`);
      continue;
    }
    if (!Array.isArray(value)) throw new Error(`${year}.${key} must be a list of dates`);
    value.forEach((date: unknown, i) => {
      // A date filed under another year would silently never apply.
      if (!isCalendarDate(date) || !date.startsWith(`${year}-`)) throw new Error(`${year}.${key}[${i}] is not a date (YYYY-MM-DD) of ${year}: ${JSON.stringify(date)}`);
    });
  }
  const worked = new Set<unknown>(decision.extraWorkingDays as unknown[] | undefined);
  const both = (decision.extraDaysOff as unknown[] | undefined)?.find((date) => worked.has(date));
  if (both !== undefined) throw new Error(`${year}: ${JSON.stringify(both)} is both in extraDaysOff and extraWorkingDays`);
  if (decision.holidays !== undefined && decision.nationalDayAdjacent !== undefined) throw new Error(`${year}: nationalDayAdjacent has no effect when holidays are listed`);
}

/** Checks a calendar configuration; throws naming the first bad key, and the bad value. */
export function checkCalendarConfig(value: unknown): WorkingCalendarConfig {
  if (!isObject(value)) throw new Error('must be an object of year → decided days');
  for (const [year, decision] of Object.entries(value)) checkYear(year, decision);
  return value as WorkingCalendarConfig;
}

/** The configuration in an environment variable (`WORKING_CALENDAR`): JSON, or unset or blank for none. */
export function parseCalendarConfig(json: string | undefined): WorkingCalendarConfig {
  if (json === undefined || json.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('must be JSON');
  }
  return checkCalendarConfig(value);
}
