/**
 * Reading notifications and detail documents: formats, versions, upcasting,
 * and the code and path of every kind of failure.
 *
 * Every real notification contract is at version 1, so the notification
 * version machinery (upcasting a notification, `version_mismatch`,
 * `acceptNewer`, `version_too_new`) is read on a generated test catalogue
 * with a notification version 2; detail documents are read on the real CAS1
 * detail contracts, whose history goes to version 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ContractError,
  cas1BookingCancelled,
  cas1PersonArrived,
  type DetailParseOptions,
  type DetailParseResult,
  type ParseOptions,
  type ParseResult,
  parse,
  parseDetail,
  safeParse,
  safeParseDetail,
} from '../../src/index.js';
import { changed, example, exampleText } from '../support/examples.js';
import { looseData, looseNotification } from '../support/loose-data.js';
import { UNKNOWN_STAFF, versionedNotification, versionedV1, versionedV2 } from '../support/versioned-notification.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const notification = example(CANCELLED, 'notification.v1.booking-cancelled.valid.json');
const notificationData = notification.additionalInformation as Record<string, unknown>;
const detailV1 = example(CANCELLED, 'detail.v1.cancelled.valid.json');
const detailV2 = example(CANCELLED, 'detail.v2.cancelled.valid.json');
const details = (document: Record<string, unknown>) => document.eventDetails as Record<string, unknown>;
const detailsV1 = details(detailV1);

type Want = { version: number; upgradedFrom?: number; warnings?: string[] } | { code: string; issue: string; path: string; message?: RegExp };

/** What a caller sees of a notification or detail result, against what the case wants. */
function expectOutcome(result: ParseResult<{ version: number }> | DetailParseResult<unknown>, want: Want) {
  if ('version' in want) {
    if (!result.success) throw result.error;
    const version = 'event' in result ? result.event.version : result.version;
    const warnings = result.warnings?.map((w) => `${w.code} ${w.path}`);
    expect({ version, upgradedFrom: result.upgradedFrom, warnings }).toEqual({
      version: want.version,
      upgradedFrom: want.upgradedFrom,
      warnings: want.warnings,
    });
    return;
  }
  expect(result.success).toBe(false);
  if (result.success) return;
  const issue = result.error.issues.find((i) => i.code === want.issue);
  expect({ code: result.error.code, issue: issue?.code, path: issue?.path }).toEqual({ code: want.code, issue: want.issue, path: want.path });
  if (want.message) expect(issue?.message).toMatch(want.message);
  expect(result.error).toBeInstanceOf(ContractError);
}

