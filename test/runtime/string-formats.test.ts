/**
 * The string formats decide what their RFCs' ABNF decides. They are written
 * for speed (character by character, one pass), so they are held here to
 * regular expressions written rule by rule from that ABNF (RFC 3339 section
 * 5.6, RFC 3986 appendix A, RFC 4122 section 3, RFC 5321 section 4.1), with
 * the ranges the ABNF gives in prose (days of the month, leap seconds, the
 * groups an IPv6 `::` may stand for) checked beside them: on a table of edge
 * cases, on strings generated from each grammar and one character mutated,
 * and on arbitrary text. The references are checked too, on the JSON Schema
 * Test Suite's strings. Last, each place where the formats part from
 * ajv-formats' full mode, which they once copied, is listed with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIpv6, isIpvFuture, MAILBOX_IP, URI_IP } from '../../src/runtime/ip-address.js';
import { STRING_FORMATS, type StringFormat } from '../../src/runtime/string-formats.js';
import { ROOT } from '../support/repo.js';

const SEED = 20261123;
const RUNS = 20_000;

type Check = (value: string) => boolean;

// RFC 5234's core rules. ABNF's quoted strings ignore case, so `"T"` is `[Tt]`.
const DIGIT = '[0-9]';
const HEXDIG = '[0-9A-Fa-f]';
const ALPHA = '[A-Za-z]';
const anchored = (source: string) => new RegExp(`^(?:${source})$`);

// RFC 3339 section 5.6.
const PARTIAL_TIME = `(${DIGIT}{2}):(${DIGIT}{2}):(${DIGIT}{2})(?:\\.${DIGIT}+)?`;
const TIME_OFFSET = `(?:[Zz]|([+-])(${DIGIT}{2}):(${DIGIT}{2}))`;
const FULL_DATE = `(${DIGIT}{4})-(${DIGIT}{2})-(${DIGIT}{2})`;
const FULL_TIME = `${PARTIAL_TIME}${TIME_OFFSET}`;

/** `date-mday`: "01-28, 01-29, 01-30, 01-31 based on month/year", by the calendar of `Date`. */
function dayExists([year, month, day]: number[]): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year as number, (month as number) - 1, day);
  return date.getUTCMonth() === (month as number) - 1 && date.getUTCDate() === day;
}

/** `time-hour` 00-23, `time-minute` 00-59, `time-second` 00-60 where 60 is a leap second: 23:59:60 in UTC (section 5.7). */
function timeInRange([hour, minute, second]: number[], sign: string | undefined, zoneHour: number, zoneMinute: number): boolean {
  if ((hour as number) > 23 || (minute as number) > 59 || (second as number) > 60 || zoneHour > 23 || zoneMinute > 59) return false;
  if (second !== 60) return true;
  const offset = (sign === '-' ? -1 : 1) * (zoneHour * 60 + zoneMinute);
  const utc = new Date(Date.UTC(2000, 0, 10, hour, (minute as number) - offset));
  return utc.getUTCHours() === 23 && utc.getUTCMinutes() === 59;
}

const timeMatch = (m: RegExpExecArray, at: number) =>
  timeInRange([Number(m[at]), Number(m[at + 1]), Number(m[at + 2])], m[at + 3], Number(m[at + 4] ?? 0), Number(m[at + 5] ?? 0));

const rfcDate: Check = (value) => {
  const m = anchored(FULL_DATE).exec(value);
  return m !== null && dayExists([Number(m[1]), Number(m[2]), Number(m[3])]);
};
const rfcTime: Check = (value) => {
  const m = anchored(FULL_TIME).exec(value);
  return m !== null && timeMatch(m, 1);
};
const rfcDateTime: Check = (value) => {
  const m = anchored(`${FULL_DATE}[Tt]${FULL_TIME}`).exec(value);
  return m !== null && dayExists([Number(m[1]), Number(m[2]), Number(m[3])]) && timeMatch(m, 4);
};

