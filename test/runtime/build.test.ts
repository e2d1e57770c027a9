/**
 * Building notifications and detail documents: what is filled in, what is
 * validated, and that every event type's build output reads back unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  buildDetail,
  type Cas1BookingCancelledDetail,
  type Cas1BookingCancelledNotification,
  ContractError,
  cas1BookingCancelled,
  interventionSessionAppointmentAttended,
  parse,
  parseDetail,
  registry,
  serialize,
} from '../../src/index.js';
import { runtimesOf } from '../../src/runtime/runtimes.js';
import { example } from '../support/examples.js';
import { repoCatalogue } from '../support/repo.js';
import { versionedNotification, versionedV2 } from '../support/versioned-notification.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const notification = example(CANCELLED, 'notification.v1.booking-cancelled.valid.json');
const data = cas1BookingCancelled.parse(notification).additionalInformation;
const detailUrl = notification.detailUrl as string;
const clock = { now: () => new Date('2024-07-01T08:15:00.000Z'), randomUUID: () => '9b1d1a4e-2c5f-4f3a-8e7d-6c5b4a392817' };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u;
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
};
const issuesOf = (error: unknown) => ({ code: (error as ContractError).code, issues: (error as ContractError).issues.map((i) => `${i.code} ${i.path}`) });

describe('build', () => {
  // Every real notification contract is at version 1, and CAS notifications no longer name the person in their data:
  // a test catalogue has a notification v2 whose data does, as CAS1 notifications once did.
  let versioned: Awaited<ReturnType<typeof versionedNotification>>;
  beforeAll(async () => {
    versioned = await versionedNotification();
  });
  afterAll(() => versioned.remove());

  it('fills in id, times, the latest version, description and the person reference, in the usual field order', () => {
    const event = versioned.eventType.build(
      { additionalInformation: versionedV2().additionalInformation as never, producer: 'hmpps-approved-premises-api' },
      clock,
    );
    expect(Object.keys(event)).toEqual([
      'id',
      'publishedAt',
      'producer',
      'eventType',
      'version',
      'occurredAt',
      'description',
      'personReference',
      'additionalInformation',
    ]);
    expect(event).toMatchObject({
      id: '9b1d1a4e-2c5f-4f3a-8e7d-6c5b4a392817',
      publishedAt: '2024-07-01T08:15:00.000Z',
      occurredAt: '2024-07-01T08:15:00.000Z',
      eventType: 'test.booking.cancelled',
      version: 2,
      description: versioned.eventType.description,
      personReference: {
        identifiers: [
          { type: 'CRN', value: 'X320741' },
          { type: 'NOMS', value: 'A1234AB' },
        ],
      },
    });
  });

  it('takes the person reference from the CRN interventions name the person by', () => {
    const attended = example('intervention.session-appointment.attended', 'notification.v1.session-attended.valid.json');
    const { additionalInformation } = interventionSessionAppointmentAttended.parse(attended);
    const event = interventionSessionAppointmentAttended.build({ additionalInformation, detailUrl: attended.detailUrl as string }, clock);
    expect(event.personReference).toEqual({ identifiers: [{ type: 'CRN', value: additionalInformation.serviceUserCRN }] });
    expect(Object.keys(event)).toEqual([
      'id',
      'publishedAt',
      'eventType',
      'version',
      'occurredAt',
      'description',
      'detailUrl',
      'personReference',
      'additionalInformation',
    ]);
  });

  it('uses what the caller gives instead', () => {
    const given = {
      id: 'a0a0a0a0-0000-4000-8000-000000000000',
      occurredAt: '2024-01-01T00:00:00+00:00',
      description: 'Mine',
      detailUrl,
      personReference: { identifiers: [{ type: 'CRN' as const, value: 'X000001' }] },
    };
    expect(cas1BookingCancelled.build({ additionalInformation: data, ...given }, clock)).toMatchObject(given);
  });

  it('a random id is a version 4 UUID, different each time', () => {
    const [a, b] = [build(CANCELLED, { additionalInformation: data, detailUrl }), build(CANCELLED, { additionalInformation: data, detailUrl })];
    expect(a.id).toMatch(UUID_V4);
    expect(a.id).not.toBe(b.id);
  });

  it('throws a ContractError listing every problem', () => {
    const error = thrown(() =>
      cas1BookingCancelled.build({ additionalInformation: { ...data, applicationId: 'x', bookingId: 'nope' } as never, detailUrl, traceparent: 'nope' }),
    );
    expect(error).toBeInstanceOf(ContractError);
    expect(issuesOf(error)).toEqual({
      code: 'invalid_event',
      issues: ['pattern /traceparent', 'invalid_format /additionalInformation/applicationId', 'invalid_type /additionalInformation/bookingId'],
    });
  });

  it('is strict where reading is tolerant: a property the contract does not name, or a malformed identifier', () => {
    const error = thrown(() =>
      cas1BookingCancelled.build({
        additionalInformation: { ...data, extra: 1 } as never,
        detailUrl,
        personReference: {
          identifiers: [
            { type: 'CRN', value: 'null' },
            { type: 'NOMS', value: 'Unknown NOMS Number' },
          ],
        },
      }),
    );
    expect(issuesOf(error)).toEqual({
      code: 'invalid_event',
      // The envelope schema refuses the CRN "null" (readers do too); build refuses the placeholder, which readers accept. Each is reported once.
      issues: ['pattern /personReference/identifiers/0/value', 'unknown_property /additionalInformation/extra', 'pattern /personReference/identifiers/1/value'],
    });
  });

  it('requires the detailUrl consumers fetch, where the event type has one', () => {
    expect(issuesOf(thrown(() => cas1BookingCancelled.build({ additionalInformation: data })))).toEqual({
      code: 'invalid_event',
      issues: ['required /detailUrl'],
    });
  });

  it('refuses fields it does not take, rather than drop them', () => {
    const error = thrown(() => cas1BookingCancelled.build({ additionalInformation: data, detailUrl, eventType: 'other' } as never));
    expect([(error as ContractError).code, (error as ContractError).issues[0]?.path]).toEqual(['invalid_option', '/eventType']);
  });

  it('refuses an unknown event type', () => {
    expect((thrown(() => build('approved-premises.booking.teleported' as never, { additionalInformation: {} } as never)) as ContractError).code).toBe(
      'unknown_event_type',
    );
  });

  it.each(
    repoCatalogue()
      .events.filter((e) => e.notification)
      .map((e) => [e.type, e] as const),
  )('%s: the latest valid example notification builds, serializes and reads back unchanged', (type, source) => {
    const latest = source.notification?.versions.at(-1);
    const example = latest?.examples.find((x) => x.expect === 'valid')?.json as { additionalInformation: unknown; detailUrl?: string } | undefined;
    if (!example) throw new Error(`no valid example notification for ${type}`);
    // Any type name will do at run time; the cast only picks one of the overloads' types.
    const event = build(
      type as typeof CANCELLED,
      {
        additionalInformation: example.additionalInformation as Cas1BookingCancelledNotification,
        ...(example.detailUrl === undefined ? {} : { detailUrl: example.detailUrl }),
      },
      clock,
    );
    expect(parse(serialize(event))).toEqual(event);
    expect(runtimesOf(registry.get(type) ?? {}).notification?.latest).toBe(event.version);
  });
});

describe('buildDetail', () => {
  const stored = example(CANCELLED, 'detail.v2.cancelled.valid.json');
  const details = cas1BookingCancelled.parseDetail(stored, { version: 2 }).eventDetails;

  it('fills in id and timestamp, in the usual field order, at the latest detail version', () => {
    const document = cas1BookingCancelled.buildDetail(details, clock);
    expect(Object.keys(document)).toEqual(['id', 'timestamp', 'eventType', 'eventDetails']);
    expect(document).toStrictEqual({
      id: '9b1d1a4e-2c5f-4f3a-8e7d-6c5b4a392817',
      timestamp: '2024-07-01T08:15:00.000Z',
      eventType: CANCELLED,
      eventDetails: details,
    });
    expect(parseDetail(JSON.stringify(document), { version: cas1BookingCancelled.detail.latest })).toStrictEqual(document);
  });

  it('uses what the caller gives instead, and a random version 4 UUID otherwise', () => {
    const given = { id: 'a0a0a0a0-0000-4000-8000-000000000000', timestamp: '2024-01-01T00:00:00+00:00' };
    expect(buildDetail(CANCELLED, details, given)).toMatchObject(given);
    const [a, b] = [buildDetail(CANCELLED, details), buildDetail(CANCELLED, details)];
    expect(a.id).toMatch(UUID_V4);
    expect(a.id).not.toBe(b.id);
  });

  it('throws a ContractError listing every problem, unknown properties included', () => {
    const error = thrown(() =>
      cas1BookingCancelled.buildDetail({ ...details, bookingId: 'x', cancelledAtDate: '2024-02-30', extra: 1 } as Cas1BookingCancelledDetail, {
        timestamp: 'yesterday',
      }),
    );
    expect(error).toBeInstanceOf(ContractError);
    expect(issuesOf(error)).toEqual({
      code: 'invalid_event',
      issues: [
        'invalid_format /timestamp',
        'invalid_format /eventDetails/bookingId',
        'invalid_format /eventDetails/cancelledAtDate',
        'unknown_property /eventDetails/extra',
      ],
    });
  });

  it('refuses an unknown event type, and one without a detail contract', () => {
    for (const type of ['approved-premises.booking.teleported', 'intervention.referral.sent']) {
      expect((thrown(() => buildDetail(type as never, {} as never)) as ContractError).code, type).toBe('unknown_event_type');
    }
  });

  it.each(
    repoCatalogue()
      .events.filter((e) => e.detail)
      .map((e) => [e.type, e] as const),
  )('%s: the latest valid example detail document builds and reads back unchanged', (type, source) => {
    const latest = source.detail?.versions.at(-1);
    const example = latest?.examples.find((x) => x.expect === 'valid')?.json as { id: string; timestamp: string; eventDetails: unknown } | undefined;
    if (!latest || !example) throw new Error(`no valid example detail document for ${type}`);
    const document = buildDetail(type as typeof CANCELLED, example.eventDetails as Cas1BookingCancelledDetail, {
      id: example.id,
      timestamp: example.timestamp,
    });
    expect(document).toStrictEqual(example);
    expect(parseDetail(JSON.stringify(document), { version: latest.version })).toStrictEqual(document);
    expect(runtimesOf(registry.get(type) ?? {}).detail?.latest).toBe(latest.version);
  });
});