const notificationCases: Array<[string, { given: unknown; options?: ParseOptions; want: Want }]> = [
  ['a message as text', { given: exampleText(CANCELLED, 'notification.v1.booking-cancelled.valid.json'), want: { version: 1 } }],
  ['a message as a value', { given: notification, want: { version: 1 } }],
  ['a message without a version is read as version 1', { given: changed(notification, { version: undefined }), want: { version: 1 } }],
  ['a message with version null is read as version 1', { given: changed(notification, { version: null }), want: { version: 1 } }],
  ["to: 'latest' is the default", { given: notification, options: { to: 'latest' }, want: { version: 1 } }],
  ['format auto reads an hmpps message', { given: notification, options: { format: 'auto' }, want: { version: 1 } }],
  [
    'an unknown event type',
    {
      given: changed(notification, { eventType: 'approved-premises.booking.teleported' }),
      want: { code: 'unknown_event_type', issue: 'unknown_event_type', path: '/eventType' },
    },
  ],
  [
    'an event type with a trailing space',
    {
      given: changed(notification, { eventType: `${CANCELLED} ` }),
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
      given: changed(notification, { eventType: CANCELLED.toUpperCase() }),
      want: { code: 'unknown_event_type', issue: 'unknown_event_type', path: '/eventType', message: /lower case/ },
    },
  ],
  [
    'an event type with a detail contract only is not a notification',
    {
      given: changed(notification, { eventType: 'approved-premises.application.expired' }),
      want: { code: 'unknown_event_type', issue: 'unknown_event_type', path: '/eventType' },
    },
  ],
  [
    'an unknown version',
    {
      given: changed(notification, { version: 3 }),
      want: { code: 'unknown_version', issue: 'unknown_version', path: '/version', message: /knows version 1.*acceptNewer/ },
    },
  ],
  ['version 0', { given: changed(notification, { version: 0 }), want: { code: 'invalid_event', issue: 'invalid_type', path: '/version' } }],
  ['version as a string', { given: changed(notification, { version: '1' }), want: { code: 'invalid_event', issue: 'invalid_type', path: '/version' } }],
  [
    'version above 2^53',
    {
      given: JSON.stringify(notification).replace('"version":1', '"version":9007199254740993'),
      want: { code: 'unknown_version', issue: 'unknown_version', path: '/version' },
    },
  ],
  ['no eventType', { given: changed(notification, { eventType: undefined }), want: { code: 'invalid_event', issue: 'required', path: '/eventType' } }],
  [
    'an eventType that is not a string',
    { given: changed(notification, { eventType: 7 }), want: { code: 'invalid_event', issue: 'invalid_type', path: '/eventType' } },
  ],
  ['not an object', { given: '[1,2]', want: { code: 'invalid_input', issue: 'invalid_input', path: '' } }],
  ['null', { given: null, want: { code: 'invalid_input', issue: 'invalid_input', path: '' } }],
  [
    'a missing data field',
    {
      given: changed(notification, { additionalInformation: changed(notificationData, { applicationId: undefined }) }),
      want: { code: 'invalid_event', issue: 'required', path: '/additionalInformation/applicationId' },
    },
  ],
  [
    'an unknown data field is kept, with a warning',
    {
      given: changed(notification, { additionalInformation: changed(notificationData, { extra: 1 }) }),
      want: { version: 1, warnings: ['unknown_property /additionalInformation/extra'] },
    },
  ],
  [
    "an unknown data field, with unknownProperties: 'reject'",
    {
      given: changed(notification, { additionalInformation: changed(notificationData, { extra: 1 }) }),
      options: { unknownProperties: 'reject' },
      want: { code: 'invalid_event', issue: 'unknown_property', path: '/additionalInformation/extra' },
    },
  ],
  [
    'a version that disagrees with options.version',
    { given: notification, options: { version: 2 }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } },
  ],
  ['an unknown format', { given: notification, options: { format: 'xml' as 'hmpps' }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } }],
  [
    "the old 'detail' format is gone: detail documents are read with safeParseDetail",
    { given: detailV1, options: { format: 'detail' as 'hmpps' }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } },
  ],
  ['to beyond the latest version', { given: notification, options: { to: 2 }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } }],
  ['to: 0', { given: notification, options: { to: 0 }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } }],
  [
    'a different event type than expected',
    {
      given: notification,
      options: { eventType: 'intervention.referral.sent' },
      want: { code: 'event_type_mismatch', issue: 'event_type_mismatch', path: '/eventType' },
    },
  ],
];

describe('safeParse', () => {
  it.each(notificationCases)('%s', (_, { given, options, want }) => {
    expectOutcome(safeParse(given, options), want);
  });
});

