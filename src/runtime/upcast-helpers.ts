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

/**
 * The calendar date (`YYYY-MM-DD`) of an RFC 3339 date-time in an IANA time
 * zone, for example the Europe/London date of `2024-06-30T23:30:00Z`, which
 * is `2024-07-01`.
 */
export function dateInZone(dateTime: string, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatter.formatToParts(instantOf(dateTime))) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
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
