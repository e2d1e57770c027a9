/**
 * Hostile input never throws out of safeParse, never pollutes a prototype,
 * and never passes silently: it fails with a code and a JSON Pointer.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { cas1BookingCancelled, type ParseOptions, safeParse } from '../../src/index.js';
import { changed, example } from '../support/examples.js';

const v2 = example('approved-premises.booking.cancelled', 'notification.v2.cancelled.valid.json');
const v2Text = JSON.stringify(v2);
const data = v2.additionalInformation as Record<string, unknown>;

/** Runs safeParse and returns the failure's top code and each issue's code and path, or 'valid'. */
function outcome(input: unknown, options?: ParseOptions) {
  const result = safeParse(input, options);
  if (result.success) return 'valid';
  for (const issue of result.error.issues) expect(issue.path === '' || issue.path.startsWith('/')).toBe(true);
  expect(result.error.issues.length).toBeGreaterThan(0);
  return { code: result.error.code, issues: result.error.issues.map((i) => `${i.code} ${i.path}`) };
}

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

afterEach(() => {
  // No case may leave anything on the shared prototypes.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('text that is not an event', () => {
  it.each([
    ['an empty string', '', 'invalid_json'],
    ['white space', ' \n\t', 'invalid_json'],
    ['plain text', 'hello', 'invalid_json'],
    ['truncated JSON', v2Text.slice(0, 200), 'invalid_json'],
    ['a trailing comma', '{"a":1,}', 'invalid_json'],
    ['NaN', '{"version":NaN}', 'invalid_json'],
    ['a JSON string', '"approved-premises.booking.cancelled"', 'invalid_input'],
    ['a JSON number', '42', 'invalid_input'],
    ['JSON null', 'null', 'invalid_input'],
    ['a JSON array', '[]', 'invalid_input'],
    ['binary bytes', '\u0000\u0001\uFFFD\u00FF', 'invalid_json'],
  ])('%s', (_, input, code) => {
    expect(outcome(input)).toMatchObject({ code });
  });
});

describe('size and depth limits', () => {
  it('a 10 MB string is refused before it is parsed (default limit 1 MiB)', () => {
    const big = `{"eventType":"x","padding":"${'a'.repeat(10 * 1024 * 1024)}"}`;
    expect(outcome(big)).toEqual({ code: 'input_too_large', issues: ['input_too_large '] });
  });

  it('the byte limit counts UTF-8 bytes, not characters', () => {
    const text = JSON.stringify(changed(v2, { description: 'é'.repeat(600) }));
    expect({ within: outcome(text, { limits: { maxBytes: 4000 } }), over: outcome(text, { limits: { maxBytes: text.length + 100 } }) }).toEqual({
      within: 'valid',
      over: { code: 'input_too_large', issues: ['input_too_large '] },
    });
  });

  it('a caller may raise the limit', () => {
    const big = JSON.stringify(changed(v2, { padding: 'a'.repeat(2 * 1024 * 1024) }));
    expect({ default: outcome(big), raised: outcome(big, { limits: { maxBytes: 4 * 1024 * 1024 } }) }).toEqual({
      default: { code: 'input_too_large', issues: ['input_too_large '] },
      raised: 'valid',
    });
  });

  it('100,000 levels of nested arrays', () => {
    expect(outcome(nest(100_000), { limits: { maxBytes: 1_000_000 } })).toEqual({ code: 'input_too_deep', issues: ['input_too_deep '] });
  });

  it('deep nesting inside an otherwise valid event, as text and as a value', () => {
    const text = v2Text.replace('{"id"', `{"deep":${nest(100)},"id"`);
    const value = changed(v2, { deep: JSON.parse(nest(100)) });
    expect([outcome(text), outcome(value)]).toEqual([
      { code: 'input_too_deep', issues: ['input_too_deep '] },
      { code: 'input_too_deep', issues: ['input_too_deep '] },
    ]);
  });

  it('a caller may set the depth limit', () => {
    const value = changed(v2, { deep: JSON.parse(nest(10)) });
    expect([outcome(value, { limits: { maxDepth: 8 } }), outcome(value, { limits: { maxDepth: 16 } })]).toEqual([
      { code: 'input_too_deep', issues: ['input_too_deep '] },
      'valid',
    ]);
  });

  it('a value with a cycle', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(outcome(changed(v2, { loop: cycle }))).toEqual({ code: 'input_too_deep', issues: ['input_too_deep '] });
  });
});