describe('safeParse across notification versions (a test catalogue with a notification v2)', () => {
  let versioned: Awaited<ReturnType<typeof versionedNotification>>;
  beforeAll(async () => {
    versioned = await versionedNotification();
  });
  afterAll(() => versioned.remove());
  const v1 = versionedV1();
  const v2 = versionedV2();

  const cases: Array<[string, { given: unknown; options?: ParseOptions; want: Want }]> = [
    ['a latest-version message as text', { given: JSON.stringify(v2), want: { version: 2 } }],
    ['a latest-version message as a value', { given: v2, want: { version: 2 } }],
    ['a version 1 message is upcast to the latest', { given: v1, want: { version: 2, upgradedFrom: 1 } }],
    ['a message without a version is read as version 1', { given: changed(v1, { version: undefined }), want: { version: 2, upgradedFrom: 1 } }],
    ['a message with version null is read as version 1', { given: changed(v1, { version: null }), want: { version: 2, upgradedFrom: 1 } }],
    ['to: 1 stops the upcast at version 1', { given: v1, options: { to: 1 }, want: { version: 1 } }],
    ["to: 'latest' is the default", { given: v1, options: { to: 'latest' }, want: { version: 2, upgradedFrom: 1 } }],
    ['a document newer than to', { given: v2, options: { to: 1 }, want: { code: 'version_too_new', issue: 'version_too_new', path: '/version' } }],
    [
      'an unknown version',
      {
        given: changed(v2, { version: 3 }),
        want: { code: 'unknown_version', issue: 'unknown_version', path: '/version', message: /versions 1 to 2.*acceptNewer/ },
      },
    ],
    [
      "version 2 data labelled version 1 gets a hint, with unknownProperties: 'reject'",
      {
        given: changed(v2, { version: 1 }),
        options: { unknownProperties: 'reject' },
        want: { code: 'invalid_event', issue: 'version_mismatch', path: '/version', message: /valid at version 2/ },
      },
    ],
    [
      'version 2 data labelled version 1 is read tolerantly as version 1, with a warning for each property version 1 does not name',
      {
        given: changed(v2, { version: 1 }),
        want: {
          version: 2,
          upgradedFrom: 1,
          warnings: [
            'unknown_property /additionalInformation/cancelledAtDate',
            'unknown_property /additionalInformation/cancellationRecordedAt',
            'unknown_property /additionalInformation/recordedBy',
          ],
        },
      },
    ],
    [
      'a version that disagrees with options.version',
      { given: v2, options: { version: 1 }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } },
    ],
    ['options.version for a message that carries none', { given: changed(v2, { version: undefined }), options: { version: 2 }, want: { version: 2 } }],
    ['to beyond the latest version', { given: v2, options: { to: 3 }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } }],
  ];

  it.each(cases)('%s', (_, { given, options, want }) => {
    expectOutcome(versioned.eventType.safeParse(given, options as ParseOptions<'latest'>), want);
  });

  it('v1 → v2 derives the date in Europe/London and the time recorded', () => {
    const data = v1.additionalInformation as Record<string, unknown>;
    const result = versioned.eventType.safeParse(
      changed(v1, { occurredAt: '2024-10-26T23:55:00Z', additionalInformation: changed(data, { cancelledAt: '2024-10-26T23:30:00Z' }) }),
    );
    if (!result.success) throw result.error;
    expect(result.event.additionalInformation).toMatchObject({
      cancelledAtDate: '2024-10-27',
      cancellationRecordedAt: '2024-10-26T23:55:00Z',
      cancelledAt: '2024-10-26T23:30:00Z',
    });
  });

  it('takes a value from the caller, or its default', () => {
    const staff = { staffCode: 'N54B123', forenames: 'Ann', surname: 'Jones' };
    const [given, fallback] = [versioned.eventType.parse(v1, { context: { recordedBy: staff } }), versioned.eventType.parse(v1)];
    expect([given.additionalInformation.recordedBy, fallback.additionalInformation.recordedBy]).toEqual([staff, UNKNOWN_STAFF]);
  });

  it('a bad context value fails the step it broke, naming it, with paths into the data', () => {
    const result = versioned.eventType.safeParse(v1, { context: { recordedBy: { staffCode: 'N54B123' } } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('upcast_failed');
    expect(result.error.step).toEqual({ eventType: 'test.booking.cancelled', from: 1, to: 2 });
    expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([
      ['required', '/additionalInformation/recordedBy/forenames'],
      ['required', '/additionalInformation/recordedBy/surname'],
    ]);
    expect(result.error.message).toMatch(/^upcasting test\.booking\.cancelled from v1 to v2: /);
    // What was learned is the document's version, not the one it was being upcast to.
    expect([result.format, result.eventType, result.version]).toEqual(['hmpps', 'test.booking.cancelled', 1]);
  });

  it('a failed step over a transport reports paths in the message it was given', () => {
    const sqs = { Type: 'Notification', MessageId: 'm-1', Message: JSON.stringify(v1), Timestamp: '2024-06-13T17:52:27Z' };
    const result = versioned.eventType.safeParse(sqs, { context: { recordedBy: { staffCode: 'N54B123' } } });
    expect(result.success ? 'valid' : result.error.issues.map((i) => i.path)).toEqual([
      '/Message/additionalInformation/recordedBy/forenames',
      '/Message/additionalInformation/recordedBy/surname',
    ]);
  });

  it('unknown envelope fields survive an upcast', () => {
    const result = versioned.eventType.safeParse(changed(v1, { 'x-extra': { kept: true } }));
    if (!result.success) throw result.error;
    expect(result.upgradedFrom).toBe(1);
    expect((result.event as unknown as Record<string, unknown>)['x-extra']).toEqual({ kept: true });
  });

  it('acceptNewer reads a newer version as the latest where it is valid there', () => {
    const result = versioned.eventType.safeParse(changed(v2, { version: 3 }), { acceptNewer: true });
    if (!result.success) throw result.error;
    expect({ version: result.event.version, readAs: result.readAs }).toEqual({ version: 2, readAs: { receivedVersion: 3 } });
  });

  it('acceptNewer still rejects data that is not valid at the latest version', () => {
    const data = v2.additionalInformation as Record<string, unknown>;
    const [wrongType, newField] = [
      versioned.eventType.safeParse(changed(v2, { version: 3, additionalInformation: changed(data, { cancelledAtDate: '2024-07-01T00:00:00Z' }) }), {
        acceptNewer: true,
      }),
      versioned.eventType.safeParse(changed(v2, { version: 3, additionalInformation: changed(data, { newField: 1 }) }), {
        acceptNewer: true,
        unknownProperties: 'reject',
      }),
    ];
    expect([wrongType, newField].map((r) => (r.success ? 'valid' : r.error.issues.map((i) => `${i.code} ${i.path}`)))).toEqual([
      ['invalid_format /additionalInformation/cancelledAtDate'],
      ['unknown_property /additionalInformation/newField'],
    ]);
  });

  it('acceptNewer keeps, with a warning, a field the newer version added', () => {
    const result = versioned.eventType.safeParse(
      changed(v2, { version: 3, additionalInformation: changed(v2.additionalInformation as Record<string, unknown>, { newField: 1 }) }),
      { acceptNewer: true },
    );
    if (!result.success) throw result.error;
    expect({
      readAs: result.readAs,
      newField: (result.event.additionalInformation as unknown as Record<string, unknown>).newField,
      warnings: result.warnings?.map((w) => `${w.code} ${w.path}`),
    }).toEqual({ readAs: { receivedVersion: 3 }, newField: 1, warnings: ['unknown_property /additionalInformation/newField'] });
  });
});

