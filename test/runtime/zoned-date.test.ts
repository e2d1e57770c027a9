/**
 * `dateInZone` caches a zone's offset per UTC hour, so it is held here to
 * `Intl` asked directly: minute by minute across daylight-saving changes,
 * across a zone that moves by half an hour, and on random instants over three
 * centuries (fixed seed), local mean time included.
 *
 * `instantOf` reads the usual layout character by character and anything else
 * by regular expression; both are held to `Date.parse` and to each other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInZone, instantOf } from '../../src/runtime/zoned-date.js';

const MINUTE = 60_000;

/** The zone's calendar date at an instant, straight from `Intl`. */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlDate(instant: number, timeZone: string): string {
  const format = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  formats.set(timeZone, format);
  const parts = format.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Instants from `from` to `to` every `step` ms, as RFC 3339 text with an offset other than Z, to read offsets too. */
function every(from: string, to: string, step: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += step) {
    out.push(new Date(t + 90 * MINUTE).toISOString().replace('Z', '+01:30'));
  }
  return out;
}

const disagreements = (instants: readonly string[], timeZone: string) =>
  instants.filter((text) => dateInZone(text, timeZone) !== intlDate(instantOf(text), timeZone)).map((text) => `${text} in ${timeZone}`);

describe('dateInZone', () => {
  it('gives the Europe/London date of the catalogue example', () => {
    expect(dateInZone('2024-06-30T23:30:00Z', 'Europe/London')).toBe('2024-07-01');
    expect(dateInZone('2024-01-31T23:30:00Z', 'Europe/London')).toBe('2024-01-31');
  });

  it('agrees with Intl minute by minute across the London clock changes of 2024', () => {
    const spring = every('2024-03-30T22:00:00Z', '2024-03-31T03:00:00Z', MINUTE);
    const autumn = every('2024-10-26T22:00:00Z', '2024-10-27T03:00:00Z', MINUTE);
    expect(disagreements([...spring, ...autumn], 'Europe/London')).toEqual([]);
  });

  it("agrees with Intl where a change falls inside a UTC hour next to local midnight (St John's, 2008)", () => {
    // Newfoundland changed clocks at 00:01 local time until 2011: 02:31 and 03:31 UTC.
    const autumn = every('2008-11-02T00:00:00Z', '2008-11-02T05:00:00Z', MINUTE);
    const spring = every('2008-03-09T01:00:00Z', '2008-03-09T06:00:00Z', MINUTE);
    expect(disagreements([...spring, ...autumn], 'America/St_Johns')).toEqual([]);
  });

  it('agrees with Intl every quarter hour of a year on Lord Howe Island, whose clocks move by half an hour', () => {
    expect(disagreements(every('2024-01-01T00:00:00Z', '2024-12-31T23:45:00Z', 15 * MINUTE), 'Australia/Lord_Howe')).toEqual([]);
  });

  it('agrees with Intl on random instants from 1800 to 2100 in zones either side of UTC', () => {
    const zones = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Apia', 'Pacific/Chatham', 'UTC'];
    const samples = fc.sample(
      fc.tuple(fc.integer({ min: Date.parse('1800-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }), fc.constantFrom(...zones)),
      { seed: 20261123, numRuns: 20_000 },
    );
    const wrong = samples.filter(([t, zone]) => dateInZone(new Date(t).toISOString(), zone) !== intlDate(t, zone));
    expect(wrong).toEqual([]);
  });

  it('keeps local mean time, whose offset has seconds in it', () => {
    // London ran 1 minute 15 seconds behind Greenwich until December 1847.
    expect(dateInZone('1840-01-01T00:01:00Z', 'Europe/London')).toBe('1839-12-31');
    expect(dateInZone('1840-01-01T00:01:15Z', 'Europe/London')).toBe('1840-01-01');
  });
});

describe('instantOf', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  // Every part of the grammar: any year, fractions of any length, a leap second, and each form of offset.
  const parts = fc.record({
    instant: fc.integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59Z') }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }),
    leap: fc.boolean(),
    zone: fc.oneof(
      fc.constantFrom('Z', 'z'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom(':', '', 'none')),
    ),
  });
  type Parts = typeof parts extends fc.Arbitrary<infer P> ? P : never;
  const write = (p: Parts, separator: string): string => {
    const d = new Date(p.instant);
    const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
    const time = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${p.leap ? '60' : pad(d.getUTCSeconds(), 2)}`;
    const zone = typeof p.zone === 'string' ? p.zone : `${p.zone[0]}${pad(p.zone[1], 2)}${p.zone[3] === 'none' ? '' : `${p.zone[3]}${pad(p.zone[2], 2)}`}`;
    return `${date}${separator}${time}${p.fraction === undefined ? '' : `.${p.fraction}`}${zone}`;
  };

  it('reads every form alike, whichever way it is read', () => {
    fc.assert(
      fc.property(parts, (p) => {
        // A tab between date and time is read by the regular expression; T and t and a space character by character.
        const byExpression = instantOf(write(p, '\t'));
        for (const separator of ['T', 't', ' ']) expect(instantOf(write(p, separator))).toBe(byExpression);
      }),
      { seed: 20_261_123, numRuns: 5000 },
    );
  });

  it('agrees with Date.parse on the ISO form, years before 100 included', () => {
    fc.assert(
      fc.property(parts, (p) => {
        // Date.parse takes exactly three fractional digits, and an offset only as ±HH:MM.
        const zone: Parts['zone'] = typeof p.zone === 'string' ? 'Z' : [p.zone[0], p.zone[1], p.zone[2], ':'];
        const iso = write({ ...p, leap: false, fraction: p.fraction?.padEnd(3, '0').slice(0, 3), zone }, 'T');
        expect(instantOf(iso)).toBe(Date.parse(iso));
      }),
      { seed: 20_261_123, numRuns: 5000 },
    );
    expect(instantOf('0050-06-01T12:00:00Z')).toBe(Date.parse('0050-06-01T12:00:00Z'));
    expect(instantOf('0000-02-29T00:00:00.5+01:00')).toBe(Date.parse('0000-02-29T00:00:00.500+01:00'));
  });

  it('refuses what is not an RFC 3339 date-time, either way', () => {
    for (const text of [
      '2024-07-01T09:15:00',
      '2024-07-01T09:15:00+01:',
      '2024-07-01T09:15:00.Z',
      '2024-07-01T9:15:00Z',
      '2024-07-01T09:15:00Z ',
      '24-07-01T09:15:00Z',
    ]) {
      expect(() => instantOf(text), text).toThrow(RangeError);
      expect(() => instantOf(text.replace('T', '\t')), text).toThrow(RangeError);
    }
  });
});