// RFC 3986 appendix A.
const UNRESERVED = '[A-Za-z0-9\\-._~]';
const PCT_ENCODED = `%${HEXDIG}${HEXDIG}`;
const SUB_DELIMS = "[!$&'()*+,;=]";
const PCHAR = `(?:${UNRESERVED}|${PCT_ENCODED}|${SUB_DELIMS}|[:@])`;
const SEGMENT = `${PCHAR}*`;
const SEGMENT_NZ = `${PCHAR}+`;
const DEC_OCTET = `(?:${DIGIT}|[1-9]${DIGIT}|1${DIGIT}{2}|2[0-4]${DIGIT}|25[0-5])`;
const IPV4ADDRESS = `${DEC_OCTET}\\.${DEC_OCTET}\\.${DEC_OCTET}\\.${DEC_OCTET}`;
const H16 = `${HEXDIG}{1,4}`;
const LS32 = `(?:${H16}:${H16}|${IPV4ADDRESS})`;
const IPV6ADDRESS = [
  `(?:${H16}:){6}${LS32}`,
  `::(?:${H16}:){5}${LS32}`,
  `(?:${H16})?::(?:${H16}:){4}${LS32}`,
  `(?:(?:${H16}:){0,1}${H16})?::(?:${H16}:){3}${LS32}`,
  `(?:(?:${H16}:){0,2}${H16})?::(?:${H16}:){2}${LS32}`,
  `(?:(?:${H16}:){0,3}${H16})?::${H16}:${LS32}`,
  `(?:(?:${H16}:){0,4}${H16})?::${LS32}`,
  `(?:(?:${H16}:){0,5}${H16})?::${H16}`,
  `(?:(?:${H16}:){0,6}${H16})?::`,
].join('|');
const IPVFUTURE = `[Vv]${HEXDIG}+\\.(?:${UNRESERVED}|${SUB_DELIMS}|:)+`;
const IP_LITERAL = `\\[(?:${IPV6ADDRESS}|${IPVFUTURE})\\]`;
const REG_NAME = `(?:${UNRESERVED}|${PCT_ENCODED}|${SUB_DELIMS})*`;
const AUTHORITY = `(?:(?:${UNRESERVED}|${PCT_ENCODED}|${SUB_DELIMS}|:)*@)?(?:${IP_LITERAL}|${IPV4ADDRESS}|${REG_NAME})(?::${DIGIT}*)?`;
const HIER_PART = `//${AUTHORITY}(?:/${SEGMENT})*|/(?:${SEGMENT_NZ}(?:/${SEGMENT})*)?|${SEGMENT_NZ}(?:/${SEGMENT})*|`;
const QUERY = `(?:${PCHAR}|[/?])*`;
const URI = anchored(`${ALPHA}(?:${ALPHA}|${DIGIT}|[+\\-.])*:(?:${HIER_PART})(?:\\?${QUERY})?(?:#${QUERY})?`);

// RFC 4122 section 3.
const HEX_OCTET = `${HEXDIG}${HEXDIG}`;
const UUID = anchored(`(?:${HEX_OCTET}){4}-(?:${HEX_OCTET}){2}-(?:${HEX_OCTET}){2}-${HEX_OCTET}${HEX_OCTET}-(?:${HEX_OCTET}){6}`);

// RFC 5321 section 4.1.2 and 4.1.3, and RFC 5322's `atext`.
const ATOM = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
const LOCAL_PART = `${ATOM}(?:\\.${ATOM})*|"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"`;
const SUB_DOMAIN = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const SNUM = `${DIGIT}{1,3}`;
const IPV4_LITERAL = `${SNUM}\\.${SNUM}\\.${SNUM}\\.${SNUM}`;
const IPV6_HEX = `${HEXDIG}{1,4}`;
const IPV6_FORMS: Array<[form: RegExp, groups: number]> = [
  [anchored(`${IPV6_HEX}(?::${IPV6_HEX}){7}`), 8],
  [anchored(`(?:${IPV6_HEX}(?::${IPV6_HEX}){0,5})?::(?:${IPV6_HEX}(?::${IPV6_HEX}){0,5})?`), 6],
  [anchored(`${IPV6_HEX}(?::${IPV6_HEX}){5}:${IPV4_LITERAL}`), 6],
  [anchored(`(?:${IPV6_HEX}(?::${IPV6_HEX}){0,3})?::(?:${IPV6_HEX}(?::${IPV6_HEX}){0,3}:)?${IPV4_LITERAL}`), 4],
];
const MAILBOX = anchored(`(?:${LOCAL_PART})@(?:(${SUB_DOMAIN}(?:\\.${SUB_DOMAIN})*)|\\[(.*)\\])`);

