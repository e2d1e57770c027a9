/**
 * What a failed read says it learned before it failed: the format, the event
 * type and the version, each present only once it was learned, so a caller
 * never reads the input again to label what went wrong.
 */
import { describe, expect, it } from 'vitest';
import {
  cas1BookingCancelled,
  type DetailParseOptions,
  type DetailParseResult,
  type EnvelopeLike,
  type ParseOptions,
  type ParseResult,
  safeParse,
  safeParseDetail,
  serialize,
  toSqsNotification,
} from '../../src/index.js';
import { changed, example } from '../support/examples.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const notification = example(CANCELLED, 'notification.v1.booking-cancelled.valid.json');
const invalid = changed(notification, { additionalInformation: changed(notification.additionalInformation as Record<string, unknown>, { bookingId: 'x' }) });
const detailV1 = example(CANCELLED, 'detail.v1.cancelled.valid.json');

/** Nested deeper than the default limit of 64 levels. */
const deep = (levels: number): Record<string, unknown> => {
  const root: Record<string, unknown> = {};
  let at = root;
  for (let i = 0; i < levels; i++) {
    const next: Record<string, unknown> = {};
    at.a = next;
    at = next;
  }
  return root;
};

type Learned = { code: string; format?: string; eventType?: string; version?: number };

/** The error's code and what the failure learned, as the result holds them: a field not learned is absent, not undefined. */
function learnedOf(result: ParseResult<unknown> | DetailParseResult<unknown>): Learned {
  if (result.success) throw new Error('expected a failure');
  const { success: _, error, ...learned } = result;
  return { code: error.code, ...learned };
}

const notificationCases: Array<[string, { given: unknown; options?: ParseOptions; want: Learned }]> = [
  ['options that are not usable: nothing', { given: notification, options: { format: 'xml' as 'hmpps' }, want: { code: 'invalid_option' } }],
  ['text that is not JSON: nothing', { given: '{"eventType": "approved-premises', want: { code: 'invalid_json' } }],
  ['JSON text with a duplicate key: nothing', { given: JSON.stringify(notification).replace('{', '{"description":"x",'), want: { code: 'invalid_json' } }],
  ['JSON text nested too deep: nothing', { given: JSON.stringify(changed(notification, { extra: deep(70) })), want: { code: 'input_too_deep' } }],
  [
    'an SQS body whose Message is not JSON: the format',
    {
      given: { Type: 'Notification', Message: '{', MessageAttributes: { eventType: { Type: 'String', Value: CANCELLED } } },
      want: { code: 'invalid_json', format: 'sqs' },
    },
  ],
  ['a value that is not an object: the format auto fell back to', { given: [1, 2], want: { code: 'invalid_input', format: 'hmpps' } }],
  ['no event type: the format', { given: changed(notification, { eventType: undefined }), want: { code: 'invalid_event', format: 'hmpps' } }],
  ['an event type that is not a string: the format', { given: changed(notification, { eventType: 42 }), want: { code: 'invalid_event', format: 'hmpps' } }],
  [
    'an unknown event type: the format, the type and the version',
    {
      given: changed(notification, { eventType: 'approved-premises.booking.teleported' }),
      want: { code: 'unknown_event_type', format: 'hmpps', eventType: 'approved-premises.booking.teleported', version: 1 },
    },
  ],
  [
    'an event type with white space around it: the type as written',
    {
      given: changed(notification, { eventType: ` ${CANCELLED}` }),
      want: { code: 'unknown_event_type', format: 'hmpps', eventType: ` ${CANCELLED}`, version: 1 },
    },
  ],
  [
    'not the event type expected: the type the document names',
    {
      given: notification,
      options: { eventType: 'intervention.referral.sent' },
      want: { code: 'event_type_mismatch', format: 'hmpps', eventType: CANCELLED, version: 1 },
    },
  ],
  [
    'a detail document read as a notification: what it names',
    { given: detailV1, options: { format: 'hmpps' }, want: { code: 'invalid_input', format: 'hmpps', eventType: CANCELLED, version: 1 } },
  ],
  [
    'a version that is not a whole number: the type, not the version',
    { given: changed(notification, { version: '1' }), want: { code: 'invalid_event', format: 'hmpps', eventType: CANCELLED } },
  ],
  [
    'a version the package does not know: that version',
    { given: changed(notification, { version: 7 }), want: { code: 'unknown_version', format: 'hmpps', eventType: CANCELLED, version: 7 } },
  ],
  [
    'a version options.version contradicts: the document’s own',
    { given: notification, options: { version: 2 }, want: { code: 'invalid_option', format: 'hmpps', eventType: CANCELLED, version: 1 } },
  ],
  [
    'no version: options.version',
    {
      given: changed(notification, { version: undefined }),
      options: { version: 2 },
      want: { code: 'unknown_version', format: 'hmpps', eventType: CANCELLED, version: 2 },
    },
  ],
  [
    'version null and invalid data: version 1, as null is read',
    { given: changed(invalid, { version: null }), want: { code: 'invalid_event', format: 'hmpps', eventType: CANCELLED, version: 1 } },
  ],
  [
    'invalid data: the format, the type and the version',
    { given: invalid, want: { code: 'invalid_event', format: 'hmpps', eventType: CANCELLED, version: 1 } },
  ],
  ['invalid data as JSON text', { given: JSON.stringify(invalid), want: { code: 'invalid_event', format: 'hmpps', eventType: CANCELLED, version: 1 } }],
  [
    'invalid data in an SQS body',
    {
      given: toSqsNotification(invalid as unknown as EnvelopeLike),
      want: { code: 'invalid_event', format: 'sqs', eventType: CANCELLED, version: 1 },
    },
  ],
  [
    'invalid data in a structured CloudEvent',
    {
      given: serialize(invalid as unknown as EnvelopeLike, 'cloudevents'),
      want: { code: 'invalid_event', format: 'cloudevents', eventType: CANCELLED, version: 1 },
    },
  ],
  [
    'a value nested too deep in a field the contract does not name: all of it',
    { given: changed(notification, { extra: deep(70) }), want: { code: 'input_too_deep', format: 'hmpps', eventType: CANCELLED, version: 1 } },
  ],
];

