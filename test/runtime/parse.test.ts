/**
 * Reading events: formats, versions, upcasting, and the code and path of
 * every kind of failure.
 */
import { describe, expect, it } from 'vitest';
import { ContractError, cas1BookingCancelled, cas1PersonArrived, type ParseOptions, parse, safeParse } from '../../src/index.js';
import { changed, example, exampleText } from '../support/examples.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const v1 = example(CANCELLED, 'notification.v1.cancelled.valid.json');
const v2 = example(CANCELLED, 'notification.v2.cancelled.valid.json');
const detailOf = (envelope: Record<string, unknown>) => ({
  id: '2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11',
  timestamp: envelope.occurredAt,
  eventType: envelope.eventType,
  eventDetails: envelope.additionalInformation,
});

type Want = { version: number; upgradedFrom?: number } | { code: string; issue: string; path: string; message?: RegExp };

const cases: Array<[string, { given: unknown; options?: ParseOptions; want: Want }]> = [
  ['a latest-version message as text', { given: exampleText(CANCELLED, 'notification.v2.cancelled.valid.json'), want: { version: 2 } }],
  ['a latest-version message as a value', { given: v2, want: { version: 2 } }],
  ['a version 1 message is upcast to the latest', { given: v1, want: { version: 2, upgradedFrom: 1 } }],
  ['a message without a version is read as version 1', { given: changed(v1, { version: undefined }), want: { version: 2, upgradedFrom: 1 } }],
  ['to: 1 stops the upcast at version 1', { given: v1, options: { to: 1 }, want: { version: 1 } }],
  ["to: 'latest' is the default", { given: v1, options: { to: 'latest' }, want: { version: 2, upgradedFrom: 1 } }],
  [
    'a detail document with its version from the caller',
    { given: detailOf(v1), options: { format: 'detail', version: 1 }, want: { version: 2, upgradedFrom: 1 } },
  ],
  ['format auto reads an hmpps message', { given: v2, options: { format: 'auto' }, want: { version: 2 } }],
  ['a document newer than to', { given: v2, options: { to: 1 }, want: { code: 'version_too_new', issue: 'version_too_new', path: '/version' } }],
  [
    'an unknown event type',
    {
      given: changed(v2, { eventType: 'approved-premises.booking.teleported' }),
      want: { code: 'unknown_event_type', issue: 'unknown_event_type', path: '/eventType' },
    },
  ],
  [
    'an event type with a trailing space',
    {
      given: changed(v2, { eventType: `${CANCELLED} ` }),
      want: {
        code: 'unknown_event_type',
        issue: 'unknown_event_type',
        path: '/eventType',
        message: /white space.*did you mean "approved-premises\.booking\.cancelled"/,
      },
    },
  ],
  [
    'an upper-case event type',
    {
      given: changed(v2, { eventType: CANCELLED.toUpperCase() }),
      want: { code: 'unknown_event_type', issue: 'unknown_event_type', path: '/eventType', message: /lower case/ },
    },
  ],
  [
    'an unknown version',
    {
      given: changed(v2, { version: 3 }),
      want: { code: 'unknown_version', issue: 'unknown_version', path: '/version', message: /versions 1 to 2.*acceptNewer/ },
    },
  ],
  ['version 0', { given: changed(v2, { version: 0 }), want: { code: 'invalid_event', issue: 'invalid_type', path: '/version' } }],
  ['version as a string', { given: changed(v2, { version: '2' }), want: { code: 'invalid_event', issue: 'invalid_type', path: '/version' } }],
  [
    'version above 2^53',
    {
      given: JSON.stringify(v2).replace('"version":2', '"version":9007199254740993'),
      want: { code: 'unknown_version', issue: 'unknown_version', path: '/version' },
    },
  ],
  ['no eventType', { given: changed(v2, { eventType: undefined }), want: { code: 'invalid_event', issue: 'required', path: '/eventType' } }],
  ['an eventType that is not a string', { given: changed(v2, { eventType: 7 }), want: { code: 'invalid_event', issue: 'invalid_type', path: '/eventType' } }],
  ['not an object', { given: '[1,2]', want: { code: 'invalid_input', issue: 'invalid_input', path: '' } }],
  ['null', { given: null, want: { code: 'invalid_input', issue: 'invalid_input', path: '' } }],
  [
    'a missing data field',
    {
      given: changed(v2, { additionalInformation: changed(v2.additionalInformation as Record<string, unknown>, { bookingId: undefined }) }),
      want: { code: 'invalid_event', issue: 'required', path: '/additionalInformation/bookingId' },
    },
  ],
  [
    'an unknown data field',
    {
      given: changed(v2, { additionalInformation: changed(v2.additionalInformation as Record<string, unknown>, { extra: 1 }) }),
      want: { code: 'invalid_event', issue: 'unknown_property', path: '/additionalInformation/extra' },
    },
  ],
  [
    'version 2 data labelled version 1 gets a hint',
    {
      given: example(CANCELLED, 'notification.v1.v2-data-labelled-version-1.invalid.json'),
      want: { code: 'invalid_event', issue: 'version_mismatch', path: '/version', message: /valid at version 2/ },
    },
  ],
  [
    'a detail document without a version',
    { given: detailOf(v1), options: { format: 'detail' }, want: { code: 'missing_version', issue: 'missing_version', path: '' } },
  ],
  [
    'a detail document reports paths in the document',
    {
      given: changed(detailOf(v1), { eventDetails: changed(v1.additionalInformation as Record<string, unknown>, { bookingId: 'x' }) }),
      options: { format: 'detail', version: 1 },
      want: { code: 'invalid_event', issue: 'invalid_format', path: '/eventDetails/bookingId' },
    },
  ],
  [
    'a version that disagrees with options.version',
    { given: v2, options: { version: 1 }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } },
  ],
  ['an unknown format', { given: v2, options: { format: 'xml' as 'hmpps' }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } }],
  ['to beyond the latest version', { given: v2, options: { to: 3 }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } }],
  ['to: 0', { given: v2, options: { to: 0 }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } }],
  [
    'a different event type than expected',
    {
      given: v2,
      options: { eventType: 'intervention.referral.sent' },
      want: { code: 'event_type_mismatch', issue: 'event_type_mismatch', path: '/eventType' },
    },
  ],
];