const detailCases: Array<[string, { given: unknown; options?: DetailParseOptions; want: Want }]> = [
  ['a latest-version document as text', { given: exampleText(CANCELLED, 'detail.v2.cancelled.valid.json'), options: { version: 2 }, want: { version: 2 } }],
  ['a latest-version document as a value', { given: detailV2, options: { version: 2 }, want: { version: 2 } }],
  [
    'a document with its stored version from the caller is upcast to the latest',
    { given: detailV1, options: { version: 1 }, want: { version: 2, upgradedFrom: 1 } },
  ],
  ['a document without a version is read as version 1', { given: detailV1, want: { version: 2, upgradedFrom: 1 } }],
  [
    'a stored version of null (a NULL schema_version) is read as version 1',
    { given: detailV1, options: { version: null }, want: { version: 2, upgradedFrom: 1 } },
  ],
  ['to: 1 stops the upcast at version 1', { given: detailV1, options: { version: 1, to: 1 }, want: { version: 1 } }],
  ["to: 'latest' is the default", { given: detailV1, options: { version: 1, to: 'latest' }, want: { version: 2, upgradedFrom: 1 } }],
  ['a document newer than to', { given: detailV2, options: { version: 2, to: 1 }, want: { code: 'version_too_new', issue: 'version_too_new', path: '' } }],
  [
    'an unknown version',
    { given: detailV2, options: { version: 3 }, want: { code: 'unknown_version', issue: 'unknown_version', path: '', message: /versions 1 to 2/ } },
  ],
  ['version 0', { given: detailV2, options: { version: 0 }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } }],
  ['to beyond the latest version', { given: detailV2, options: { version: 2, to: 3 }, want: { code: 'invalid_option', issue: 'invalid_option', path: '' } }],
  [
    'a document reports paths in the document',
    {
      given: changed(detailV1, { eventDetails: changed(detailsV1, { bookingId: 'x' }) }),
      options: { version: 1 },
      want: { code: 'invalid_event', issue: 'invalid_format', path: '/eventDetails/bookingId' },
    },
  ],
  [
    'an unknown details field is kept, with a warning',
    {
      given: changed(detailV2, { eventDetails: changed(details(detailV2), { extra: 1 }) }),
      options: { version: 2 },
      want: { version: 2, warnings: ['unknown_property /eventDetails/extra'] },
    },
  ],
  [
    "an unknown details field, with unknownProperties: 'reject'",
    {
      given: changed(detailV2, { eventDetails: changed(details(detailV2), { extra: 1 }) }),
      options: { version: 2, unknownProperties: 'reject' },
      want: { code: 'invalid_event', issue: 'unknown_property', path: '/eventDetails/extra' },
    },
  ],
  [
    'a missing details field',
    {
      given: changed(detailV1, { eventDetails: changed(detailsV1, { cancellationReason: undefined }) }),
      options: { version: 1 },
      want: { code: 'invalid_event', issue: 'required', path: '/eventDetails/cancellationReason' },
    },
  ],
  [
    'a document field of the wrong shape',
    {
      given: changed(detailV1, { timestamp: '2024-03-01T15:47:22' }),
      options: { version: 1 },
      want: { code: 'invalid_event', issue: 'invalid_format', path: '/timestamp' },
    },
  ],
  [
    'an event type with a notification contract only',
    {
      given: changed(detailV1, { eventType: 'intervention.referral.sent' }),
      want: { code: 'unknown_event_type', issue: 'unknown_event_type', path: '/eventType' },
    },
  ],
  [
    'an event type with a trailing space',
    {
      given: changed(detailV1, { eventType: `${CANCELLED} ` }),
      want: { code: 'unknown_event_type', issue: 'unknown_event_type', path: '/eventType', message: /white space/ },
    },
  ],
  ['no eventType', { given: changed(detailV1, { eventType: undefined }), want: { code: 'invalid_event', issue: 'required', path: '/eventType' } }],
  ['not an object', { given: '[1,2]', want: { code: 'invalid_input', issue: 'invalid_input', path: '' } }],
  ['text that is not JSON', { given: '{"eventType":', want: { code: 'invalid_json', issue: 'invalid_json', path: '' } }],
  [
    'a different event type than expected',
    {
      given: detailV1,
      options: { eventType: 'approved-premises.person.arrived' },
      want: { code: 'event_type_mismatch', issue: 'event_type_mismatch', path: '/eventType' },
    },
  ],
];

