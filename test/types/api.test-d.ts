/**
 * The public API's types: builders take the latest data type, parsers narrow
 * by event type, and `to: N` gives version N's type.
 */
import { describe, expectTypeOf, test } from 'vitest';
import {
  build,
  type Cas1BookingCancelledEnvelopeV1,
  type Cas1BookingCancelledNotificationV2,
  type Cas1BookingChangedNotification,
  cas1BookingCancelled,
  type DomainEvent,
  safeParse,
} from '../../src/index.js';

declare const data: Cas1BookingCancelledNotificationV2;

describe('build', () => {
  test('takes the latest data type and returns the latest envelope', () => {
    const event = build('approved-premises.booking.cancelled', { additionalInformation: data });
    expectTypeOf(event.version).toEqualTypeOf<2>();
    expectTypeOf(event.additionalInformation).toEqualTypeOf<Cas1BookingCancelledNotificationV2>();
  });

  test('a missing or wrong field is a compile error', () => {
    const { cancelledAtDate: _, ...missing } = data;
    // @ts-expect-error cancelledAtDate is required at version 2
    build('approved-premises.booking.cancelled', { additionalInformation: missing });
    // @ts-expect-error bookingId is a string
    cas1BookingCancelled.build({ additionalInformation: { ...data, bookingId: 1 } });
    // @ts-expect-error no such event type
    build('approved-premises.booking.teleported', { additionalInformation: data });
    // @ts-expect-error envelope fields are typed too
    cas1BookingCancelled.build({ additionalInformation: data, occurredAt: new Date() });
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

  test('to: 1 on an event type gives version 1', () => {
    const result = cas1BookingCancelled.safeParse('{}', { to: 1 });
    if (result.success) expectTypeOf(result.event).toEqualTypeOf<Cas1BookingCancelledEnvelopeV1>();
    // @ts-expect-error there is no version 3
    cas1BookingCancelled.safeParse('{}', { to: 3 });
  });
});
