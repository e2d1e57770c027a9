/**
 * The naming of generated types, which the generator enforces (stopping at
 * the first problem) and `check`'s naming lint reports (every problem): both
 * come from `baseNameOf` and `nameCollisions`, tested here on the catalogue
 * with one title changed at a time.
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue, ContractKind, EventTypeSource } from '../../src/catalogue/model.js';
import { render } from '../../src/codegen/generate.js';
import { namesOf } from '../../src/codegen/modules/event-module.js';
import { ConfigError } from '../../src/errors.js';
import { baseNameOf, contractTitle, kebab, nameCollisions, requireBaseName } from '../../src/schema/names.js';
import { ROOT, repoCatalogue, withVersions } from '../support/repo.js';

const catalogue = repoCatalogue();
const CANCELLED = 'approved-premises.booking.cancelled';
/** The contract of booking.cancelled that has two versions. */
const KIND = 'detail';
/** The contract of booking.cancelled whose v1 title gives the event type its name (its first: the notification). */
const PRIMARY = 'notification';

const eventOf = (c: Catalogue, type: string): EventTypeSource => c.events.find((e) => e.type === type) as EventTypeSource;
/** The kind of an event type's first contract, whose v1 title names it. */
const primaryOf = (type: string): ContractKind => eventOf(catalogue, type).contracts[0]?.kind as ContractKind;
const fileOf = (type: string, version: number, kind: ContractKind = KIND) => `schemas/${type}/${kind}/v${version}.schema.json`;

/** `from` (by default the catalogue) with the title of `version` of `type`'s `kind` contract replaced. */
function retitled(type: string, version: number, title: string, from: Catalogue = catalogue, kind: ContractKind = KIND): Catalogue {
  return {
    ...from,
    events: from.events.map((event) =>
      event.type !== type
        ? event
        : withVersions(event, kind, (versions) =>
            versions.map((v) => (v.version !== version ? v : { ...v, schema: { ...v.schema, json: { ...v.schema.json, title } } })),
          ),
    ),
  };
}

/** `from` with `type` named `base`: the v1 title of its first contract, which names it, replaced. */
const named = (type: string, base: string, from: Catalogue = catalogue): Catalogue =>
  retitled(type, 1, contractTitle(base, primaryOf(type), 1), from, primaryOf(type));

/** The catalogue with every title of every contract of `type` following `base`, so that nothing but a collision can stop the generator. */
function renamed(type: string, base: string): Catalogue {
  return {
    ...catalogue,
    events: catalogue.events.map((event) => {
      if (event.type !== type) return event;
      return event.contracts.reduce(
        (e, contract) =>
          withVersions(e, contract.kind, (versions) =>
            versions.map((v) => ({ ...v, schema: { ...v.schema, json: { ...v.schema.json, title: contractTitle(base, contract.kind, v.version) } } })),
          ),
        event,
      );
    }),
  };
}

describe('baseNameOf', () => {
  it('gives every catalogue event type the name its v1 title starts with, and no problems', () => {
    for (const event of catalogue.events) {
      const { base, problems } = baseNameOf(event);
      expect(problems).toEqual([]);
      const first = event.contracts[0];
      expect(first && contractTitle(base as string, first.kind, 1)).toBe(first?.versions[0]?.schema.json.title);
    }
    expect(baseNameOf(eventOf(catalogue, CANCELLED)).base).toBe('Cas1BookingCancelled');
  });

  it('keeps the name, and reports a later title that does not follow it', () => {
    const { base, problems } = baseNameOf(eventOf(retitled(CANCELLED, 2, 'BookingCancelledV2'), CANCELLED));
    expect(base).toBe('Cas1BookingCancelled');
    expect(problems).toEqual([{ file: fileOf(CANCELLED, 2), pointer: '/title', message: expect.stringContaining('"Cas1BookingCancelledDetailV2"') }]);
  });

  it('reports a title that names the other contract', () => {
    const { base, problems } = baseNameOf(eventOf(retitled(CANCELLED, 1, 'Cas1BookingCancelledNotificationV1'), CANCELLED));
    expect(base).toBe('Cas1BookingCancelled');
    expect(problems).toEqual([{ file: fileOf(CANCELLED, 1), pointer: '/title', message: expect.stringContaining('"Cas1BookingCancelledDetailV1"') }]);
  });

  it.each(['Cas1BookingCancelled', 'cas1BookingCancelledNotificationV1', 'Cas1BookingCancelledDetailV1', 'Cas1-BookingV1', 'V1'])(
    "has no name when the first contract's v1 title is %j",
    (title) => {
      const { base, problems } = baseNameOf(eventOf(retitled(CANCELLED, 1, title, catalogue, PRIMARY), CANCELLED));
      expect(base).toBeUndefined();
      expect(problems).toEqual([
        { file: fileOf(CANCELLED, 1, PRIMARY), pointer: '/title', message: expect.stringContaining('PascalCase name ending in NotificationV1') },
      ]);
    },
  );

  it('reads the name of an event type with a detail contract only from its detail v1 title', () => {
    const EXPIRED = 'approved-premises.application.expired';
    expect(primaryOf(EXPIRED)).toBe('detail');
    expect(baseNameOf(eventOf(catalogue, EXPIRED)).base).toBe('Cas1ApplicationExpired');
    const { base, problems } = baseNameOf(eventOf(retitled(EXPIRED, 1, 'Cas1ApplicationExpiredNotificationV1'), EXPIRED));
    expect(base).toBeUndefined();
    expect(problems).toEqual([{ file: fileOf(EXPIRED, 1), pointer: '/title', message: expect.stringContaining('PascalCase name ending in DetailV1') }]);
  });

  it('is what the generator names modules by, and the generator stops at its first problem', () => {
    expect(namesOf(eventOf(catalogue, CANCELLED)).object).toBe('cas1BookingCancelled');
    const broken = eventOf(retitled(CANCELLED, 2, 'BookingCancelledV2'), CANCELLED);
    const [problem] = baseNameOf(broken).problems;
    for (const call of [() => namesOf(broken), () => requireBaseName(broken)]) {
      expect(call).toThrow(ConfigError);
      expect(call).toThrow(`${problem?.file}#${problem?.pointer}: ${problem?.message}`);
    }
  });
});

