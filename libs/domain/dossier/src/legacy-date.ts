/** `yyyyMMddHHmmss`, the date format of the one-stop dialects, always read as Asia/Ho_Chi_Minh wall time. */
const LEGACY_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

const VIETNAM_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An instant as the one-stop systems write it: Vietnamese wall time, `yyyyMMddHHmmss`. */
export function formatLegacyDate(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('not a valid date');
  const p = Object.fromEntries(VIETNAM_CLOCK.formatToParts(at).map((part) => [part.type, part.value]));
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
}

/**
 * The instant a `yyyyMMddHHmmss` Vietnamese wall time names, or undefined when the text is not one
 * (including impossible dates such as 20260230…). Vietnam has kept UTC+7 without daylight saving since 1975,
 * so the offset is fixed for every date these systems exchange.
 */
export function parseLegacyDate(text: string): Date | undefined {
  const match = LEGACY_DATE.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const at = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}+07:00`);
  return !Number.isNaN(at.getTime()) && formatLegacyDate(at) === text ? at : undefined;
}