/** `Snum`: one to three digits "representing a decimal integer value in the range 0 through 255". */
const isIpv4Literal = (address: string) => anchored(IPV4_LITERAL).test(address) && address.split('.').every((n) => Number(n) <= 255);
/** One of the IPv6 forms, with "no more than" its number of hexadecimal groups, and an IPv4 address last where it has one. */
function isMailboxIpv6(address: string): boolean {
  const groups = address.split(/::?/u).filter((g) => g !== '' && !g.includes('.')).length;
  const last = address.slice(address.lastIndexOf(':') + 1);
  return IPV6_FORMS.some(([form, most]) => form.test(address) && groups <= most) && (!last.includes('.') || isIpv4Literal(last));
}
const rfcEmail: Check = (value) => {
  const m = MAILBOX.exec(value);
  if (m === null) return false;
  const literal = m[2];
  if (literal === undefined) return true;
  // `General-address-literal` needs a tag registered with IANA; `IPv6` is the only one.
  return /^IPv6:/iu.test(literal) ? isMailboxIpv6(literal.slice(5)) : isIpv4Literal(literal);
};

const RFC: Record<StringFormat, Check> = {
  date: rfcDate,
  time: rfcTime,
  'date-time': rfcDateTime,
  uri: (value) => URI.test(value),
  uuid: (value) => UUID.test(value),
  email: rfcEmail,
};

/** Characters that sit on the boundaries of every format here. */
const TRICKY = [...'09/:-+.TtZz AFGafgv%#?@[]"\\İ', '\u00a0', '\n', '\u2028', '\u0010', '\u0019', '\u212a', '😀', '\ud800', ''];

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
/** Leap seconds with the offsets that put them at, and just off, 23:59 UTC. */
const leapSecond = fc
  .tuple(
    fc.constantFrom('23:59', '22:59', '00:59', '01:29', '15:59', '23:29', '00:29', '24:59', '23:58'),
    fraction,
    fc.constantFrom('Z', '+00:00', '-01:00', '+01:00', '+01:30', '-08:00', '+23:30', '-23:30', '+00:01'),
  )
  .map(([hm, f, z]) => `${hm}:60${f}${z}`);
const time = fc.oneof(
  { arbitrary: fc.tuple(twoDigit, twoDigit, twoDigit, fraction, zone).map(([h, m, s, f, z]) => `${h}:${m}:${s}${f}${z}`), weight: 4 },
  leapSecond,
);
const separator = fc.oneof({ arbitrary: fc.constant('T'), weight: 4 }, fc.constantFrom('t', ' ', '\u00a0', '\n', '\u3000', 'x', '', 'TT'));
const dateTime = fc.tuple(date, separator, time).map((p) => p.join(''));
const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: n, maxLength: n });
const uuid = fc
  .tuple(fc.constantFrom('', '', '', 'urn:uuid:', 'URN:UUID:', '{'), hex(8), hex(4), hex(4), hex(4), hex(12), fc.constantFrom('', '', '', '}', '-'))
  .map(([prefix, a, b, c, d, e, suffix]) => `${prefix}${a}-${b}-${c}-${d}-${e}${suffix}`);

