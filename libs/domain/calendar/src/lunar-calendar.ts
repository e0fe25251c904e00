import { addDays, CalendarDate, calendarDateOf, dayNumberOf } from './calendar-date';

/**
 * Vietnamese lunisolar calendar after Hồ Ngọc Đức's published algorithm ("Thuật toán tính âm lịch"): a month
 * starts on the day of the new moon, the year's month 11 is the one holding the winter solstice, and in a year of
 * 13 months the first month without a major solar term is the leap one. Every instant is taken in UTC+7; the
 * Chinese calendar computes the same in UTC+8, which is why the two Tết differ in some years (1985, 2007, 2030).
 */
const TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 that the lunation count k starts from. */
const NEW_MOON_EPOCH = 2415021.076998695;
/** Julian day number of 1970-01-01, the origin of the day numbers in calendar-date. */
const UNIX_EPOCH_JDN = 2440588;
const DEG = Math.PI / 180;

/** The astronomical new moon of lunation k, as a Julian day (UT), by the series the algorithm publishes. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly * DEG) +
    0.0021 * Math.sin(2 * DEG * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly * DEG) +
    0.0161 * Math.sin(DEG * 2 * moonAnomaly) -
    0.0004 * Math.sin(DEG * 3 * moonAnomaly) +
    0.0104 * Math.sin(DEG * 2 * latitude) -
    0.0051 * Math.sin(DEG * (sunAnomaly + moonAnomaly)) -
    0.0074 * Math.sin(DEG * (sunAnomaly - moonAnomaly)) +
    0.0004 * Math.sin(DEG * (2 * latitude + sunAnomaly)) -
    0.0004 * Math.sin(DEG * (2 * latitude - sunAnomaly)) -
    0.0006 * Math.sin(DEG * (2 * latitude + moonAnomaly)) +
    0.001 * Math.sin(DEG * (2 * latitude - moonAnomaly)) +
    0.0005 * Math.sin(DEG * (2 * moonAnomaly + sunAnomaly));
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** The local day (Julian day number) on which lunation k begins. */
const newMoonDay = (k: number): number => Math.floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);

/** Which of the 12 major solar terms (30° of sun longitude each, 0 = spring equinox) holds local midnight starting a day. */
function solarTermAt(jdn: number): number {
  const t = (jdn - 0.5 - TIME_ZONE_HOURS / 24 - 2451545.0) / 36525;
  const t2 = t * t;
  const anomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * anomaly) + (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * anomaly) + 0.00029 * Math.sin(DEG * 3 * anomaly);
  const longitude = (meanLongitude + centre) * DEG;
  const normalised = longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  return Math.floor((normalised / Math.PI) * 6);
}

const lunationOf = (jdn: number): number => Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);

/** First day of the lunar month 11 (the one holding the winter solstice) that starts in the solar year. */
function month11Of(solarYear: number): number {
  const dec31 = dayNumberOf(`${solarYear}-12-31`) + UNIX_EPOCH_JDN;
  const k = Math.floor((dec31 - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // Past 270° (term 9, the solstice) the solstice already lies in the month before.
  return solarTermAt(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** Months after month 11 at which the leap month falls: the first one whose start shares its major term with the next. */
function leapMonthOffset(month11: number): number {
  const k = lunationOf(month11);
  let offset = 1;
  let term = solarTermAt(newMoonDay(k + offset));
  let previous: number;
  do {
    previous = term;
    offset++;
    term = solarTermAt(newMoonDay(k + offset));
  } while (term !== previous && offset < 14);
  return offset - 1;
}

/** The solar day of a day in a regular (non-leap) lunar month of the lunar year; leap months are skipped over. */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number): CalendarDate {
  if (!Number.isInteger(lunarYear) || lunarYear < 1800 || lunarYear > 2199) throw new RangeError(`lunar year outside 1800..2199: ${lunarYear}`);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) throw new RangeError(`lunar month outside 1..12: ${lunarMonth}`);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) throw new RangeError(`lunar day outside 1..30: ${lunarDay}`);
  // Months 11 and 12 belong to the lunar year but start in the autumn of the solar year of the same number.
  const [from, to] = lunarMonth < 11 ? [month11Of(lunarYear - 1), month11Of(lunarYear)] : [month11Of(lunarYear), month11Of(lunarYear + 1)];
  let offset = (lunarMonth - 11 + 12) % 12;
  // 13 new moons between two months 11: one of them is the leap month, and months from it on come one later.
  if (to - from > 365 && offset >= leapMonthOffset(from)) offset++;
  const k = lunationOf(from);
  const monthStart = newMoonDay(k + offset);
  if (lunarDay > newMoonDay(k + offset + 1) - monthStart) throw new RangeError(`lunar month ${lunarMonth}/${lunarYear} has no day ${lunarDay}`);
  return calendarDateOf(monthStart + lunarDay - 1 - UNIX_EPOCH_JDN);
}

/** The last day of the lunar year (29 or 30 of month 12): the eve of the next Tết. */
export function lastDayOfLunarYear(lunarYear: number): CalendarDate {
  return addDays(lunarToSolar(lunarYear + 1, 1, 1), -1);
}