describe('nameCollisions', () => {
  const bases = (c: Catalogue) => c.events.map((e) => baseNameOf(e).base);

  it('finds none in the catalogue', () => {
    expect(nameCollisions(catalogue, bases(catalogue))).toEqual([]);
  });

  it('reports an event type named like a shared definition, at the event type', () => {
    const c = named(CANCELLED, 'Cas1StaffMember');
    expect(nameCollisions(c, bases(c))).toEqual([
      {
        file: fileOf(CANCELLED, 1, PRIMARY),
        pointer: '/title',
        message: expect.stringContaining('Cas1StaffMember is also used by schemas/_shared/cas1-staff-member.schema.json'),
      },
    ]);
  });

  it('reports an event type named Envelope, and two event types with one name, at the later one', () => {
    const first = catalogue.events[0] as EventTypeSource;
    const second = catalogue.events[1] as EventTypeSource;
    const again = named(CANCELLED, 'SameName', named(second.type, 'SameName', named(first.type, 'Envelope')));
    expect(nameCollisions(again, bases(again)).map((p) => [p.file, p.message.split(';')[0]])).toEqual([
      [fileOf(first.type, 1, primaryOf(first.type)), `the name Envelope is also used by ${catalogue.envelope.file}`],
      [fileOf(CANCELLED, 1, PRIMARY), `the name SameName is also used by ${fileOf(second.type, 1, primaryOf(second.type))}`],
    ]);
  });

  it('reports a shared definition named like another, or like the envelope, at the later one', () => {
    const [first, second, third] = catalogue.shared;
    if (!first || !second || !third) throw new Error('the catalogue has fewer than three shared definitions');
    const shared = [first, { ...second, typeName: first.typeName }, { ...third, typeName: 'Envelope' }, ...catalogue.shared.slice(3)];
    const c = { ...catalogue, shared };
    expect(nameCollisions(c, bases(c)).map((p) => [p.file, p.message.split(';')[0]])).toEqual([
      [second.file, `the name ${first.typeName} is also used by ${first.file}`],
      [third.file, `the name Envelope is also used by ${catalogue.envelope.file}`],
    ]);
  });

  it('stops the generator, naming the same file', async () => {
    const c = renamed(CANCELLED, 'Cas1StaffMember');
    expect(baseNameOf(eventOf(c, CANCELLED)).problems).toEqual([]);
    await expect(render(ROOT, c)).rejects.toThrow(`${fileOf(CANCELLED, 1, PRIMARY)}#/title: the name Cas1StaffMember is also used by`);
  });
});

describe('kebab', () => {
  it('writes titles, camelCase names and phrases in kebab case', () => {
    expect(kebab('Referral sent notification')).toBe('referral-sent-notification');
    expect(kebab('referralSentNotification')).toBe('referral-sent-notification');
    expect(kebab('  HMPPS Interventions: Service  ')).toBe('hmpps-interventions-service');
    expect(kebab('crn2Number')).toBe('crn2-number');
  });

  it('keeps only ASCII letters and digits, dropping others before lower-casing', () => {
    // The Kelvin sign lower-cases to an ASCII k, and İ to an i with a combining dot.
    expect(kebab('\u212Aelvin scale')).toBe('elvin-scale');
    expect(kebab('\u0130stanbul office')).toBe('stanbul-office');
    expect(kebab('café crème')).toBe('caf-cr-me');
    expect(kebab('日本')).toBe('');
  });
});
