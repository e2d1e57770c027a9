/**
 * A throwaway catalogue whose one event type has a notification contract at
 * two versions, generated and imported, for the tests of notification-version
 * machinery (upcasting a notification while reading it, `version_mismatch`,
 * `acceptNewer`, `version_too_new`): every real notification contract is at
 * version 1, since real producers always send version 1.
 *
 * Version 2 adds what the CAS1 booking.cancelled v1 → v2 change added: the
 * effective date in Europe/London, when the cancellation was recorded (the
 * envelope's `occurredAt`), and who recorded it (from the caller, else
 * "unknown").
 */
import { generate } from '../../src/codegen/generate.js';
import type { EventType } from '../../src/runtime/event-type.js';
import { type TempRepo, tempRepo, writeEventType } from './temp-repo.js';

export const VERSIONED = 'test.booking.cancelled';

export interface StaffV2 {
  staffCode: string;
  forenames: string;
  surname: string;
}

/** The person the data names, as CAS1 wrote it in its notifications before they became thin: `build` derives the envelope's identifiers from it. */
export interface PersonV1 {
  crn: string;
  noms: string;
}

export interface VersionedV1 {
  personReference: PersonV1;
  bookingId: string;
  cancelledAt: string;
  cancellationReason: string;
}

export interface VersionedV2 {
  personReference: PersonV1;
  bookingId: string;
  cancelledAt: string;
  cancelledAtDate: string;
  cancellationRecordedAt: string;
  cancellationReason: string;
  recordedBy: StaffV2;
}

/** The event type object, typed as its generated module declares it. */
export type VersionedEventType = EventType<typeof VERSIONED, { notification: { versions: { 1: VersionedV1; 2: VersionedV2 }; latest: 2 } }>;

const staff = {
  type: 'object',
  additionalProperties: false,
  required: ['staffCode', 'forenames', 'surname'],
  properties: { staffCode: { type: 'string' }, forenames: { type: 'string' }, surname: { type: 'string' } },
};

const person = {
  type: 'object',
  additionalProperties: false,
  required: ['crn', 'noms'],
  properties: { crn: { $ref: '../../_shared/crn.schema.json' }, noms: { $ref: '../../_shared/noms-number.schema.json' } },
};

const SCHEMAS = [
  {
    title: 'TestBookingCancelledNotificationV1',
    type: 'object',
    additionalProperties: false,
    required: ['personReference', 'bookingId', 'cancelledAt', 'cancellationReason'],
    properties: {
      personReference: person,
      bookingId: { type: 'string', format: 'uuid' },
      cancelledAt: { type: 'string', format: 'date-time' },
      cancellationReason: { type: 'string' },
    },
  },
  {
    title: 'TestBookingCancelledNotificationV2',
    type: 'object',
    additionalProperties: false,
    required: ['personReference', 'bookingId', 'cancelledAt', 'cancelledAtDate', 'cancellationRecordedAt', 'cancellationReason', 'recordedBy'],
    properties: {
      personReference: person,
      bookingId: { type: 'string', format: 'uuid' },
      cancelledAt: { type: 'string', format: 'date-time' },
      cancelledAtDate: { type: 'string', format: 'date' },
      cancellationRecordedAt: { type: 'string', format: 'date-time' },
      cancellationReason: { type: 'string' },
      recordedBy: staff,
    },
  },
];

export const UNKNOWN_STAFF: StaffV2 = { staffCode: 'unknown', forenames: 'unknown', surname: 'unknown' };

const UPCAST = {
  $schema: '../../_meta/upcast.schema.json',
  kind: 'transform',
  description: 'The effective date in Europe/London, when the cancellation was recorded, and who recorded it.',
  operations: [
    { op: 'date-in-zone', from: '/cancelledAt', path: '/cancelledAtDate', timeZone: 'Europe/London' },
    { op: 'add', path: '/cancellationRecordedAt', fromEnvelope: 'occurredAt' },
    { op: 'add', path: '/recordedBy', fromContext: 'recordedBy', default: UNKNOWN_STAFF },
  ],
};

/** A valid version 1 notification (a fresh copy each time). */
export const versionedV1 = (): Record<string, unknown> => ({
  id: '4bd3e398-ec2c-468a-b180-0f9360be7763',
  eventType: VERSIONED,
  version: 1,
  occurredAt: '2024-06-13T17:52:26.556470Z',
  description: 'A booking was cancelled',
  personReference: {
    identifiers: [
      { type: 'CRN', value: 'X320741' },
      { type: 'NOMS', value: 'A1234AB' },
    ],
  },
  additionalInformation: {
    personReference: { crn: 'X320741', noms: 'A1234AB' },
    bookingId: '14c80733-4b6d-4f35-b724-66955aac320c',
    cancelledAt: '2024-06-30T23:30:00Z',
    cancellationReason: 'The person was recalled to prison',
  },
});

/** A valid version 2 notification (a fresh copy each time). */
export const versionedV2 = (): Record<string, unknown> => ({
  ...versionedV1(),
  version: 2,
  additionalInformation: {
    personReference: { crn: 'X320741', noms: 'A1234AB' },
    bookingId: '14c80733-4b6d-4f35-b724-66955aac320c',
    cancelledAt: '2024-06-30T23:30:00Z',
    cancelledAtDate: '2024-07-01',
    cancellationRecordedAt: '2024-06-13T17:52:26.556470Z',
    cancellationReason: 'The person was recalled to prison',
    recordedBy: { staffCode: 'N54A999', forenames: 'John', surname: 'Smith' },
  },
});

/** Writes the catalogue in a temp repository, generates it with this repository's generator, and imports the event type. */
export async function versionedNotification(): Promise<{ readonly eventType: VersionedEventType; remove(): void }> {
  const repo: TempRepo = tempRepo();
  try {
    writeEventType(repo, VERSIONED, SCHEMAS, { 2: UPCAST });
    await generate({ root: repo.root });
    const module = (await import(`${repo.root}/generated/events/${VERSIONED}.ts`)) as Record<string, unknown>;
    const eventType = Object.values(module).find((v) => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === VERSIONED);
    if (!eventType) throw new Error(`the generated module exports no ${VERSIONED}`);
    return { eventType: eventType as VersionedEventType, remove: () => repo.remove() };
  } catch (error) {
    repo.remove();
    throw error;
  }
}