describe('a failed safeParse says what it learned', () => {
  it.each(notificationCases)('%s', (_, { given, options, want }) => {
    expect(learnedOf(safeParse(given, options))).toStrictEqual(want);
  });

  it('an event type object learns the same of a document of another type', () => {
    const other = changed(invalid, { eventType: 'intervention.referral.sent' });
    expect(learnedOf(cas1BookingCancelled.safeParse(other))).toStrictEqual({
      code: 'event_type_mismatch',
      format: 'hmpps',
      eventType: 'intervention.referral.sent',
      version: 1,
    });
    expect(learnedOf(cas1BookingCancelled.safeParseDetail(changed(detailV1, { eventDetails: {} })))).toStrictEqual({
      code: 'invalid_event',
      eventType: CANCELLED,
      version: 1,
    });
  });

  it('a success carries none of it', () => {
    expect(Object.keys(safeParse(notification))).toEqual(['success', 'event']);
  });
});

const detailCases: Array<[string, { given: unknown; options?: DetailParseOptions; want: Learned }]> = [
  ['options that are not usable: nothing', { given: detailV1, options: { version: 0 }, want: { code: 'invalid_option' } }],
  ['text that is not JSON: nothing', { given: '{"eventType":', want: { code: 'invalid_json' } }],
  ['a value that is not an object: nothing', { given: [1, 2], want: { code: 'invalid_input' } }],
  ['no event type: nothing', { given: changed(detailV1, { eventType: undefined }), want: { code: 'invalid_event' } }],
  [
    'an unknown event type: the type and the stored version',
    {
      given: changed(detailV1, { eventType: 'approved-premises.booking.teleported' }),
      want: { code: 'unknown_event_type', eventType: 'approved-premises.booking.teleported', version: 1 },
    },
  ],
  [
    'not the event type expected: the type the document names',
    { given: detailV1, options: { eventType: 'approved-premises.person.arrived' }, want: { code: 'event_type_mismatch', eventType: CANCELLED, version: 1 } },
  ],
  ['a notification read as a detail document: what it names', { given: notification, want: { code: 'invalid_input', eventType: CANCELLED, version: 1 } }],
  [
    'a stored version the package does not know: that version',
    { given: detailV1, options: { version: 3 }, want: { code: 'unknown_version', eventType: CANCELLED, version: 3 } },
  ],
  [
    'details invalid at their stored version: that version, not the latest',
    { given: detailV1, options: { version: 2 }, want: { code: 'invalid_event', eventType: CANCELLED, version: 2 } },
  ],
  [
    'a stored version of null: version 1',
    { given: changed(detailV1, { eventDetails: {} }), options: { version: null }, want: { code: 'invalid_event', eventType: CANCELLED, version: 1 } },
  ],
  [
    'a version property in the document is not the stored version',
    { given: changed(detailV1, { version: 3, eventDetails: {} }), want: { code: 'invalid_event', eventType: CANCELLED, version: 1 } },
  ],
];

describe('a failed safeParseDetail says what it learned', () => {
  it.each(detailCases)('%s', (_, { given, options, want }) => {
    expect(learnedOf(safeParseDetail(given, options))).toStrictEqual(want);
  });

  it('a success carries none of it', () => {
    expect(Object.keys(safeParseDetail(detailV1))).toEqual(['success', 'detail', 'version', 'upgradedFrom']);
  });
});