describe('keys that name prototypes', () => {
  it.each([
    ['__proto__ in the envelope is kept as data', `{"__proto__":{"polluted":true},${v2Text.slice(1)}`],
    [
      'constructor and prototype in the envelope are kept as data',
      `{"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},${v2Text.slice(1)}`,
    ],
  ])('%s', (_, text) => {
    const result = safeParse(text);
    if (!result.success) throw result.error;
    const event = result.event as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(Object.keys(event)).toContain(text.includes('__proto__') ? '__proto__' : 'constructor');
  });

  it('__proto__ survives an upcast as data, not as a prototype', () => {
    const v1Text = JSON.stringify(example('approved-premises.booking.cancelled', 'notification.v1.cancelled.valid.json'));
    const result = safeParse(`{"__proto__":{"polluted":true},${v1Text.slice(1)}`);
    if (!result.success) throw result.error;
    expect(result.upgradedFrom).toBe(1);
    expect(Object.getPrototypeOf(result.event)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(result.event, '__proto__')?.value).toEqual({ polluted: true });
  });

  it.each([
    ['__proto__ in the data', '__proto__'],
    ['constructor in the data', 'constructor'],
    ['prototype in the data', 'prototype'],
  ])('%s is an unknown property', (_, key) => {
    const text = v2Text.replace('"additionalInformation":{', `"additionalInformation":{"${key}":{"polluted":true},`);
    expect(outcome(text)).toEqual({ code: 'invalid_event', issues: [`unknown_property /additionalInformation/${key}`] });
  });
});

describe('numbers, strings and keys JSON.parse would take quietly', () => {
  it('an integer above 2^53 is out of the schema range, not rounded quietly', () => {
    const referral = JSON.stringify(example('intervention.session-appointment.attended', 'notification.v1.session-attended.valid.json'));
    const text = referral.replace(/"sessionNumber":\d+/u, '"sessionNumber":9007199254740993');
    expect(outcome(text)).toEqual({ code: 'invalid_event', issues: ['too_big /additionalInformation/sessionNumber'] });
  });

  it('lone surrogates do not throw', () => {
    for (const s of ['\\ud800', '\\udfff', 'a\\ud83dz']) {
      const text = v2Text.replace('"The person was recalled to prison"', `"${s}"`);
      const result = outcome(text);
      expect(['valid', 'invalid_event']).toContain(typeof result === 'string' ? result : result.code);
    }
    expect(outcome(v2Text.replace('"eventType"', '"\\ud800"'))).toMatchObject({ code: 'invalid_event' });
  });

  it('a duplicate key is refused by default, with its path', () => {
    const text = v2Text.replace('"bookingId":', '"bookingId":"00000000-0000-4000-8000-000000000000","bookingId":');
    expect(outcome(text)).toEqual({ code: 'invalid_json', issues: ['invalid_json /additionalInformation/bookingId'] });
  });

  it('a duplicate eventType cannot route one way and parse another', () => {
    const text = v2Text.replace('"eventType":', '"eventType":"intervention.referral.sent","eventType":');
    expect(outcome(text)).toEqual({ code: 'invalid_json', issues: ['invalid_json /eventType'] });
  });

  it("duplicateKeys: 'last-wins' reads as JSON.parse does", () => {
    const text = v2Text.replace('"bookingId":', '"bookingId":"not a uuid","bookingId":');
    expect(outcome(text, { duplicateKeys: 'last-wins' })).toBe('valid');
  });

  it('keys equal only after unescaping are duplicates too', () => {
    const text = v2Text.replace('"bookingId":', '"booking\\u0049d":"00000000-0000-4000-8000-000000000000","bookingId":');
    expect(outcome(text)).toEqual({ code: 'invalid_json', issues: ['invalid_json /additionalInformation/bookingId'] });
  });
});

