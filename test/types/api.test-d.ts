/**
 * The public API's types: builders take the latest data type of their
 * contract, parsers narrow by event type, and `to: N` gives version N's type.
 * Every notification contract is at version 1; version histories are in the
 * detail contracts.
 */
import { describe, expectTypeOf, test } from 'vitest';
import {
  build,
  buildDetail,
  type Cas1BookingCancelledDetail,
  type Cas1BookingCancelledDetailDocument,
  type Cas1BookingCancelledDetailDocumentV1,
  type Cas1BookingCancelledDetailV2,
  type Cas1BookingCancelledEnvelope,
  type Cas1BookingCancelledEnvelopeV1,
  type Cas1BookingCancelledNotificationV1,
  type Cas1BookingChangedDetail,
  type Cas1BookingChangedNotification,
  cas1ApplicationExpired,
  cas1BookingCancelled,
  type DetailParseFailure,
  type DomainEvent,
  type FormatName,
  type ParseFailure,
  registry,
  safeParse,
  safeParseDetail,
} from '../../src/index.js';

declare const data: Cas1BookingCancelledNotificationV1;
declare const details: Cas1BookingCancelledDetailV2;
const detailUrl = 'https://approved-premises-api.hmpps.service.justice.gov.uk/events/booking-cancelled/6ad168c9-6ddf-41e7-b341-72fbb0e3f12d';

describe('build', () => {
  test('takes the latest notification data type and returns the latest envelope', () => {
    const event = build('approved-premises.booking.cancelled', { additionalInformation: data, detailUrl });
    expectTypeOf(event).toEqualTypeOf<Cas1BookingCancelledEnvelope>();
    expectTypeOf(event.version).toEqualTypeOf<1>();
    expectTypeOf(event.additionalInformation).toEqualTypeOf<Cas1BookingCancelledNotificationV1>();
  });

  test('a missing or wrong field is a compile error', () => {
    const { applicationId: _, ...missing } = data;
    // @ts-expect-error applicationId is required
    build('approved-premises.booking.cancelled', { additionalInformation: missing, detailUrl });
    // @ts-expect-error bookingId is null in an approved premises notification
    cas1BookingCancelled.build({ additionalInformation: { ...data, bookingId: 'a92afbd8-b796-48af-a79f-692cc97bbc4b' }, detailUrl });
    // @ts-expect-error no such event type
    build('approved-premises.booking.teleported', { additionalInformation: data, detailUrl });
    // @ts-expect-error envelope fields are typed too
    cas1BookingCancelled.build({ additionalInformation: data, detailUrl, occurredAt: new Date() });
  });

  test('an event type with a detail contract only has no notification to build', () => {
    // @ts-expect-error approved-premises.application.expired is never published as a notification
    build('approved-premises.application.expired', { additionalInformation: {}, detailUrl });
    expectTypeOf(cas1ApplicationExpired).not.toHaveProperty('build');
    expectTypeOf(cas1ApplicationExpired).toHaveProperty('buildDetail');
  });
});

describe('buildDetail', () => {
  test('takes the latest detail data type and returns the latest detail document', () => {
    const document = buildDetail('approved-premises.booking.cancelled', details);
    expectTypeOf(document).toEqualTypeOf<Cas1BookingCancelledDetailDocument>();
    expectTypeOf(document.eventDetails).toEqualTypeOf<Cas1BookingCancelledDetailV2>();
    expectTypeOf(cas1BookingCancelled.buildDetail(details)).toEqualTypeOf<Cas1BookingCancelledDetailDocument>();
  });

  test('a missing or wrong field is a compile error', () => {
    const { cancelledAtDate: _, ...missing } = details;
    // @ts-expect-error cancelledAtDate is required at detail version 2
    buildDetail('approved-premises.booking.cancelled', missing);
    // @ts-expect-error bookingId is a string
    cas1BookingCancelled.buildDetail({ ...details, bookingId: 1 });
    // @ts-expect-error no such event type
    buildDetail('approved-premises.booking.teleported', details);
    // @ts-expect-error interventions serve no detail documents this package describes
    buildDetail('intervention.referral.sent', details);
  });
});