describe('safeParse', () => {
  it.each(cases)('%s', (_, { given, options, want }) => {
    const result = safeParse(given, options);
    if ('version' in want) {
      if (!result.success) throw result.error;
      expect({ version: result.event.version, upgradedFrom: result.upgradedFrom }).toEqual({ version: want.version, upgradedFrom: want.upgradedFrom });
    } else {
      expect(result.success).toBe(false);
      if (result.success) return;
      const issue = result.error.issues.find((i) => i.code === want.issue);
      expect({ code: result.error.code, issue: issue?.code, path: issue?.path }).toEqual({ code: want.code, issue: want.issue, path: want.path });
      if (want.message) expect(issue?.message).toMatch(want.message);
      expect(result.error).toBeInstanceOf(ContractError);
    }
  });
});

describe('upcasting while reading', () => {
  it('booking.cancelled v1 → v2 derives the date in Europe/London and the time recorded', () => {
    const result = safeParse(
      changed(v1, {
        occurredAt: '2024-10-26T23:55:00Z',
        additionalInformation: changed(v1.additionalInformation as Record<string, unknown>, { cancelledAt: '2024-10-26T23:30:00Z' }),
      }),
    );
    if (!result.success) throw result.error;
    expect(result.event.eventType === CANCELLED && result.event.additionalInformation).toMatchObject({
      cancelledAtDate: '2024-10-27',
      cancellationRecordedAt: '2024-10-26T23:55:00Z',
      cancelledAt: '2024-10-26T23:30:00Z',
    });
  });

  const arrived = example('approved-premises.person.arrived', 'notification.v1.person-arrived.valid.json');
  const staff = { staffCode: 'N54B123', forenames: 'Ann', surname: 'Jones' };

  it('person.arrived takes recordedBy from the caller', () => {
    const event = cas1PersonArrived.parse(arrived, { context: { recordedBy: staff } });
    expect(event.additionalInformation.recordedBy).toEqual(staff);
  });

  it('person.arrived falls back to "unknown" for every field', () => {
    const event = cas1PersonArrived.parse(arrived);
    expect(event.additionalInformation.recordedBy).toEqual({ staffCode: 'unknown', forenames: 'unknown', surname: 'unknown', username: 'unknown' });
  });

  it('a bad context value fails the step it broke, naming it, with paths into the data', () => {
    const result = cas1PersonArrived.safeParse(arrived, { context: { recordedBy: { staffCode: 'N54B123' } } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('upcast_failed');
    expect(result.error.step).toEqual({ eventType: 'approved-premises.person.arrived', from: 1, to: 2 });
    expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([
      ['required', '/additionalInformation/recordedBy/forenames'],
      ['required', '/additionalInformation/recordedBy/surname'],
    ]);
    expect(result.error.message).toMatch(/^upcasting approved-premises\.person\.arrived from v1 to v2: /);
  });

  it('a failed step reports paths in the document it was given (detail format)', () => {
    const detail = { timestamp: arrived.occurredAt, eventType: arrived.eventType, eventDetails: arrived.additionalInformation };
    const result = cas1PersonArrived.safeParse(detail, { format: 'detail', version: 1, context: { recordedBy: { staffCode: 'N54B123' } } });
    expect(result.success ? 'valid' : result.error.issues.map((i) => i.path)).toEqual([
      '/eventDetails/recordedBy/forenames',
      '/eventDetails/recordedBy/surname',
    ]);
  });

  it('the typed person.departed upcaster behaves as the declarative person.arrived one', () => {
    const departed = example('approved-premises.person.departed', 'notification.v1.person-departed.valid.json');
    const withStaff = safeParse(departed, { context: { recordedBy: staff } });
    const without = safeParse(departed);
    if (!withStaff.success || !without.success) throw new Error('expected both to parse');
    expect([withStaff.event.additionalInformation, without.event.additionalInformation].map((d) => (d as { recordedBy: unknown }).recordedBy)).toEqual([
      staff,
      { staffCode: 'unknown', forenames: 'unknown', surname: 'unknown', username: 'unknown' },
    ]);
  });

  it('request-for-placement v1 → v2 changes meaning only: the data is carried over', () => {
    const rfp = example('approved-premises.request-for-placement.created', 'notification.v1.request-for-placement-created.valid.json');
    const result = safeParse(rfp);
    if (!result.success) throw result.error;
    expect({ version: result.event.version, data: result.event.additionalInformation }).toEqual({ version: 2, data: rfp.additionalInformation });
  });

  it('unknown envelope fields survive an upcast', () => {
    const result = safeParse(changed(v1, { 'x-extra': { kept: true } }));
    if (!result.success) throw result.error;
    expect((result.event as unknown as Record<string, unknown>)['x-extra']).toEqual({ kept: true });
  });
});

describe('newer versions than the package knows', () => {
  it('acceptNewer reads a newer version as the latest where it is valid there', () => {
    const result = safeParse(changed(v2, { version: 3 }), { acceptNewer: true });
    if (!result.success) throw result.error;
    expect({ version: result.event.version, readAs: result.readAs }).toEqual({ version: 2, readAs: { receivedVersion: 3 } });
  });

  it('acceptNewer still rejects data that is not valid at the latest version', () => {
    const result = safeParse(
      changed(v2, { version: 3, additionalInformation: changed(v2.additionalInformation as Record<string, unknown>, { newField: 1 }) }),
      { acceptNewer: true },
    );
    expect(result.success ? 'valid' : result.error.issues.map((i) => i.code)).toEqual(['unknown_property']);
  });
});

describe('parse', () => {
  it('returns the event', () => {
    expect(parse(v2).version).toBe(2);
  });
  it('throws the ContractError safeParse would return', () => {
    const bad = changed(v2, { eventType: 'nope.nope.nope' });
    const safe = safeParse(bad);
    expect(() => parse(bad)).toThrow(ContractError);
    try {
      parse(bad);
    } catch (error) {
      expect((error as ContractError).toJSON()).toEqual(safe.success ? undefined : safe.error.toJSON());
    }
  });
  it('an event type object reads only its own type', () => {
    const other = example('intervention.referral.sent', 'notification.v1.referral-sent.valid.json');
    const result = cas1BookingCancelled.safeParse(other);
    expect(result.success ? 'valid' : [result.error.code, result.error.issues[0]?.path]).toEqual(['event_type_mismatch', '/eventType']);
  });
});
