/**
 * Detail documents: `buildDetail` (strict, for the producer that stores and
 * serves them) and `safeParseDetail` / `parseDetail` (for the consumer that
 * fetched one, or a job reading stored rows), with the stored version beside
 * the document: `null` and absent mean 1, as a NULL `schema_version` does.
 */
import { describe, expect, it } from 'vitest';
import {
  buildDetail,
  ContractError,
  cas1BookingCancelled,
  cas1PersonArrived,
  type DetailParseResult,
  parseDetail,
  safeParse,
  safeParseDetail,
} from '../../src/index.js';
import { example, exampleText } from '../support/examples.js';
import { looseData, looseDetail } from '../support/loose-data.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const v1 = example(CANCELLED, 'detail.v1.cancelled.valid.json');
const v2 = example(CANCELLED, 'detail.v2.cancelled.valid.json');
const arrivedV1 = example('approved-premises.person.arrived', 'detail.v1.arrived-2023.valid.json');

/** What a caller sees of a read: the versions, or the error's code and first issue. */
function verdict(result: DetailParseResult<unknown>) {
  return result.success
    ? { success: true, version: result.version, upgradedFrom: result.upgradedFrom }
    : { success: false, code: result.error.code, issue: result.error.issues[0]?.code, path: result.error.issues[0]?.path };
}

