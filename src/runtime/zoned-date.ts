/**
 * Instants and calendar dates from RFC 3339 date-times, for upcasters: when a
 * date-time happened, and on which day that was in a time zone.
 */
import { digit, twoDigits } from './string-formats.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt\s](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/u;
/**
 * The instant an RFC 3339 date-time names, in milliseconds since the epoch.
 * Accepts every form `format: date-time` accepts; a leap second counts as the
 * last millisecond of its minute.
 */
export function instantOf(dateTime: string): number {
  const read = readInstant(dateTime);
  if (read !== undefined) return read;
  const m = DATE_TIME.exec(dateTime);
  if (!m) throw new RangeError(`not an RFC 3339 date-time: ${JSON.stringify(dateTime)}`);
  const second = Number(m[6]);
  const millis = second === 60 ? 999 : Number(`${m[7] ?? ''}000`.slice(0, 3));
  const local = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Math.min(second, 59), millis);
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0));
  return local - offset * 60_000;
}

/**
 * {@link instantOf} for the usual layout, read character by character: `T`,
 * `t` or a space between date and time, and the rest as {@link DATE_TIME}
 * has it. Anything else is left to the regular expression (undefined).
 */
function readInstant(text: string): number | undefined {
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  const separator = text.charCodeAt(10);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined;
  if (separator !== 0x54 && separator !== 0x74 && separator !== 0x20) return undefined;
  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 0x2e /* . */) {
    const start = ++i;
    while (digit(text, i) >= 0) i++;
    if (i === start) return undefined;
    // The first three digits, padded with zeros: ".5" is 500 ms.
    for (let k = 0; k < 3; k++) millis = millis * 10 + (start + k < i ? text.charCodeAt(start + k) - 0x30 : 0);
  }
  let offset = 0;
  const zone = text.charCodeAt(i);
  if (zone === 0x5a || zone === 0x7a /* Z z */) {
    if (i + 1 !== text.length) return undefined;
  } else if (zone === 0x2b || zone === 0x2d /* + - */) {
    const zoneHour = twoDigits(text, i + 1);
    let end = i + 3;
    let zoneMinute = 0;
    if (end < text.length) {
      if (text.charCodeAt(end) === 0x3a) end++;
      zoneMinute = twoDigits(text, end);
      end += 2;
    }
    if (zoneHour < 0 || zoneMinute < 0 || end !== text.length) return undefined;
    offset = (zone === 0x2d ? -1 : 1) * (zoneHour * 60 + zoneMinute);
  } else return undefined;
  const leap = second === 60;
  return utc(century * 100 + yy, month, day, hour, minute, leap ? 59 : second, leap ? 999 : millis) - offset * 60_000;
}

/** 400 Gregorian years, in milliseconds: exactly 146,097 days. */
const FOUR_CENTURIES = 146_097 * 86_400_000;

/** `Date.UTC` with a calendar month, and years 0 to 99 taken as written (`Date.UTC` reads them as 1900 to 1999). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - FOUR_CENTURIES;
}

const HOUR = 3_600_000;
/** Offsets cached per zone and UTC hour; a zone's are cleared when they grow past this many. */
const MAX_CACHED_OFFSETS = 10_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * The calendar date (`YYYY-MM-DD`) of an RFC 3339 date-time in an IANA time
 * zone, for example the Europe/London date of `2024-06-30T23:30:00Z`, which
 * is `2024-07-01`.
 *
 * `Intl` is slow enough to dominate an upcast, so the zone's offset is cached
 * for each UTC hour in which it does not change: the offsets at the hour's
 * first and last millisecond are equal (no zone changes offset twice in one
 * hour). An hour with a change in it is always asked of `Intl`.
 */
export function dateInZone(dateTime: string, timeZone: string): string {
  const instant = instantOf(dateTime);
  const hour = Math.floor(instant / HOUR);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(hour);
  if (offset === undefined) {
    const start = offsetAt(hour * HOUR, timeZone);
    if (start !== offsetAt(hour * HOUR + HOUR - 1, timeZone)) return localDate(instant, timeZone);
    if (zone.size >= MAX_CACHED_OFFSETS) zone.clear();
    zone.set(hour, start);
    offset = start;
  }
  return isoDate(new Date(instant + offset));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's wall clock at an instant, to the second, as a Date whose UTC fields are the local ones. */
function wallClock(instant: number, timeZone: string): Date {
  const f: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type === 'era') f.bc = part.value.startsWith('B') ? 1 : 0;
    else if (part.type !== 'literal') f[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(f.bc ? 1 - (f.year as number) : (f.year as number), (f.month as number) - 1, f.day as number);
  wall.setUTCHours(f.hour as number, f.minute as number, f.second as number, 0);
  return wall;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in whole milliseconds of seconds. */
function offsetAt(instant: number, timeZone: string): number {
  return wallClock(instant, timeZone).getTime() - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The date straight from `Intl`, for an hour in which the zone changes offset. */
function localDate(instant: number, timeZone: string): string {
  return isoDate(wallClock(instant, timeZone));
}

/** `YYYY-MM-DD` of a date's UTC fields. A year outside 0000–9999 is not a JSON Schema date, and the step's validation says so. */
function isoDate(date: Date): string {
  const year = date.getUTCFullYear();
  return `${year >= 1000 && year <= 9999 ? year : String(year).padStart(4, '0')}-${TWO_DIGITS[date.getUTCMonth() + 1]}-${TWO_DIGITS[date.getUTCDate()]}`;
}

/** "00" to "31": months and days. */
const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));