const octet = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 255 }).map(String), weight: 6 }, fc.constantFrom('00', '01', '010', '256', '999', '0255', ''));
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const piece = fc.oneof({ arbitrary: fc.oneof(hex(1), hex(2), hex(4)), weight: 12 }, fc.constantFrom('0', 'ffff', '12345', 'g', ''));
/** `arbitrary` now and then, else null. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weight: number) => fc.oneof({ arbitrary: fc.constant(null), weight }, { arbitrary, weight: 1 });
/** IPv6 addresses: up to nine pieces, often a `::` at any place (sometimes two), sometimes an IPv4 address last. */
const ipv6 = fc
  .tuple(
    fc.oneof(fc.constantFrom(5, 6, 7, 8), fc.nat(9)).chain((n) => fc.array(piece, { minLength: n, maxLength: n })),
    fc.option(fc.nat(9), { freq: 4 }),
    sometimes(fc.nat(9), 9),
    sometimes(ipv4, 3),
  )
  .map(([pieces, gap, secondGap, v4]) => {
    const parts: string[] = v4 === null ? [...pieces] : [...pieces, v4];
    const joined = (from: number, to: number) => parts.slice(from, to).join(':');
    if (gap === null) return parts.join(':');
    const at = Math.min(gap, parts.length);
    const rest =
      secondGap === null
        ? joined(at, parts.length)
        : `${joined(at, Math.min(at + secondGap, parts.length))}::${joined(Math.min(at + secondGap, parts.length), parts.length)}`;
    return `${joined(0, at)}::${rest}`;
  });
const uriText = (chars: string) => fc.string({ unit: fc.constantFrom(...chars.split(''), '%2F', '%zz', '%2', '%', ' ', 'é'), maxLength: 12 });
const uri = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTP', 'ftp', 'urn', 'h', 'a+b.c-d', '1http', 'ht_tp', 'mailto', ''),
    fc.constantFrom('://', '://', ':/', ':', '//', ':///', ''),
    fc.constantFrom('', 'user@', 'a:b@', '%41@', 'a@b@'),
    fc.oneof(
      uriText('abcXYZ019.-_~!$&'),
      fc.constantFrom('127.0.0.1', '999.999.999.999', '[::1]', '[v1.x]', '[V1f.a:b]', '[v.x]', '[zz]', 'host', 'example.org', '[', ']'),
      ipv6.map((a) => `[${a}]`),
    ),
    fc.constantFrom('', ':', ':8080', ':x', ':8a', ':80:80'),
    fc.array(uriText('ab09-._~!$&()*+,;=:@[]'), { maxLength: 3 }).map((segments) => segments.map((s) => `/${s}`).join('')),
    fc.constantFrom('', '?', '?a=1&b=2', '?q=/?x', '?%41', '? x', '?[]'),
    fc.constantFrom('', '#', '#top', '#a/b?c', '#%', '#a#b'),
  )
  .map((p) => p.join(''));