describe('safeParseDetail', () => {
  it.each<[string, { given: unknown; options?: Parameters<typeof safeParseDetail>[1]; want: object }]>([
    ['a latest-version document, as stored', { given: v2, options: { version: 2 }, want: { success: true, version: 2, upgradedFrom: undefined } }],
    ['its JSON text', { given: JSON.stringify(v2), options: { version: 2 }, want: { success: true, version: 2, upgradedFrom: undefined } }],
    ['a version 1 row (schema_version NULL)', { given: v1, options: { version: null }, want: { success: true, version: 2, upgradedFrom: 1 } }],
    ['a version 1 row with no version given', { given: v1, want: { success: true, version: 2, upgradedFrom: 1 } }],
    ['a version 1 row kept at version 1', { given: v1, options: { to: 1 }, want: { success: true, version: 1, upgradedFrom: undefined } }],
    [
      'a version 2 document said to be version 1, read strictly',
      { given: v2, options: { version: 1, unknownProperties: 'reject' }, want: { success: false, code: 'invalid_event', issue: 'unknown_property' } },
    ],
    [
      'a version 2 document said to be version 1, read tolerantly',
      { given: v2, options: { version: 1 }, want: { success: true, version: 2, upgradedFrom: 1 } },
    ],
    [
      'a version this package does not know',
      { given: v2, options: { version: 3 }, want: { success: false, code: 'unknown_version', issue: 'unknown_version', path: '' } },
    ],
    [
      'a version newer than asked for',
      { given: v2, options: { version: 2, to: 1 }, want: { success: false, code: 'version_too_new', issue: 'version_too_new', path: '' } },
    ],
    [
      'a document of another type than expected',
      {
        given: v2,
        options: { version: 2, eventType: 'approved-premises.person.arrived' },
        want: { success: false, code: 'event_type_mismatch', path: '/eventType' },
      },
    ],
    [
      'an unknown event type',
      { given: { ...v2, eventType: 'approved-premises.booking.vanished' }, want: { success: false, code: 'unknown_event_type', path: '/eventType' } },
    ],
    [
      'a type that serves no detail documents',
      { given: { ...v2, eventType: 'intervention.referral.sent' }, want: { success: false, code: 'unknown_event_type', path: '/eventType' } },
    ],
    ['no eventType', { given: { ...v2, eventType: undefined }, want: { success: false, code: 'invalid_event', issue: 'required', path: '/eventType' } }],
    [
      'no id',
      {
        given: JSON.stringify({ ...v2, id: undefined }),
        options: { version: 2 },
        want: { success: false, code: 'invalid_event', issue: 'required', path: '/id' },
      },
    ],
    [
      'a timestamp without an offset',
      {
        given: { ...v2, timestamp: '2024-03-01T15:47:22' },
        options: { version: 2 },
        want: { success: false, code: 'invalid_event', issue: 'invalid_format', path: '/timestamp' },
      },
    ],
    ['not an object', { given: [v2], want: { success: false, code: 'invalid_input', path: '' } }],
    [
      'a notification, given to the detail reader',
      {
        given: { eventType: CANCELLED, version: 1, occurredAt: '2024-03-01T15:47:22Z', additionalInformation: {} },
        want: { success: false, code: 'invalid_input', path: '' },
      },
    ],
    ['not JSON', { given: '{"id": ', want: { success: false, code: 'invalid_json' } }],
    ['a key twice', { given: '{"id": "a", "id": "b"}', want: { success: false, code: 'invalid_json' } }],
    ['a bad version option', { given: v2, options: { version: 0 }, want: { success: false, code: 'invalid_option' } }],
  ])('%s', (_, { given, options, want }) => {
    expect(verdict(safeParseDetail(given, options))).toMatchObject(want);
  });

  it('upcasts version 1 as the producer migrates it: the effective date in Europe/London, recorded when the event happened', () => {
    const result = cas1BookingCancelled.safeParseDetail(v1);
    if (!result.success) throw result.error;
    expect(result.detail.eventDetails).toMatchObject({ cancelledAtDate: '2024-03-04', cancellationRecordedAt: v1.timestamp });
    expect(result.detail.id).toBe(v1.id);
    // The stored document is not changed.
    expect(v1.eventDetails).not.toHaveProperty('cancelledAtDate');
  });

  it('takes upcast values from the caller, and falls back to "unknown"', () => {
    const recordedBy = { staffCode: 'N54B221', forenames: 'Priya', surname: 'Okafor', username: 'PriyaOkaforNPS' };
    const withContext = cas1PersonArrived.safeParseDetail(arrivedV1, { version: null, context: { recordedBy } });
    const without = cas1PersonArrived.safeParseDetail(arrivedV1);
    expect(withContext.success && withContext.detail.eventDetails.recordedBy).toEqual(recordedBy);
    expect(without.success && without.detail.eventDetails.recordedBy).toMatchObject({ staffCode: 'unknown', surname: 'unknown' });
  });

  it('a v2 document said to be v1 keeps what the producer wrote over what the upcast would fill in', () => {
    const result = safeParseDetail(v2, { version: 1 });
    expect(result.success && result.detail.eventDetails).toEqual(v2.eventDetails);
    expect(result.success && result.warnings?.map((w) => w.path).sort()).toEqual([
      '/eventDetails/appealChangeRequestId',
      '/eventDetails/cancellationRecordedAt',
      '/eventDetails/cancelledAtDate',
    ]);
  });

  it('keeps properties of the document it does not describe', () => {
    const result = safeParseDetail({ ...v1, storedBy: 'migration-job' });
    expect(result.success && (result.detail as unknown as Record<string, unknown>).storedBy).toBe('migration-job');
  });

  it('reads every valid detail example of the catalogue at its version, and refuses every invalid one', async () => {
    const { repoCatalogue } = await import('../support/repo.js');
    const verdicts = repoCatalogue().events.flatMap((event) =>
      (event.detail?.versions ?? []).flatMap((v) =>
        v.examples.map((e) => [e.file, e.expect, safeParseDetail(e.json, { version: v.version, to: v.version, unknownProperties: 'reject' }).success] as const),
      ),
    );
    expect(verdicts.length).toBeGreaterThan(100);
    expect(verdicts.filter(([, expect, ok]) => (expect === 'valid') !== ok)).toEqual([]);
  });

  it('says why a type with only the other contract is not found', () => {
    const notified = safeParse({ eventType: 'approved-premises.request-for-placement.created', occurredAt: '2024-03-01T15:47:22Z', additionalInformation: {} });
    const detailed = safeParseDetail({ ...v2, eventType: 'intervention.referral.sent' });
    expect(notified.success || notified.error.message).toMatch(/never published as a notification.*safeParseDetail/u);
    expect(detailed.success || detailed.error.message).toMatch(/serves no detail documents/u);
  });

  it('says which reader a document of the other kind needs', () => {
    const asNotification = safeParse(v2);
    const asDetail = safeParseDetail(example(CANCELLED, 'notification.v1.booking-cancelled.valid.json'));
    expect(asNotification.success || asNotification.error.message).toMatch(/detail document .* safeParseDetail/u);
    expect(asDetail.success || asDetail.error.message).toMatch(/notification .* safeParse, then fetchDetail/u);
  });

  it('parseDetail throws the same error', () => {
    expect(parseDetail(v2, { version: 2 })).toEqual(v2);
    expect(() => parseDetail(v2, { version: 1, unknownProperties: 'reject' })).toThrow(ContractError);
    expect(() => cas1BookingCancelled.parseDetail(exampleText(CANCELLED, 'detail.v2.missing-cancelled-at-date.invalid.json'), { version: 2 })).toThrow(
      /cancelledAtDate/u,
    );
  });
});

