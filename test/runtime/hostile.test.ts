/**
 * Hostile input never throws out of safeParse, never pollutes a prototype,
 * and never passes silently: it fails with a code and a JSON Pointer.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cas1BookingCancelled,
  type DetailParseOptions,
  type DetailParseResult,
  type ParseOptions,
  type ParseResult,
  safeParse,
  safeParseDetail,
} from '../../src/index.js';
import { changed, example } from '../support/examples.js';
import { versionedNotification, versionedV1, versionedV2 } from '../support/versioned-notification.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const event = example(CANCELLED, 'notification.v1.booking-cancelled.valid.json');
const eventText = JSON.stringify(event);
const data = event.additionalInformation as Record<string, unknown>;

/** Runs safeParse and returns the failure's top code and each issue's code and path, or 'valid'. */
function outcome(input: unknown, options?: ParseOptions) {
  return summary(safeParse(input, options));
}

/** The same for a detail document, read with safeParseDetail. */
function detailOutcome(input: unknown, options?: DetailParseOptions) {
  return summary(safeParseDetail(input, options));
}

function summary(result: ParseResult<unknown> | DetailParseResult<unknown>) {
  if (result.success) return 'valid';
  for (const issue of result.error.issues) expect(issue.path === '' || issue.path.startsWith('/')).toBe(true);
  expect(result.error.issues.length).toBeGreaterThan(0);
  return { code: result.error.code, issues: result.error.issues.map((i) => `${i.code} ${i.path}`) };
}

// Every real notification contract is at version 1: a test catalogue has a notification v2, for upcasts of notifications.
let versioned: Awaited<ReturnType<typeof versionedNotification>>;
beforeAll(async () => {
  versioned = await versionedNotification();
});
afterAll(() => versioned.remove());

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
    ['truncated JSON', eventText.slice(0, 200), 'invalid_json'],
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
    const text = JSON.stringify(changed(event, { description: 'é'.repeat(600) }));
    expect({ within: outcome(text, { limits: { maxBytes: 4000 } }), over: outcome(text, { limits: { maxBytes: text.length + 100 } }) }).toEqual({
      within: 'valid',
      over: { code: 'input_too_large', issues: ['input_too_large '] },
    });
  });

  it('a caller may raise the limit', () => {
    const big = JSON.stringify(changed(event, { padding: 'a'.repeat(2 * 1024 * 1024) }));
    expect({ default: outcome(big), raised: outcome(big, { limits: { maxBytes: 4 * 1024 * 1024 } }) }).toEqual({
      default: { code: 'input_too_large', issues: ['input_too_large '] },
      raised: 'valid',
    });
  });

  it('100,000 levels of nested arrays', () => {
    expect(outcome(nest(100_000), { limits: { maxBytes: 1_000_000 } })).toEqual({ code: 'input_too_deep', issues: ['input_too_deep '] });
  });

  it('deep nesting inside an otherwise valid event, as text and as a value', () => {
    const text = `{"deep":${nest(100)},${eventText.slice(1)}`;
    const value = changed(event, { deep: JSON.parse(nest(100)) });
    expect([outcome(text), outcome(value)]).toEqual([
      { code: 'input_too_deep', issues: ['input_too_deep '] },
      { code: 'input_too_deep', issues: ['input_too_deep '] },
    ]);
  });

  it('a caller may set the depth limit', () => {
    const value = changed(event, { deep: JSON.parse(nest(10)) });
    expect([outcome(value, { limits: { maxDepth: 8 } }), outcome(value, { limits: { maxDepth: 16 } })]).toEqual([
      { code: 'input_too_deep', issues: ['input_too_deep '] },
      'valid',
    ]);
  });

  it('a value with a cycle', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(outcome(changed(event, { loop: cycle }))).toEqual({ code: 'input_too_deep', issues: ['input_too_deep '] });
  });
});