const atom = fc.string({ unit: fc.constantFrom(..."abcXYZ09!#$%&'*+-/=?^_`{|}~"), minLength: 1, maxLength: 6 });
const localPart = fc.oneof(
  fc.array(atom, { minLength: 1, maxLength: 3 }).map((atoms) => atoms.join('.')),
  fc.string({ unit: fc.constantFrom('a', ' ', '.', '@', '\\"', '\\\\', '\\a', '"', '\\', '\t'), maxLength: 6 }).map((s) => `"${s}"`),
);
const label = fc.string({ unit: fc.constantFrom(...'abcXYZ019-'), minLength: 1, maxLength: 8 });
const domain = fc.oneof(
  { arbitrary: fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.')), weight: 3 },
  ipv4.map((a) => `[${a}]`),
  fc.tuple(fc.constantFrom('IPv6:', 'ipv6:', 'IPv6', 'IPv4:', 'x:'), ipv6).map(([tag, a]) => `[${tag}${a}]`),
);
const email = fc.oneof(
  fc.emailAddress(),
  fc.tuple(localPart, domain).map(([l, d]) => `${l}@${d}`),
);

const GRAMMARS: Record<StringFormat, fc.Arbitrary<string>> = { date, time, 'date-time': dateTime, uuid, uri, email };

/** The RFC's verdict on strings where implementations often go wrong. */
const EDGES: Record<StringFormat, Array<[given: string, want: boolean]>> = {
  date: [
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['0000-02-29', true],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-1-01', false],
    ['2024-01-01\n', false],
    ['２０２４-01-01', false],
  ],
  time: [
    ['23:59:60Z', true],
    ['23:59:60.999999999999999999Z', true],
    ['22:59:60-01:00', true],
    ['00:59:60+01:00', true],
    ['23:59:60+01:00', false],
    ['24:59:60+01:00', false],
    ['00:59:59.999999999999999Z', true],
    ['12:00:00', false],
    ['12:00:00.Z', false],
    ['12:00:00+01', false],
    ['12:00:00+0100', false],
    ['12:00:00-23:59', true],
  ],
  'date-time': [
    ['2024-03-30T14:53:44.812+00:00', true],
    ['2024-03-30t14:53:44z', true],
    ['2024-03-30 14:53:44Z', false],
    ['2022-11-30T14:53:44', false],
    ['2024-03-30T14:53:44Z[Europe/London]', false],
    ['2024-03-30T14:53:44+0100', false],
    ['2024-03-30T14:53:44+01', false],
    ['2016-12-31T23:59:60Z', true],
    ['2016-12-31T24:59:60+01:00', false],
    ['2024-02-30T00:00:00Z', false],
  ],
  uuid: [
    ['2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11', true],
    ['2C7B4B0E-6F52-4A1C-9A1F-0C7E6F0B5A11', true],
    ['urn:uuid:2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11', false],
    ['{2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11}', false],
    ['2c7b4b0e6f524a1c9a1f0c7e6f0b5a11----', false],
  ],
  uri: [
    ['https://example.org/a/b?c=d#e', true],
    ['urn:isbn:0451450523', true],
    ['a:', true],
    ['https://ex ample.org', false],
    ['http://[::1]:80/', true],
    ['http://[1:2:3:4:5:6:7::]/', true],
    ['http://[1:2:3:4:5:6:7:8::]/', false],
    ['http://[::1:2:3:4:5:6:7:8]/', false],
    ['http://[1:2:3:4:5:6:1.2.3.4]/', true],
    ['http://[1:2:3:4:5:6:7:8:9]/', false],
    ['http://[::1.2.3.4]/', true],
    ['http://[::1.2.3.04]/', false],
    ['http://[v1.x]/', true],
    ['http://[v1.]/', false],
    ['http://[v.x]/', false],
    ['http://[fe80::1%25eth0]/', false],
    ['http://example.org:/', true],
    ['http://example.org:8a/', false],
    ['http:/[::1]', false],
    ['http://example.org/%4', false],
    ['example.org/path', false],
  ],
  email: [
    ['a@b.co', true],
    ['a@localhost', true],
    ['a..b@c.d', false],
    ['"quoted"@example.org', true],
    ['""@example.org', true],
    ['"a\\"b"@example.org', true],
    ['"a"b"@example.org', false],
    ['user@-host.org', false],
    ['user@host-.org', false],
    ['a@[127.000.0.1]', true],
    ['a@[IPv6:1:2:3:4:5:6:7::]', false],
    ['a@[IPv6:1:2:3:4:5:6::]', true],
    ['a@[IPv6:1:2:3:4:5::1.2.3.4]', false],
    ['a@[x:y]', false],
  ],
};

/** Where ajv-formats' full mode decides otherwise, and why these formats do not follow it. */
const DEPARTURES: Array<[format: StringFormat, given: string, reason: string]> = [
  ['date-time', '1985-04-12T23:20:50+01', 'time-numoffset has minutes'],
  ['date-time', '2024-03-30T14:53:44+0100', 'time-numoffset has a colon'],
  ['date-time', '2024-03-30 14:53:44Z', 'the ABNF separates date and time with "T"'],
  ['date-time', '2016-12-31T24:59:60+01:00', 'time-hour is 00-23 whatever the offset'],
  ['date-time', '1985-04-12T00:59:59.999999999999999Z', 'a fraction of 59 seconds is not a leap second'],
  ['time', '12:00:00+01', 'time-numoffset has minutes'],
  ['uri', 'http://example.com:abc/path', 'port is digits'],
  ['uri', 'http://[::ffff:01.2.3.4]', 'dec-octet has no leading zero'],
  ['uri', 'http:/[::1]', 'only an authority starts with "//", and a path has no "["'],
  ['uri', 'a:', 'path-empty'],
  ['uuid', 'urn:uuid:2eb8aa08-aa98-11ea-b4aa-73b441d16380', 'a UUID is its 36 characters; the URN is another string'],
  ['email', '"joe bloggs"@example.com', 'Quoted-string'],
  ['email', 'joe.bloggs@[127.0.0.1]', 'address-literal'],
  ['email', 'joe.bloggs@[IPv6:::1]', 'address-literal'],
  ['email', 'a@localhost', 'a Domain may be one label'],
];

const ajvFormat = (name: StringFormat): Check => {
  const format = fullFormats[name] as RegExp | Check | { validate: RegExp | Check };
  const validate = typeof format === 'object' && 'validate' in format ? format.validate : format;
  return typeof validate === 'function' ? validate : (value) => validate.test(value);
};

const suiteStrings = (name: StringFormat): Array<[string, boolean]> =>
  (
    JSON.parse(readFileSync(join(ROOT, `test/fixtures/json-schema-test-suite/draft2020-12/optional/format/${name}.json`), 'utf8')) as Array<{
      tests: Array<{ data: unknown; valid: boolean }>;
    }>
  )
    .flatMap((group) => group.tests)
    .filter((test): test is { data: string; valid: boolean } => typeof test.data === 'string')
    .map((test) => [test.data, test.valid]);

describe.each(Object.keys(STRING_FORMATS) as StringFormat[])('format %s', (name) => {
  const ours = STRING_FORMATS[name];
  const rfc = RFC[name];

  it.each(EDGES[name])('decides %j as the RFC does (%s)', (given, want) => {
    expect({ ours: ours(given), rfc: rfc(given) }).toEqual({ ours: want, rfc: want });
  });

  it("has a reference that decides the JSON Schema Test Suite's strings as the suite does", () => {
    const cases = suiteStrings(name);
    expect(cases.filter(([data, valid]) => rfc(data) !== valid)).toEqual([]);
  });

  it('decides strings from its grammar, and their one-character mutations, as the RFC does', () => {
    const samples = fc.sample(fc.oneof(GRAMMARS[name], mutated(GRAMMARS[name])), { seed: SEED, numRuns: RUNS });
    const disagreements = samples.filter((s) => ours(s) !== rfc(s));
    expect(disagreements).toEqual([]);
    // The grammar reaches both verdicts often enough to matter.
    const accepted = samples.filter(rfc).length;
    expect(accepted).toBeGreaterThan(RUNS / 100);
    expect(RUNS - accepted).toBeGreaterThan(RUNS / 100);
  });

  it('decides arbitrary text as the RFC does', () => {
    const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 60 }), { seed: SEED, numRuns: RUNS / 4 });
    expect(samples.filter((s) => ours(s) !== rfc(s))).toEqual([]);
  });
});