describe('safeParseDetail', () => {
  it.each(detailCases)('%s', (_, { given, options, want }) => {
    expectOutcome(safeParseDetail(given, options), want);
  });
});

describe('upcasting detail documents while reading', () => {
  it('booking.cancelled v1 → v2 derives the date in Europe/London and the time recorded (the document timestamp)', () => {
    const result = safeParseDetail(
      changed(detailV1, { timestamp: '2024-10-26T23:55:00Z', eventDetails: changed(detailsV1, { cancelledAt: '2024-10-26T23:30:00Z' }) }),
      { version: 1 },
    );
    if (!result.success) throw result.error;
    expect(result.detail.eventType === CANCELLED && result.detail.eventDetails).toMatchObject({
      cancelledAtDate: '2024-10-27',
      cancellationRecordedAt: '2024-10-26T23:55:00Z',
      cancelledAt: '2024-10-26T23:30:00Z',
    });
  });

  const arrived = example('approved-premises.person.arrived', 'detail.v1.arrived-2023.valid.json');
  const staff = { staffCode: 'N54B123', forenames: 'Ann', surname: 'Jones', username: 'AnnJonesNPS' };
  const unknownStaff = { staffCode: 'unknown', forenames: 'unknown', surname: 'unknown', username: 'unknown' };

  it('person.arrived takes recordedBy from the caller', () => {
    const document = cas1PersonArrived.parseDetail(arrived, { version: 1, context: { recordedBy: staff } });
    expect(document.eventDetails.recordedBy).toEqual(staff);
  });

  it('person.arrived falls back to "unknown" for every field', () => {
    const document = cas1PersonArrived.parseDetail(arrived, { version: 1 });
    expect(document.eventDetails.recordedBy).toEqual(unknownStaff);
  });

  it('a bad context value fails the step it broke, naming it, with paths in the document it was given', () => {
    const result = cas1PersonArrived.safeParseDetail(arrived, { version: 1, context: { recordedBy: { staffCode: 'N54B123' } } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('upcast_failed');
    expect(result.error.step).toEqual({ eventType: 'approved-premises.person.arrived', from: 1, to: 2 });
    expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([
      ['required', '/eventDetails/recordedBy/forenames'],
      ['required', '/eventDetails/recordedBy/surname'],
      ['required', '/eventDetails/recordedBy/username'],
    ]);
    expect(result.error.message).toMatch(/^upcasting approved-premises\.person\.arrived from v1 to v2: /);
    expect([result.eventType, result.version]).toEqual(['approved-premises.person.arrived', 1]);
  });

  it('the typed person.departed upcaster behaves as the declarative person.arrived one', () => {
    const departed = example('approved-premises.person.departed', 'detail.v1.departed-2023.valid.json');
    const withStaff = safeParseDetail(departed, { version: 1, context: { recordedBy: staff } });
    const without = safeParseDetail(departed, { version: 1 });
    if (!withStaff.success || !without.success) throw new Error('expected both to parse');
    expect([withStaff.detail.eventDetails, without.detail.eventDetails].map((d) => (d as { recordedBy: unknown }).recordedBy)).toEqual([staff, unknownStaff]);
  });

  it('request-for-placement v1 → v2 changes meaning only: the details are carried over', () => {
    const rfp = example('approved-premises.request-for-placement.created', 'detail.v1.initial.valid.json');
    const result = safeParseDetail(rfp, { version: 1 });
    if (!result.success) throw result.error;
    expect({ version: result.version, upgradedFrom: result.upgradedFrom, details: result.detail.eventDetails }).toEqual({
      version: 2,
      upgradedFrom: 1,
      details: rfp.eventDetails,
    });
  });

  it('unknown document fields survive an upcast', () => {
    const result = safeParseDetail(changed(detailV1, { 'x-extra': { kept: true } }), { version: 1 });
    if (!result.success) throw result.error;
    expect(result.upgradedFrom).toBe(1);
    expect((result.detail as unknown as Record<string, unknown>)['x-extra']).toEqual({ kept: true });
  });
});

describe('additionalInformation is an object, whatever the data schema allows', () => {
  // The test contract's data schema takes a string or an object.
  const refused = (issues: readonly { code: string; path: string; expected?: string | undefined }[]) => issues.map((i) => `${i.code} ${i.path} ${i.expected}`);

  it.each([
    ['a string, which the data schema allows', 'text'],
    ['a number', 1],
    ['an array', ['text']],
    ['null', null],
  ])('%s is refused by safeParse', (_, data) => {
    const result = looseData.safeParse(looseNotification(data));
    expect(result.success || refused(result.error.issues)).toEqual(['invalid_type /additionalInformation object']);
  });

  it('an object is read', () => {
    expect(looseData.safeParse(looseNotification({ any: 'thing' })).success).toBe(true);
  });

  it('build refuses a string too', () => {
    expect(() => looseData.build({ additionalInformation: 'text' })).toThrow(ContractError);
  });
});

describe('parse', () => {
  it('returns the event', () => {
    expect(parse(notification).version).toBe(1);
  });
  it('throws the ContractError safeParse would return', () => {
    const bad = changed(notification, { eventType: 'nope.nope.nope' });
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

describe('parseDetail', () => {
  it('returns the document', () => {
    expect(parseDetail(detailV2, { version: 2 })).toEqual(detailV2);
  });
  it('throws the ContractError safeParseDetail would return', () => {
    const bad = changed(detailV1, { eventDetails: changed(detailsV1, { bookingId: 'x' }) });
    const safe = safeParseDetail(bad, { version: 1 });
    expect(() => parseDetail(bad, { version: 1 })).toThrow(ContractError);
    try {
      parseDetail(bad, { version: 1 });
    } catch (error) {
      expect((error as ContractError).toJSON()).toEqual(safe.success ? undefined : safe.error.toJSON());
    }
  });
  it('an event type object reads only its own type', () => {
    const other = example('approved-premises.person.arrived', 'detail.v1.arrived-2023.valid.json');
    const result = cas1BookingCancelled.safeParseDetail(other, { version: 1 });
    expect(result.success ? 'valid' : [result.error.code, result.error.issues[0]?.path]).toEqual(['event_type_mismatch', '/eventType']);
  });
});
