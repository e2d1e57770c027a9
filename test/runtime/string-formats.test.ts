/**
 * The string formats decide exactly what ajv-formats decides. They are
 * written for speed (character by character, and a narrow URI pattern tried
 * first), so they are held to ajv-formats' own functions here: on the edge
 * cases known to differ between implementations, then on strings generated
 * from each format's grammar, one character mutated, and on arbitrary text.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRING_FORMATS, type StringFormat } from '../../src/runtime/string-formats.js';

const SEED = 20261123;
const RUNS = 20_000;

type Check = (value: string) => boolean;
const reference = (name: StringFormat): Check => {
  const format = fullFormats[name] as RegExp | Check | { validate: RegExp | Check };
  const validate = typeof format === 'object' && 'validate' in format ? format.validate : format;
  return typeof validate === 'function' ? validate : (value) => validate.test(value);
};

/** Characters that sit on the boundaries of every format here. */
const TRICKY = [...'09/:-+.TtZz AFGafg%#?@[]İ', '\u00a0', '\n', '\u2028', '\u0010', '\u0019', '\u212a', '😀', '\ud800', ''];

/** The string with one character replaced, inserted or removed. */
const mutated = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(base, fc.nat(), fc.constantFrom(...TRICKY), fc.constantFrom('replace', 'insert', 'delete')).map(([text, at, c, how]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (how === 'replace') return text.slice(0, i) + c + text.slice(i + 1);
    if (how === 'insert') return text.slice(0, i) + c + text.slice(i);
    return text.slice(0, i) + text.slice(i + 1);
  });

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** Mostly numbers valid in every field (1 to 23), often the boundaries, sometimes any two digits. */
const twoDigit = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 23 }).map((n) => String(n).padStart(2, '0')), weight: 6 },
  { arbitrary: fc.constantFrom('00', '12', '23', '24', '28', '29', '30', '31', '59', '60', '61', '99'), weight: 3 },
  { arbitrary: digits(2, 2), weight: 1 },
);
const date = fc.tuple(fc.oneof(digits(4, 4), fc.constantFrom('2000', '1900', '2024', '2023', '0000')), twoDigit, twoDigit).map(([y, m, d]) => `${y}-${m}-${d}`);
const fraction = fc.oneof(
  fc.constant(''),
  digits(1, 25).map((f) => `.${f}`),
  fc.constantFrom('.', '.9999999999999999', '.99999999999999999999'),
);
const zone = fc.oneof(
  { arbitrary: fc.constantFrom('Z', '+01:00'), weight: 3 },
  fc.constantFrom('Z', 'z', '', '+00:00', '-00:00', '+01:00', '-23:59', '+24:00', '+01:60', '+0100', '+01', '+01:', '+1:00', '+01:0', '-01:00x'),
  fc.tuple(fc.constantFrom('+', '-'), twoDigit, fc.constantFrom(':', ''), fc.oneof(twoDigit, fc.constant(''))).map((p) => p.join('')),
);
const time = fc.tuple(twoDigit, twoDigit, twoDigit, fraction, zone).map(([h, m, s, f, z]) => `${h}:${m}:${s}${f}${z}`);
const separator = fc.oneof({ arbitrary: fc.constant('T'), weight: 4 }, fc.constantFrom('t', ' ', '\u00a0', '\n', '\u3000', 'x', '', 'TT'));
const dateTime = fc.tuple(date, separator, time).map((p) => p.join(''));
const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: n, maxLength: n });
const uuid = fc
  .tuple(fc.constantFrom('', 'urn:uuid:', 'URN:UUID:', 'Urn:Uuid:', 'urn:uuid', 'urn:guid:', 'urn:uuıd:'), hex(8), hex(4), hex(4), hex(4), hex(12))
  .map(([prefix, ...groups]) => prefix + groups.join('-'));