describe('IP addresses', () => {
  const future = fc
    .tuple(
      fc.constantFrom('v', 'V', 'w', ''),
      fc.string({ unit: fc.constantFrom(...'09aFg'), maxLength: 3 }),
      fc.constantFrom('.', ''),
      uriText("az09-._~!$&'()*+,;=:@"),
    )
    .map((p) => p.join(''));
  const samples = fc.sample(fc.oneof(ipv6, mutated(ipv6), future), { seed: SEED, numRuns: RUNS });

  it('reads IPv6 and IPvFuture literals as RFC 3986 does', () => {
    const ours = (s: string) => ((s.charCodeAt(0) | 0x20) === 0x76 ? isIpvFuture(s, 0, s.length) : isIpv6(s, 0, s.length, URI_IP));
    const rfc = (s: string) => anchored(`${IPV6ADDRESS}|${IPVFUTURE}`).test(s);
    expect(samples.filter((s) => ours(s) !== rfc(s))).toEqual([]);
    expect(samples.filter(rfc).length).toBeGreaterThan(RUNS / 10);
  });

  it('reads IPv6 address literals as RFC 5321 does', () => {
    const ours = (s: string) => isIpv6(s, 0, s.length, MAILBOX_IP);
    expect(samples.filter((s) => ours(s) !== isMailboxIpv6(s))).toEqual([]);
    expect(samples.filter(isMailboxIpv6).length).toBeGreaterThan(RUNS / 10);
  });
});

describe('where ajv-formats full mode decides otherwise', () => {
  it.each(DEPARTURES)('%s %j: %s', (name, given) => {
    const rfc = RFC[name](given);
    expect({ ours: STRING_FORMATS[name](given), ajvFormats: ajvFormat(name)(given) }).toEqual({ ours: rfc, ajvFormats: !rfc });
  });
});
