/**
 * The JSON Schema `format`s the catalogue uses, with the meaning the JSON
 * Schema validation vocabulary gives them (RFC 3339 dates and times, RFC 3986
 * URIs, RFC 4122 UUID syntax, RFC 5321 mailbox syntax).
 *
 * The logic follows ajv-formats' "full" mode (MIT licence) line for line,
 * because generated validators must accept and reject exactly what Ajv does;
 * the differential tests hold them to it. In particular:
 * - `uuid` checks syntax only, any version or variant, with an optional
 *   `urn:uuid:` prefix (zod's `z.uuid()` is stricter; `z.guid()` is close).
 * - `date-time` needs an offset (`Z`, `+01:00`, `+0100` or `+01`), takes any
 *   number of fractional-second digits, and accepts `T`, `t` or a space between
 *   date and time. A zone suffix such as `[Europe/London]` is not RFC 3339.
 * - `date` is a real calendar day, leap years included.
 *
 * The regular expressions keep ajv-formats' flags exactly: adding `u` to a
 * case-insensitive pattern would change which characters match (the Kelvin
 * sign matches `[a-z]` under `iu`).
 *
 * These checks run on every field of every event read, so dates, times and
 * UUIDs are read character by character rather than by regular expression and
 * `Number`, and common URIs take a narrower pattern first whose every match
 * the full pattern also matches. A property test holds each one to
 * ajv-formats' own functions on generated and mutated strings.
 */

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** `\s` without the `u` flag, as `split(/t|\s/i)` sees it. */
const WHITE_SPACE = /\s/;
const NOT_URI_FRAGMENT = /\/|:/;
/**
 * The everyday URI (`https://host[:port]/path[?query]`), as a subset of
 * {@link URI}: every string it matches, the full pattern matches too, so a
 * match decides; a miss falls back to the full pattern.
 */
const COMMON_URI = /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@]*)*(?:\?[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*)?$/;
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

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

/** `YYYY-MM-DD` at `start`, ten characters, as a day that exists. */
function isDateAt(text: string, start: number): boolean {
  const century = twoDigits(text, start);
  const yy = twoDigits(text, start + 2);
  const month = twoDigits(text, start + 5);
  const day = twoDigits(text, start + 8);
  if (century < 0 || yy < 0 || month < 0 || day < 0) return false;
  if (text.charCodeAt(start + 4) !== 0x2d || text.charCodeAt(start + 7) !== 0x2d) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(century * 100 + yy) ? 29 : (DAYS[month] as number));
}

/** `format: date`: `YYYY-MM-DD`, a day that exists. */
export function isDate(value: string): boolean {
  return value.length === 10 && isDateAt(value, 0);
}

/**
 * `HH:MM:SS[.fraction](Z|±HH[[:]MM])` from `start` to the end: ajv-formats'
 * `time` with a required offset; a leap second only at 23:59:60 UTC.
 */
function isTimeAt(text: string, start: number): boolean {
  const hour = twoDigits(text, start);
  const minute = twoDigits(text, start + 3);
  const wholeSecond = twoDigits(text, start + 6);
  if (hour < 0 || minute < 0 || wholeSecond < 0) return false;
  if (text.charCodeAt(start + 2) !== 0x3a || text.charCodeAt(start + 5) !== 0x3a) return false;
  let i = start + 8;
  if (text.charCodeAt(i) === 0x2e /* . */) {
    if (digit(text, ++i) < 0) return false;
    while (digit(text, i) >= 0) i++;
  }
  const secondsEnd = i;
  let zoneHour = 0;
  let zoneMinute = 0;
  let sign = 1;
  const zone = text.charCodeAt(i);
  if (zone === 0x5a || zone === 0x7a /* Z z */) {
    i++;
  } else if (zone === 0x2b || zone === 0x2d /* + - */) {
    sign = zone === 0x2d ? -1 : 1;
    zoneHour = twoDigits(text, i + 1);
    if (zoneHour < 0) return false;
    i += 3;
    if (i < text.length) {
      if (text.charCodeAt(i) === 0x3a) i++;
      zoneMinute = twoDigits(text, i);
      if (zoneMinute < 0) return false;
      i += 2;
    }
  } else {
    return false; // no offset
  }
  if (i !== text.length || zoneHour > 23 || zoneMinute > 59) return false;
  // `+"59.9999999999999999"` rounds to 60, as it does in ajv-formats: read fractions of 59 and 60 the same way.
  const second = wholeSecond >= 59 && secondsEnd > start + 8 ? Number(text.slice(start + 6, secondsEnd)) : wholeSecond;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - zoneMinute * sign;
  const utcHour = hour - zoneHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

/** `format: time` with a required offset; a leap second only at 23:59:60 UTC. */
export function isTime(value: string): boolean {
  return isTimeAt(value, 0);
}

/**
 * `format: date-time`: an RFC 3339 timestamp with an offset. ajv-formats
 * splits on `t`, `T` or white space and wants exactly two parts; a date is ten
 * characters with no separator in it and a time has none either, so the one
 * separator must be the eleventh character.
 */
export function isDateTime(value: string): boolean {
  const separator = value.charCodeAt(10);
  if (!(separator === 0x54 || separator === 0x74 || separator === 0x20 || WHITE_SPACE.test(value.charAt(10)))) return false;
  return isDateAt(value, 0) && isTimeAt(value, 11);
}

/** `format: uri`: an absolute RFC 3986 URI (a scheme is required). */
export function isUri(value: string): boolean {
  return COMMON_URI.test(value) || (NOT_URI_FRAGMENT.test(value) && URI.test(value));
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

const URN_PREFIX = 'urn:uuid:';

/** `format: uuid`: RFC 4122 syntax, any version, with an optional `urn:uuid:` prefix (any case). */
export function isUuid(value: string): boolean {
  let start = 0;
  if (value.length === 45) {
    for (; start < URN_PREFIX.length; start++) {
      const c = value.charCodeAt(start);
      // Upper-case ASCII letters only: `i` without `u` folds nothing else onto them.
      if (c !== URN_PREFIX.charCodeAt(start) && !(c >= 0x41 && c <= 0x5a && (c | 0x20) === URN_PREFIX.charCodeAt(start))) return false;
    }
  } else if (value.length !== 36) return false;
  // 8-4-4-4-12 hexadecimal digits.
  return (
    value.charCodeAt(start + 8) === 0x2d &&
    value.charCodeAt(start + 13) === 0x2d &&
    value.charCodeAt(start + 18) === 0x2d &&
    value.charCodeAt(start + 23) === 0x2d &&
    isHexRun(value, start, start + 8) &&
    isHexRun(value, start + 9, start + 13) &&
    isHexRun(value, start + 14, start + 18) &&
    isHexRun(value, start + 19, start + 23) &&
    isHexRun(value, start + 24, start + 36)
  );
}

/** `format: email`: an RFC 5321 mailbox, without quoted local parts. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value);
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
