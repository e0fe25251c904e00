export { type CalendarDate, endOfVietnamDay, isCalendarDate, startOfVietnamDay, vietnamDateOf } from './calendar-date';
export { lastDayOfLunarYear, lunarToSolar } from './lunar-calendar';
export { type NationalDayAdjacent, publicHolidaysOf } from './public-holidays';
export { parseCalendarConfig, type WorkingCalendarConfig, type YearDecision } from './calendar-config';
export { WorkingCalendar } from './working-calendar';
