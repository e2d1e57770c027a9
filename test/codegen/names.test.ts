/**
 * The naming of generated types, which the generator enforces (stopping at
 * the first problem) and `check`'s naming lint reports (every problem): both
 * come from `baseNameOf` and `nameCollisions`, tested here on the catalogue
 * with one title changed at a time.
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue, EventTypeSource } from '../../src/catalogue/model.js';
import { render } from '../../src/codegen/generate.js';
import { namesOf } from '../../src/codegen/modules/event-module.js';
import { baseNameOf, contractTitle, kebab, nameCollisions, requireBaseName } from '../../src/codegen/names.js';
import { ConfigError } from '../../src/errors.js';
import { ROOT, repoCatalogue, withVersions } from '../support/repo.js';

const catalogue = repoCatalogue();
const CANCELLED = 'approved-premises.booking.cancelled';
/** The contract of booking.cancelled that has two versions. */
const KIND = 'notification';

/** `from` (by default the catalogue) with the title of `version` of `type` replaced. */
function retitled(type: string, version: number, title: string, from: Catalogue = catalogue): Catalogue {
  return {
    ...from,
    events: from.events.map((event) =>
      event.type !== type
        ? event
        : withVersions(event, KIND, (versions) =>
            versions.map((v) => (v.version !== version ? v : { ...v, schema: { ...v.schema, json: { ...v.schema.json, title } } })),
          ),
    ),
  };
}

const eventOf = (c: Catalogue, type: string): EventTypeSource => c.events.find((e) => e.type === type) as EventTypeSource;
const fileOf = (type: string, version: number) => `schemas/${type}/${KIND}/v${version}.schema.json`;

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
    expect(problems).toEqual([{ file: fileOf(CANCELLED, 2), pointer: '/title', message: expect.stringContaining('"Cas1BookingCancelledNotificationV2"') }]);
  });

  it.each(['Cas1BookingCancelled', 'cas1BookingCancelledNotificationV1', 'Cas1-BookingV1', 'V1'])('has no name when the v1 title is %j', (title) => {
    const { base, problems } = baseNameOf(eventOf(retitled(CANCELLED, 1, title), CANCELLED));
    expect(base).toBeUndefined();
    expect(problems).toEqual([{ file: fileOf(CANCELLED, 1), pointer: '/title', message: expect.stringContaining('PascalCase name ending in NotificationV1') }]);
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
    const c = retitled(CANCELLED, 1, 'StaffMemberNotificationV1');
    expect(nameCollisions(c, bases(c))).toEqual([
      {
        file: fileOf(CANCELLED, 1),
        pointer: '/title',
        message: expect.stringContaining('StaffMember is also used by schemas/_shared/staff-member.schema.json'),
      },
    ]);
  });

  it('reports an event type named Envelope, and two event types with one name, at the later one', () => {
    const first = catalogue.events[0] as EventTypeSource;
    const second = catalogue.events[1] as EventTypeSource;
    const c = retitled(second.type, 1, 'SameNameNotificationV1', retitled(first.type, 1, 'EnvelopeNotificationV1'));
    const again = retitled(CANCELLED, 1, 'SameNameNotificationV1', c);
    expect(nameCollisions(again, bases(again)).map((p) => [p.file, p.message.split(';')[0]])).toEqual([
      [fileOf(first.type, 1), `the name Envelope is also used by ${catalogue.envelope.file}`],
      [fileOf(CANCELLED, 1), `the name SameName is also used by ${fileOf(second.type, 1)}`],
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
    const c = retitled(CANCELLED, 1, 'StaffMemberNotificationV1');
    const c2 = { ...c, events: c.events.map((e) => (e.type === CANCELLED ? withVersions(e, KIND, (versions) => versions.slice(0, 1)) : e)) };
    await expect(render(ROOT, c2)).rejects.toThrow(`${fileOf(CANCELLED, 1)}#/title: the name StaffMember is also used by`);
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