describe('keys that name prototypes', () => {
  it.each([
    ['__proto__ in the envelope is kept as data', `{"__proto__":{"polluted":true},${eventText.slice(1)}`],
    [
      'constructor and prototype in the envelope are kept as data',
      `{"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},${eventText.slice(1)}`,
    ],
  ])('%s', (_, text) => {
    const result = safeParse(text);
    if (!result.success) throw result.error;
    const event = result.event as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(Object.keys(event)).toContain(text.includes('__proto__') ? '__proto__' : 'constructor');
  });

  describe('__proto__ survives an upcast as data, not as a prototype', () => {
    it('in a notification', () => {
      const result = versioned.eventType.safeParse(`{"__proto__":{"polluted":true},${JSON.stringify(versionedV1()).slice(1)}`);
      if (!result.success) throw result.error;
      expect(result.upgradedFrom).toBe(1);
      expect(Object.getPrototypeOf(result.event)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(result.event, '__proto__')?.value).toEqual({ polluted: true });
    });

    it('in a detail document', () => {
      const stored = JSON.stringify(example(CANCELLED, 'detail.v1.cancelled.valid.json'));
      const result = safeParseDetail(`{"__proto__":{"polluted":true},${stored.slice(1)}`, { version: 1 });
      if (!result.success) throw result.error;
      expect(result.upgradedFrom).toBe(1);
      expect(Object.getPrototypeOf(result.detail)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(result.detail, '__proto__')?.value).toEqual({ polluted: true });
    });
  });

  it.each([
    ['__proto__ in the data', '__proto__'],
    ['constructor in the data', 'constructor'],
    ['prototype in the data', 'prototype'],
  ])('%s is an unknown property: kept as data with a warning, or an error when they are rejected', (_, key) => {
    const text = eventText.replace('"additionalInformation":{', `"additionalInformation":{"${key}":{"polluted":true},`);
    expect(outcome(text, { unknownProperties: 'reject' })).toEqual({ code: 'invalid_event', issues: [`unknown_property /additionalInformation/${key}`] });
    const result = safeParse(text);
    if (!result.success) throw result.error;
    expect(result.warnings?.map((w) => `${w.code} ${w.path}`)).toEqual([`unknown_property /additionalInformation/${key}`]);
    expect(Object.getPrototypeOf(result.event.additionalInformation)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(result.event.additionalInformation, key)?.value).toEqual({ polluted: true });
  });
});

describe('numbers, strings and keys JSON.parse would take quietly', () => {
  it('an integer beyond 2^53 is out of the schema range, not rounded quietly', () => {
    // No notification contract has an integer with a bound; application.submitted's detail contract has age >= 0.
    const stored = JSON.stringify(example('approved-premises.application.submitted', 'detail.v1.application-submitted.valid.json'));
    const text = stored.replace(/"age":\d+/u, '"age":-9007199254740993');
    expect(text).not.toBe(stored);
    expect(detailOutcome(text, { version: 1 })).toEqual({ code: 'invalid_event', issues: ['too_small /eventDetails/age'] });
  });

  it('lone surrogates do not throw', () => {
    expect(eventText).toContain(JSON.stringify(event.description));
    for (const s of ['\\ud800', '\\udfff', 'a\\ud83dz']) {
      const text = eventText.replace(JSON.stringify(event.description), `"${s}"`);
      const result = outcome(text);
      expect(['valid', 'invalid_event']).toContain(typeof result === 'string' ? result : result.code);
    }
    expect(outcome(eventText.replace('"eventType"', '"\\ud800"'))).toMatchObject({ code: 'invalid_event' });
  });

  it('a duplicate key is refused by default, with its path', () => {
    const text = eventText.replace('"applicationId":', '"applicationId":"00000000-0000-4000-8000-000000000000","applicationId":');
    expect(outcome(text)).toEqual({ code: 'invalid_json', issues: ['invalid_json /additionalInformation/applicationId'] });
  });

  it('a duplicate eventType cannot route one way and parse another', () => {
    const text = eventText.replace('"eventType":', '"eventType":"intervention.referral.sent","eventType":');
    expect(outcome(text)).toEqual({ code: 'invalid_json', issues: ['invalid_json /eventType'] });
  });

  it("duplicateKeys: 'last-wins' reads as JSON.parse does", () => {
    const text = eventText.replace('"applicationId":', '"applicationId":"not a uuid","applicationId":');
    expect(outcome(text, { duplicateKeys: 'last-wins' })).toBe('valid');
  });

  it('keys equal only after unescaping are duplicates too', () => {
    const text = eventText.replace('"applicationId":', '"application\\u0049d":"00000000-0000-4000-8000-000000000000","applicationId":');
    expect(outcome(text)).toEqual({ code: 'invalid_json', issues: ['invalid_json /additionalInformation/applicationId'] });
  });
});

describe('wrong types everywhere', () => {
  const fields = Object.keys(event);
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
        const before = safeParse(changed(event, { [field]: value }));
        const after = safeParse(JSON.stringify(changed(event, { [field]: value })));
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
        const result = safeParse(changed(event, { additionalInformation: changed(data, { [field]: value }) }));
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
      changed(event, { version: Number.NaN }),
      changed(event, { occurredAt: new Date() }),
    ];
    for (const input of odd) {
      const result = cas1BookingCancelled.safeParse(input);
      expect(result.success).toBe(false);
    }
  });
});

