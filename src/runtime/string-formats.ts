/**
 * The JSON Schema `format`s the catalogue uses, with the meaning the JSON
 * Schema validation vocabulary gives them: the ABNF rules of RFC 3339
 * (`full-date`, `full-time`, `date-time`), RFC 3986 (`URI`, in
 * `uri-syntax.ts`), RFC 4122 (`UUID`) and RFC 5321 (`Mailbox`, in
 * `mailbox-syntax.ts`), read as the JSON Schema Test Suite reads them. Its
 * cases for these formats are run against these functions. In particular:
 * - `date-time` is a date, `T` (or `t`), a time and an offset, `Z` (or `z`) or
 *   `±hh:mm`: never missing, never `+01` or `+0100`, and no space in place of
 *   the `T`. A zone suffix such as `[Europe/London]` is not RFC 3339.
 *   Fractional seconds may have any number of digits.
 * - `time` is the time and offset of a `date-time`.
 * - a leap second (`:60`) is allowed only where the time in UTC is 23:59, so
 *   `23:59:60Z` and `15:59:60-08:00` are allowed, but not `23:59:60+01:00`.
 *   Hours are 00 to 23 and minutes 00 to 59 whatever the offset.
 * - `date` is a real calendar day, leap years included.
 * - `uuid` is syntax only, any version or variant, either case, and nothing
 *   around it (no `urn:uuid:`, no braces). zod's `z.uuid()` is stricter;
 *   `z.guid()` matches it.
 *
 * These checks run on every field of every event read, so each reads its
 * string once, with no backtracking: dates, times and UUIDs character by
 * character, with no regular expression. A property test holds each format to
 * a regular expression written from its RFC's ABNF, on generated and mutated
 * strings.
 */
import { isEmail } from './mailbox-syntax.js';
import { isUri } from './uri-syntax.js';

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** The value of the ASCII digit at `i`, or -1 (also past the end). */
export function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 0x30;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The two-digit number at `i`, or -1. */
export function twoDigits(text: string, i: number): number {
  const tens = digit(text, i);
  const units = digit(text, i + 1);
  return tens < 0 || units < 0 ? -1 : tens * 10 + units;
}

/**
 * The two-digit number at `i`, or -1, for positions known to be inside
 * `text` (past its end, `charCodeAt` gives NaN, which this would take for 0).
 */
function twoDigitsWithin(text: string, i: number): number {
  const tens = text.charCodeAt(i) - 0x30;
  const units = text.charCodeAt(i + 1) - 0x30;
  return tens >>> 0 <= 9 && units >>> 0 <= 9 ? tens * 10 + units : -1;
}

/** `YYYY-MM-DD` at `start`, as a day that exists; `text` has at least ten characters from `start`. */
function isDateAt(text: string, start: number): boolean {
  const century = twoDigitsWithin(text, start);
  const yy = twoDigitsWithin(text, start + 2);
  const month = twoDigitsWithin(text, start + 5);
  const day = twoDigitsWithin(text, start + 8);
  if (century < 0 || yy < 0 || month < 0 || day < 0) return false;
  if (text.charCodeAt(start + 4) !== 0x2d || text.charCodeAt(start + 7) !== 0x2d) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(century * 100 + yy) ? 29 : (DAYS[month] as number));
}

/** `format: date`: `YYYY-MM-DD`, a day that exists. */
export function isDate(value: string): boolean {
  return value.length === 10 && isDateAt(value, 0);
}

/**
 * RFC 3339's `full-time` from `start` to the end: `hh:mm:ss[.fraction]` and
 * `Z` or `±hh:mm`, with a leap second only at 23:59:60 UTC.
 */
function isTimeAt(text: string, start: number): boolean {
  const length = text.length;
  if (length < start + 9) return false;
  const hour = twoDigitsWithin(text, start);
  const minute = twoDigitsWithin(text, start + 3);
  const second = twoDigitsWithin(text, start + 6);
  if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 60) return false;
  if (text.charCodeAt(start + 2) !== 0x3a || text.charCodeAt(start + 5) !== 0x3a) return false;
  let i = start + 8;
  if (text.charCodeAt(i) === 0x2e /* . */) {
    if (digit(text, ++i) < 0) return false;
    while (digit(text, i) >= 0) i++;
  }
  const zone = text.charCodeAt(i);
  if (zone === 0x5a || zone === 0x7a /* Z z */) return i + 1 === length && (second < 60 || (hour === 23 && minute === 59));
  if ((zone !== 0x2b && zone !== 0x2d) /* + - */ || i + 6 !== length || text.charCodeAt(i + 3) !== 0x3a) return false;
  const zoneHour = twoDigitsWithin(text, i + 1);
  const zoneMinute = twoDigitsWithin(text, i + 4);
  if (zoneHour < 0 || zoneMinute < 0 || zoneHour > 23 || zoneMinute > 59) return false;
  if (second < 60) return true;
  // A leap second ends a UTC day: the local minute, less the offset, is 23:59 (of that day or the one before or after).
  const offset = zoneHour * 60 + zoneMinute;
  return (hour * 60 + minute - (zone === 0x2d ? -offset : offset) + 1440) % 1440 === 1439;
}

/** `format: time`: RFC 3339's `full-time`, so with an offset; a leap second only at 23:59:60 UTC. */
export function isTime(value: string): boolean {
  return isTimeAt(value, 0);
}

/** `format: date-time`: RFC 3339's `date-time`, a `full-date`, `T` (or `t`) and a `full-time`. */
export function isDateTime(value: string): boolean {
  if (value.length < 20) return false;
  const separator = value.charCodeAt(10);
  return (separator === 0x54 || separator === 0x74) /* T t */ && isDateAt(value, 0) && isTimeAt(value, 11);
}

/** 1 for the ASCII hexadecimal digits, either case; 0 for every other code unit below 128. */
const HEX = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

/** Whether `text` has only hexadecimal digits from `from` up to `to`. */
function isHexRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || HEX[c] === 0) return false;
  }
  return true;
}

/** `format: uuid`: RFC 4122's `UUID`, 8-4-4-4-12 hexadecimal digits of any case, any version or variant. */
export function isUuid(value: string): boolean {
  return (
    value.length === 36 &&
    value.charCodeAt(8) === 0x2d &&
    value.charCodeAt(13) === 0x2d &&
    value.charCodeAt(18) === 0x2d &&
    value.charCodeAt(23) === 0x2d &&
    isHexRun(value, 0, 8) &&
    isHexRun(value, 9, 13) &&
    isHexRun(value, 14, 18) &&
    isHexRun(value, 19, 23) &&
    isHexRun(value, 24, 36)
  );
}

/** The formats generated validators understand, by their JSON Schema name. */
export const STRING_FORMATS = {
  date: isDate,
  time: isTime,
  'date-time': isDateTime,
  uri: isUri,
  uuid: isUuid,
  email: isEmail,
} as const satisfies Record<string, (value: string) => boolean>;

export type StringFormat = keyof typeof STRING_FORMATS;