describe('wrong types everywhere', () => {
  const fields = Object.keys(v2);
  const dataFields = Object.keys(data);
  const wrong = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.array(fc.integer(), { maxLength: 2 }),
    fc.object({ maxDepth: 1 }),
  );

  it('any envelope field replaced by a value of any type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), wrong, (field, value) => {
        const before = safeParse(changed(v2, { [field]: value }));
        const after = safeParse(JSON.stringify(changed(v2, { [field]: value })));
        expect(typeof before.success).toBe('boolean');
        expect(after.success ? [] : after.error.issues.length).not.toEqual(0);
      }),
      { seed: 20_261_123, numRuns: 300 },
    );
  });

  it('any data field replaced by a value of any type is caught at its path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...dataFields), wrong, (field, value) => {
        fc.pre(jsonType(value) !== jsonType(data[field]));
        const result = safeParse(changed(v2, { additionalInformation: changed(data, { [field]: value }) }));
        expect(result.success).toBe(false);
        if (!result.success) expect(result.error.issues.some((i) => i.path.startsWith(`/additionalInformation/${field}`) || i.path === '/version')).toBe(true);
      }),
      { seed: 20_261_123, numRuns: 300 },
    );
  });

  it('any JSON value at all, as text or as a value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const input of [value, JSON.stringify(value)]) {
          const result = safeParse(input);
          expect(result.success).toBe(false);
          if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
        }
      }),
      { seed: 20_261_123, numRuns: 500 },
    );
  });

  it('values JSON cannot even hold', () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const odd = [
      undefined,
      Symbol('x'),
      () => 1,
      10n,
      new Date(),
      new Map(),
      throwing,
      Object.create(null),
      changed(v2, { version: Number.NaN }),
      changed(v2, { occurredAt: new Date() }),
    ];
    for (const input of odd) {
      const result = cas1BookingCancelled.safeParse(input);
      expect(result.success).toBe(false);
    }
  });
});

describe('the traps seen in real traffic', () => {
  const v1 = example('approved-premises.booking.cancelled', 'notification.v1.cancelled.valid.json');
  const cases: Array<[string, unknown, string[]]> = [
    [
      'an optional field sent as explicit null',
      changed(v2, { additionalInformation: changed(data, { cancelledBy: { ...(data.cancelledBy as object), username: null } }) }),
      ['invalid_type /additionalInformation/cancelledBy/username'],
    ],
    ['a timestamp with no offset', changed(v2, { occurredAt: '2022-11-30T14:53:44' }), ['invalid_format /occurredAt']],
    ['an offset with a zone suffix', changed(v2, { occurredAt: '2024-01-01T10:00:00+01:00[Europe/London]' }), ['invalid_format /occurredAt']],
    ['an eventType with a trailing space', changed(v2, { eventType: 'approved-premises.booking.cancelled ' }), ['unknown_event_type /eventType']],
    [
      'the CRN as the string "null"',
      changed(v2, { personReference: { identifiers: [{ type: 'CRN', value: 'null' }] } }),
      ['pattern /personReference/identifiers/0/value'],
    ],
    [
      'a NOMS number of "Unknown NOMS Number"',
      changed(v2, { additionalInformation: changed(data, { personReference: { crn: 'X320741', noms: 'Unknown NOMS Number' } }) }),
      ['pattern /additionalInformation/personReference/noms'],
    ],
    [
      'version 1 on the wire for version 2 data',
      changed(v2, { version: 1 }),
      [
        'unknown_property /additionalInformation/cancelledAtDate',
        'unknown_property /additionalInformation/cancellationRecordedAt',
        'version_mismatch /version',
      ],
    ],
  ];
  it.each(cases)('%s', (_, input, issues) => {
    const result = outcome(input);
    expect(result === 'valid' ? result : result.issues).toEqual(issues);
  });

  it('fractional seconds with 8 or 9 digits are valid RFC 3339', () => {
    expect([
      outcome(changed(v1, { occurredAt: '2024-06-13T17:52:26.55647055+01:00' })),
      outcome(changed(v1, { occurredAt: '2024-06-13T17:52:26.556470551+01:00' })),
    ]).toEqual(['valid', 'valid']);
  });
});