describe('the traps seen in real traffic', () => {
  const feedback = example(
    'intervention.initial-assessment-appointment.session-feedback-submitted',
    'notification.v1.assessment-feedback-submitted.valid.json',
  );
  const missed = example('intervention.session-appointment.missed', 'notification.v1.session-missed.valid.json');
  const stored = example(CANCELLED, 'detail.v2.cancelled.valid.json');
  const details = stored.eventDetails as Record<string, unknown>;
  const cases: Array<[string, unknown, string[] | 'valid']> = [
    [
      'an optional field sent as explicit null',
      changed(feedback, { additionalInformation: changed(feedback.additionalInformation as Record<string, unknown>, { deliusAppointmentId: null }) }),
      ['invalid_type /additionalInformation/deliusAppointmentId'],
    ],
    ['a timestamp with no offset', changed(event, { occurredAt: '2022-11-30T14:53:44' }), ['invalid_format /occurredAt']],
    ['an offset with a zone suffix', changed(event, { occurredAt: '2024-01-01T10:00:00+01:00[Europe/London]' }), ['invalid_format /occurredAt']],
    ['an eventType with a trailing space', changed(event, { eventType: 'approved-premises.booking.cancelled ' }), ['unknown_event_type /eventType']],
    [
      'the CRN as the string "null" in the data',
      changed(missed, { additionalInformation: changed(missed.additionalInformation as Record<string, unknown>, { serviceUserCRN: 'null' }) }),
      ['pattern /additionalInformation/serviceUserCRN'],
    ],
    // The envelope's identifiers are read as producers send them; build is where their patterns are enforced.
    [
      'the CRN as the string "null" in the envelope is refused',
      changed(event, { personReference: { identifiers: [{ type: 'CRN', value: 'null' }] } }),
      ['pattern /personReference/identifiers/0/value'],
    ],
    [
      'a CRN in lower case with spaces around it, as CAS3 has sent it, is read as sent',
      changed(event, { personReference: { identifiers: [{ type: 'CRN', value: ' x320741 ' }] } }),
      'valid',
    ],
    [
      'a NOMS number of "Unknown NOMS Number" in the envelope, as CAS1 sends it, is read as sent',
      changed(event, {
        personReference: {
          identifiers: [
            { type: 'CRN', value: 'X320741' },
            { type: 'NOMS', value: 'Unknown NOMS Number' },
          ],
        },
      }),
      'valid',
    ],
    [
      'an empty identifier in the envelope',
      changed(event, { personReference: { identifiers: [{ type: 'CRN', value: '' }] } }),
      ['pattern /personReference/identifiers/0/value'],
    ],
  ];
  it.each(cases)('%s', (_, input, issues) => {
    const result = outcome(input);
    expect(result === 'valid' ? result : result.issues).toEqual(issues);
  });

  const detailCases: Array<[string, unknown, string[] | 'valid']> = [
    [
      'a NOMS number of "Unknown NOMS Number" in a CAS1 detail document is the placeholder the producer writes',
      changed(stored, { eventDetails: changed(details, { personReference: { crn: 'X320741', noms: 'Unknown NOMS Number' } }) }),
      'valid',
    ],
    [
      'any other NOMS number that is not well-formed is not',
      changed(stored, { eventDetails: changed(details, { personReference: { crn: 'X320741', noms: 'Unknown NOMS' } }) }),
      ['pattern /eventDetails/personReference/noms'],
    ],
    [
      'an optional field sent as explicit null',
      changed(stored, { eventDetails: changed(details, { cancelledBy: { ...(details.cancelledBy as object), staffIdentifier: null } }) }),
      ['invalid_type /eventDetails/cancelledBy/staffIdentifier'],
    ],
  ];
  it.each(detailCases)('detail: %s', (_, input, issues) => {
    const result = detailOutcome(input, { version: 2 });
    expect(result === 'valid' ? result : result.issues).toEqual(issues);
  });

  describe('version 1 on the wire for version 2 data (a test catalogue with a notification v2)', () => {
    const mislabelled = () => changed(versionedV2(), { version: 1 });
    const unknown = [
      'unknown_property /additionalInformation/cancelledAtDate',
      'unknown_property /additionalInformation/cancellationRecordedAt',
      'unknown_property /additionalInformation/recordedBy',
    ];

    it("is an error with a hint, with unknownProperties: 'reject'", () => {
      const result = summary(versioned.eventType.safeParse(mislabelled(), { unknownProperties: 'reject' }));
      expect(result === 'valid' ? result : result.issues).toEqual([...unknown, 'version_mismatch /version']);
    });

    it('is read tolerantly, with a warning for each property version 1 does not name, and nothing the producer sent is lost', () => {
      const result = versioned.eventType.safeParse(mislabelled());
      if (!result.success) throw result.error;
      expect(result.warnings?.map((w) => `${w.code} ${w.path}`)).toEqual(unknown);
      // Kept as it is, never dropped: the upcast to version 2 must not overwrite what the producer sent.
      expect(result.event.additionalInformation).toEqual(versionedV2().additionalInformation);
    });
  });

  it('fractional seconds with 8 or 9 digits are valid RFC 3339', () => {
    expect([
      outcome(changed(event, { occurredAt: '2024-06-13T17:52:26.55647055+01:00' })),
      outcome(changed(event, { occurredAt: '2024-06-13T17:52:26.556470551+01:00' })),
    ]).toEqual(['valid', 'valid']);
  });
});