const uriText = (chars: string) => fc.string({ unit: fc.constantFrom(...chars.split(''), '%2F', '%zz', '%2', '%', ' ', 'é'), maxLength: 12 });
const uri = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTP', 'ftp', 'urn', 'h', '1http', 'mailto', ''),
    fc.constantFrom('://', ':/', ':', '//', ':///', ''),
    fc.constantFrom('', 'user@', 'a:b@'),
    fc.oneof(uriText('abcXYZ019.-_~!$&'), fc.constantFrom('127.0.0.1', '[::1]', '[v1.x]', '[zz]', 'host', 'example.org')),
    fc.constantFrom('', ':', ':8080', ':x'),
    fc.array(uriText('ab09-._~!$&()*+,;=:@'), { maxLength: 3 }).map((segments) => segments.map((s) => `/${s}`).join('')),
    fc.constantFrom('', '?', '?a=1&b=2', '?q=/?x', '?%41', '? x'),
    fc.constantFrom('', '#', '#top', '#a/b?c', '#%'),
  )
  .map((p) => p.join(''));

const GRAMMARS: Record<StringFormat, fc.Arbitrary<string>> = {
  date,
  time,
  'date-time': dateTime,
  uuid,
  uri,
  email: fc.emailAddress(),
};

const EDGES: Record<StringFormat, string[]> = {
  date: ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '2024-01-01\n', '２０２４-01-01'],
  time: [
    '23:59:60Z',
    '23:59:60+00:00',
    '22:59:60-01:00',
    '00:59:60+01:00',
    '23:59:60.999999999999999999Z',
    '12:00:00',
    '12:00:00.Z',
    '12:00:59.99999999999999999Z',
  ],
  'date-time': [
    '2024-03-30T14:53:44.812+00:00',
    '2024-03-30t14:53:44z',
    '2024-03-30 14:53:44Z',
    '2024-03-30\u00a014:53:44Z',
    '2022-11-30T14:53:44',
    '2024-03-30T14:53:44Z[Europe/London]',
    '2024-03-30TT14:53:44Z',
    '2024-03-30T14:53:44+0100',
    '2024-03-30T14:53:44+01',
    '2016-12-31T23:59:60Z',
  ],
  uuid: [
    '2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11',
    '2C7B4B0E-6F52-4A1C-9A1F-0C7E6F0B5A11',
    'urn:uuid:2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11',
    '\u00102c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a1',
    '2c7b4b0e6f524a1c9a1f0c7e6f0b5a11----',
  ],
  uri: [
    'https://example.org/a/b?c=d#e',
    'urn:isbn:0451450523',
    'https://ex ample.org',
    'http://[::1]:80/',
    'http://example.org/%41',
    'http://example.org/%4',
    'example.org/path',
    'HTTPS://EXAMPLE.ORG/',
  ],
  email: ['a@b.co', 'a..b@c.d', '"quoted"@example.org', 'user@-host.org'],
};

describe.each(Object.keys(STRING_FORMATS) as StringFormat[])('format %s', (name) => {
  const ours = STRING_FORMATS[name];
  const ajvs = reference(name);

  it('decides the known edge cases as ajv-formats does', () => {
    const edges = EDGES[name];
    expect(edges.map(ours)).toEqual(edges.map(ajvs));
    // The list holds both verdicts, or it would not test much.
    expect(new Set(edges.map(ajvs)).size).toBe(2);
  });

  it('decides strings from its grammar, and their one-character mutations, as ajv-formats does', () => {
    const samples = fc.sample(fc.oneof(GRAMMARS[name], mutated(GRAMMARS[name])), { seed: SEED, numRuns: RUNS });
    const disagreements = samples.filter((s) => ours(s) !== ajvs(s));
    expect(disagreements).toEqual([]);
    // The grammar reaches both verdicts often enough to matter.
    const accepted = samples.filter(ajvs).length;
    expect(accepted).toBeGreaterThan(RUNS / 100);
    expect(RUNS - accepted).toBeGreaterThan(RUNS / 100);
  });

  it('decides arbitrary text as ajv-formats does', () => {
    const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 60 }), { seed: SEED, numRuns: RUNS / 4 });
    expect(samples.filter((s) => ours(s) !== ajvs(s))).toEqual([]);
  });
});