describe('eventDetails is an object, whatever the data schema allows', () => {
  // The test contract's data schema takes a string or an object.
  it.each([
    ['a string, which the data schema allows', 'text'],
    ['an array', ['text']],
    ['null', null],
  ])('%s is refused by safeParseDetail', (_, data) => {
    expect(verdict(looseData.safeParseDetail(looseDetail(data)))).toEqual({
      success: false,
      code: 'invalid_event',
      issue: 'invalid_type',
      path: '/eventDetails',
    });
  });

  it('an object is read, and buildDetail refuses a string', () => {
    expect(verdict(looseData.safeParseDetail(looseDetail({ any: 'thing' })))).toEqual({ success: true, version: 1, upgradedFrom: undefined });
    expect(() => looseData.buildDetail('text')).toThrow(ContractError);
  });
});

describe('buildDetail', () => {
  const details = v2.eventDetails as Parameters<typeof cas1BookingCancelled.buildDetail>[0];
  const fixed = { now: () => new Date('2024-03-01T15:47:22.306Z'), randomUUID: () => '0b0e2a64-8f55-4c36-9d0f-4f7a1d5c9b11' };

  it('writes a latest-version document with an id and a timestamp', () => {
    expect(buildDetail(CANCELLED, details, fixed)).toEqual({
      id: '0b0e2a64-8f55-4c36-9d0f-4f7a1d5c9b11',
      timestamp: '2024-03-01T15:47:22.306Z',
      eventType: CANCELLED,
      eventDetails: details,
    });
    expect(cas1BookingCancelled.buildDetail(details, { id: v2.id as string, timestamp: v2.timestamp as string })).toEqual(v2);
  });

  it('what it builds reads back the same', () => {
    const document = buildDetail(CANCELLED, details);
    expect(safeParseDetail(JSON.stringify(document), { version: 2 })).toEqual({ success: true, detail: document, version: 2 });
  });

  it.each<[string, unknown, string]>([
    ['a missing required field', { ...details, cancelledAtDate: undefined }, '/eventDetails/cancelledAtDate'],
    ['a property the contract does not name', { ...details, extra: true }, '/eventDetails/extra'],
    ['a date-time without an offset', { ...details, cancellationRecordedAt: '2024-03-01T15:47:22' }, '/eventDetails/cancellationRecordedAt'],
  ])('refuses %s', (_, given, path) => {
    const built = () => buildDetail(CANCELLED, JSON.parse(JSON.stringify(given)) as never);
    expect(built).toThrow(ContractError);
    try {
      built();
    } catch (error) {
      expect((error as ContractError).issues.map((i) => i.path)).toContain(path);
    }
  });

  it('refuses a type that serves no detail documents', () => {
    expect(() => buildDetail('intervention.referral.sent' as never, {} as never)).toThrow(ContractError);
  });
});
