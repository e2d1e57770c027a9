/**
 * Helpers that generated upcasters call. They are pure and do no I/O.
 */
import type { UpcastContext } from './upcast.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt\s](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/u;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The instant an RFC 3339 date-time names, in milliseconds since the epoch.
 * Accepts every form `format: date-time` accepts; a leap second counts as the
 * last millisecond of its minute.
 */
export function instantOf(dateTime: string): number {
  const m = DATE_TIME.exec(dateTime);
  if (!m) throw new RangeError(`not an RFC 3339 date-time: ${JSON.stringify(dateTime)}`);
  const second = Number(m[6]);
  const millis = second === 60 ? 999 : Number(`${m[7] ?? ''}000`.slice(0, 3));
  const local = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Math.min(second, 59), millis);
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0));
  return local - offset * 60_000;
}

const HOUR = 3_600_000;
/** Offsets cached per zone and UTC hour; cleared when it grows past this many. */
const MAX_CACHED_OFFSETS = 10_000;
const offsets = new Map<string, number>();

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
  const key = `${timeZone} ${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = offsetAt(hour * HOUR, timeZone);
    if (start !== offsetAt(hour * HOUR + HOUR - 1, timeZone)) return localDate(instant, timeZone);
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(key, start);
    offset = start;
  }
  return isoDate(new Date(instant + offset));
}

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
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${month}-${day}`;
}

/** A value the caller passed in upcast context, or `fallback` where there is none. */
export function contextValue(context: UpcastContext, name: string, fallback: unknown): unknown {
  const value = context.values[name];
  return value === undefined ? fallback : value;
}

/** A value the caller must pass in upcast context; its absence fails the step. */
export function requireContextValue(context: UpcastContext, name: string): unknown {
  const value = context.values[name];
  if (value === undefined) throw new UpcastInputMissing(`the upcast needs context.${name}, and none was given`, `context.${name}`);
  return value;
}

/** An envelope field the step reads, which this envelope does not have. */
export function requireEnvelopeField(context: UpcastContext, name: keyof UpcastContext['envelope']): unknown {
  const value = context.envelope[name];
  if (value === undefined) throw new UpcastInputMissing(`the upcast needs the envelope's ${name}, and the envelope has none`, `/${name}`);
  return value;
}

/** Thrown inside an upcaster when an input it needs is missing; the engine reports it as an issue. */
export class UpcastInputMissing extends Error {
  override readonly name = 'UpcastInputMissing';
  constructor(
    message: string,
    readonly input: string,
  ) {
    super(message);
  }
}

/** The step of a version whose meaning changed but whose shape did not: the data is carried over as it is. */
export const carryOver = <T>(data: T): T => data;