describe('safeParse', () => {
  test('narrows by eventType', () => {
    const result = safeParse('{}');
    if (result.success) {
      expectTypeOf(result.event).toEqualTypeOf<DomainEvent>();
      if (result.event.eventType === 'approved-premises.booking.changed') {
        expectTypeOf(result.event.additionalInformation).toEqualTypeOf<Cas1BookingChangedNotification>();
      }
    } else {
      expectTypeOf(result.error.issues[0]?.path).toEqualTypeOf<string | undefined>();
    }
  });

  test('a failure says what it learned: the format by name, the event type and the version, each optional', () => {
    const result = safeParse('{}');
    if (result.success) return;
    expectTypeOf(result).toEqualTypeOf<ParseFailure>();
    expectTypeOf(result.format).toEqualTypeOf<FormatName | undefined>();
    expectTypeOf(result.eventType).toEqualTypeOf<string | undefined>();
    expectTypeOf(result.version).toEqualTypeOf<number | undefined>();
    const typed = cas1BookingCancelled.safeParse('{}');
    if (!typed.success) expectTypeOf(typed).toEqualTypeOf<ParseFailure>();
  });

  test('to: 1 on an event type gives version 1', () => {
    const result = cas1BookingCancelled.safeParse('{}', { to: 1 });
    if (result.success) expectTypeOf(result.event).toEqualTypeOf<Cas1BookingCancelledEnvelopeV1>();
    // @ts-expect-error there is no notification version 2
    cas1BookingCancelled.safeParse('{}', { to: 2 });
  });
});

describe('safeParseDetail', () => {
  test('narrows by eventType', () => {
    const result = safeParseDetail('{}', { version: null });
    if (result.success) {
      expectTypeOf(result.version).toEqualTypeOf<number>();
      if (result.detail.eventType === 'approved-premises.booking.changed') {
        expectTypeOf(result.detail.eventDetails).toEqualTypeOf<Cas1BookingChangedDetail>();
      }
    } else {
      expectTypeOf(result.error.issues[0]?.path).toEqualTypeOf<string | undefined>();
    }
  });

  test('a failure says what it learned: the event type and the stored version, each optional; a detail document has no format', () => {
    const result = safeParseDetail('{}');
    if (result.success) return;
    expectTypeOf(result).toEqualTypeOf<DetailParseFailure>();
    expectTypeOf(result.eventType).toEqualTypeOf<string | undefined>();
    expectTypeOf(result.version).toEqualTypeOf<number | undefined>();
    expectTypeOf(result).not.toHaveProperty('format');
  });

  test('an event type reads its latest detail version by default, and version N with to: N', () => {
    const latest = cas1BookingCancelled.safeParseDetail('{}', { version: 1 });
    if (latest.success) expectTypeOf(latest.detail.eventDetails).toEqualTypeOf<Cas1BookingCancelledDetail>();
    const first = cas1BookingCancelled.safeParseDetail('{}', { version: 1, to: 1 });
    if (first.success) expectTypeOf(first.detail).toEqualTypeOf<Cas1BookingCancelledDetailDocumentV1>();
    // @ts-expect-error there is no detail version 3
    cas1BookingCancelled.safeParseDetail('{}', { to: 3 });
  });
});

describe('the public types carry no machinery', () => {
  test("an event type has its contracts and functions, not the parsers' runtime", () => {
    expectTypeOf(cas1BookingCancelled).not.toHaveProperty('runtime');
    expectTypeOf(registry).not.toHaveProperty('lookup');
    expectTypeOf(registry).not.toHaveProperty('detailLookup');
    expectTypeOf(registry.get('approved-premises.booking.cancelled')).exclude<undefined>().not.toHaveProperty('runtime');
  });
});
