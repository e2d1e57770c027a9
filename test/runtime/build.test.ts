/**
 * Building events: what is filled in, what is validated, and that every
 * event type's build output reads back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { build, type Cas1BookingCancelledNotificationV2, ContractError, cas1BookingCancelled, parse, registry, serialize } from '../../src/index.js';
import { example } from '../support/examples.js';
import { repoCatalogue } from '../support/repo.js';

const data = cas1BookingCancelled.parse(example('approved-premises.booking.cancelled', 'notification.v2.cancelled.valid.json')).additionalInformation;
const clock = { now: () => new Date('2024-07-01T08:15:00.000Z'), randomUUID: () => '9b1d1a4e-2c5f-4f3a-8e7d-6c5b4a392817' };
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
};

describe('build', () => {
  it('fills in id, times, version, description and the person reference, in the usual field order', () => {
    const event = cas1BookingCancelled.build({ additionalInformation: data, producer: 'hmpps-approved-premises-api' }, clock);
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
      eventType: 'approved-premises.booking.cancelled',
      version: 2,
      description: cas1BookingCancelled.description,
      personReference: {
        identifiers: [
          { type: 'CRN', value: 'X320741' },
          { type: 'NOMS', value: 'A1234AB' },
        ],
      },
    });
  });

  it('uses what the caller gives instead', () => {
    const given = {
      id: 'a0a0a0a0-0000-4000-8000-000000000000',
      occurredAt: '2024-01-01T00:00:00+00:00',
      description: 'Mine',
      personReference: { identifiers: [{ type: 'CRN' as const, value: 'X000001' }] },
    };
    expect(cas1BookingCancelled.build({ additionalInformation: data, ...given }, clock)).toMatchObject(given);
  });

  it('a random id is a version 4 UUID, different each time', () => {
    const [a, b] = [
      build('approved-premises.booking.cancelled', { additionalInformation: data }),
      build('approved-premises.booking.cancelled', { additionalInformation: data }),
    ];
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(a.id).not.toBe(b.id);
  });

  it('throws a ContractError listing every problem', () => {
    const error = thrown(() =>
      cas1BookingCancelled.build({ additionalInformation: { ...data, bookingId: 'x', cancelledAtDate: '2024-02-30' } as never, traceparent: 'nope' }),
    );
    expect(error).toBeInstanceOf(ContractError);
    expect({ code: (error as ContractError).code, issues: (error as ContractError).issues.map((i) => `${i.code} ${i.path}`) }).toEqual({
      code: 'invalid_event',
      issues: ['pattern /traceparent', 'invalid_format /additionalInformation/bookingId', 'invalid_format /additionalInformation/cancelledAtDate'],
    });
  });

  it('refuses fields it does not take, rather than drop them', () => {
    const error = thrown(() => cas1BookingCancelled.build({ additionalInformation: data, eventType: 'other' } as never));
    expect([(error as ContractError).code, (error as ContractError).issues[0]?.path]).toEqual(['invalid_option', '/eventType']);
  });

  it('refuses an unknown event type', () => {
    expect((thrown(() => build('approved-premises.booking.teleported' as never, { additionalInformation: {} } as never)) as ContractError).code).toBe(
      'unknown_event_type',
    );
  });

  it.each(repoCatalogue().events.map((e) => [e.type, e] as const))(
    '%s: the latest valid example builds, serializes and reads back unchanged',
    (type, source) => {
      const latest = source.notification?.versions.at(-1);
      const example = latest?.examples.find((x) => x.expect === 'valid')?.json as { additionalInformation: unknown } | undefined;
      if (!example) throw new Error(`no valid example for ${type}`);
      // Any type name will do at run time; the cast only picks one of the overloads' types.
      const event = build(
        type as 'approved-premises.booking.cancelled',
        { additionalInformation: example.additionalInformation as Cas1BookingCancelledNotificationV2 },
        clock,
      );
      expect(parse(serialize(event))).toEqual(event);
      expect(registry.get(type)?.runtime.notification?.latest).toBe(event.version);
    },
  );
});
