import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../src/errors.js';
import { type ImportOptions, importContract } from '../../src/import/import-contract.js';
import { ROOT } from '../support/repo.js';
import { tempRepo } from '../support/temp-repo.js';

const root = process.cwd();
const fixture = (name: string) => `test/fixtures/import/${name}`;

/**
 * Dry runs import into a catalogue of their own: this repository's shared
 * schemas and no event types (accommodation.cas3.bedspace.archived is a real
 * event type now, so importing the fixture here only says it exists), plus the
 * staff member the fixtures' StaffMember is exactly like, so that reuse of a
 * shared schema is shown.
 */
const catalogue = tempRepo();
afterAll(() => catalogue.remove());
catalogue.write('schemas/_shared/staff-member.schema.json', {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://schemas.probation.justice.gov.uk/domain-events/_shared/staff-member.schema.json',
  title: 'StaffMember',
  description: 'A member of probation staff as known to nDelius.',
  type: 'object',
  additionalProperties: false,
  required: ['staffCode', 'forenames', 'surname'],
  properties: {
    staffCode: { type: 'string', minLength: 1, description: 'The staff code in nDelius, for example N54A999.', examples: ['N54A999'] },
    forenames: { type: 'string', minLength: 1 },
    surname: { type: 'string', minLength: 1 },
    username: { type: 'string', minLength: 1, description: "The person's sign-in name, when they have one." },
  },
});
const dryRun = (file: string, options: Partial<ImportOptions> = {}) =>
  importContract({ root: catalogue.root, file: join(ROOT, fixture(file)), dryRun: true, ...options });
const codes = (file: string, options: Partial<ImportOptions> = {}) => dryRun(file, options).findings.map((f) => `${f.level} ${f.code} ${f.pointer}`);

describe('what each fixture imports', () => {
  it.each<[string, { given: string; options?: Partial<ImportOptions>; want: string[] }]>([
    ['a clean AsyncAPI spec (YAML)', { given: 'asyncapi-referral-withdrawn.yaml', want: ['intervention.referral.withdrawn'] }],
    ['an AsyncAPI spec full of defects (JSON)', { given: 'asyncapi-prisoner-released.json', want: ['probation-case.prisoner.released'] }],
    [
      'an AsyncAPI message named for people, with --event-type',
      {
        given: 'asyncapi-appointment-rescheduled.yaml',
        options: { eventType: 'supervision.appointment.rescheduled' },
        want: ['supervision.appointment.rescheduled'],
      },
    ],
    ['an AsyncAPI spec that cannot be converted', { given: 'asyncapi-unconvertible.yaml', want: [] }],
    [
      'an OpenAPI document with two envelopes (YAML)',
      { given: 'openapi-cas1-events.yaml', want: ['approved-premises.key-worker.assigned', 'approved-premises.placement.appealed'] },
    ],
    ['an OpenAPI document with a whole example (JSON)', { given: 'openapi-cas3-events.json', want: ['accommodation.cas3.bedspace.archived'] }],
    ['an OpenAPI document that cannot be converted', { given: 'openapi-unconvertible.yaml', want: [] }],
  ])('%s', (_name, { given, options, want }) => {
    const result = dryRun(given, options);
    expect(result.events.map((e) => e.eventType)).toStrictEqual(want);
    expect(result.events.every((e) => !e.written)).toBe(true);
    expect(result.findings.some((f) => f.level === 'error')).toBe(want.length === 0);
  });
});

describe('the defects real specs have are reported where they are', () => {
  const released = '/channels/domainEvents/messages/prisonerReleased/payload/schema';
  const detail = `${released}/definitions/PrisonerReleased`;
  it.each<[string, { given: string; options?: Partial<ImportOptions>; want: string[] }]>([
    [
      'tuple items, required without a property, draft-04 exclusiveMinimum, nullable in AsyncAPI, definitions beside $defs',
      {
        given: 'asyncapi-prisoner-released.json',
        want: [
          `warning mixed-drafts ${released}/definitions`,
          `warning unresolved-ref ${released}/properties/additionalInformation/$ref`,
          `warning required-without-property ${detail}/required/3`,
          `warning required-without-property ${detail}/required/4`,
          `warning mixed-drafts ${detail}/properties/sentenceLengthInDays/exclusiveMinimum`,
          `warning tuple-items ${detail}/properties/licenceConditions/items`,
          `warning mixed-drafts ${detail}/properties/releaseType/nullable`,
        ],
      },
    ],
    [
      'an external reference, overlapping oneOf branches, an unsupported keyword',
      {
        given: 'asyncapi-unconvertible.yaml',
        want: [
          'error external-ref /components/messages/TierCalculated/payload/properties/additionalInformation/properties/staff/$ref',
          'error oneof-overlap /components/messages/TierCalculated/payload/properties/additionalInformation/properties/score/oneOf',
          'error unsupported-keyword /components/messages/TierCalculated/payload/properties/additionalInformation/properties/notes/patternProperties',
        ],
      },
    ],
    [
      'an allOf conflict, a map, a tuple of different items',
      {
        given: 'openapi-unconvertible.yaml',
        want: [
          'error allof-conflict /components/schemas/OffenceChangedEnvelope/properties/eventDetails/allOf/1/properties/code',
          'error free-form-object /components/schemas/OffenceChangedEnvelope/properties/eventDetails/allOf/1/properties/attributes/additionalProperties',
          'error tuple-items /components/schemas/OffenceChangedEnvelope/properties/eventDetails/allOf/1/properties/range/items',
        ],
      },
    ],
    [
      'required without a property, an unsupported format, OpenAPI boolean exclusiveMaximum',
      {
        given: 'openapi-cas3-events.json',
        want: [
          'warning required-without-property /components/schemas/BedspaceArchived/required/3',
          'notice mixed-drafts /components/schemas/BedspaceArchived/properties/occupancy/exclusiveMaximum',
          'warning format-dropped /components/schemas/BedspaceArchived/properties/contactNumber/format',
        ],
      },
    ],
    [
      'nullable beside $ref',
      {
        given: 'asyncapi-appointment-rescheduled.yaml',
        options: { eventType: 'supervision.appointment.rescheduled' },
        want: ['warning nullable /channels/events/messages/rescheduled/payload/properties/additionalInformation/allOf/1/properties/rescheduledBy/nullable'],
      },
    ],
  ])('%s', (_name, { given, options, want }) => {
    expect(codes(given, options)).toEqual(expect.arrayContaining(want));
  });

  it('says an event type of the catalogue exists, and writes nothing for it', () => {
    const result = importContract({ root, file: fixture('openapi-cas3-events.json'), dryRun: true });
    expect(result.events).toStrictEqual([]);
    expect(result.findings.filter((f) => f.level === 'error').map((f) => `${f.code} ${f.pointer}`)).toStrictEqual([
      'exists /components/schemas/BedspaceArchivedEnvelope',
    ]);
  });

  it('needs --event-type where the source does not say', () => {
    expect(codes('asyncapi-appointment-rescheduled.yaml')).toContain('error event-type /channels/events/messages/rescheduled');
  });
});

describe('what the converted schemas say', () => {
  const schemaOf = (file: string, eventType: string, options: Partial<ImportOptions> = {}) => {
    const event = dryRun(file, options).events.find((e) => e.eventType === eventType);
    return JSON.parse(event?.files.find((f) => f.path.endsWith('notification/v1.schema.json'))?.content ?? 'null') as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
  };

  it('follows the conventions: draft 2020-12, $id, a V1 title, closed objects', () => {
    const schema = schemaOf('asyncapi-referral-withdrawn.yaml', 'intervention.referral.withdrawn');
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://schemas.probation.justice.gov.uk/domain-events/intervention.referral.withdrawn/notification/v1.schema.json',
      title: 'InterventionReferralWithdrawnNotificationV1',
      type: 'object',
      additionalProperties: false,
      required: ['referralId', 'withdrawalReasonCode', 'withdrawnBy'],
    });
  });

  it.each<[string, { file: string; eventType: string; options?: Partial<ImportOptions>; property: string; want: unknown }]>([
    [
      'a schema exactly like a shared one is a $ref to it',
      {
        file: 'openapi-cas1-events.yaml',
        eventType: 'approved-premises.key-worker.assigned',
        property: 'assignedKeyWorker',
        want: { $ref: '../../_shared/staff-member.schema.json' },
      },
    ],
    [
      'one that is not stays in $defs',
      { file: 'openapi-cas3-events.json', eventType: 'accommodation.cas3.bedspace.archived', property: 'archivedBy', want: { $ref: '#/$defs/StaffMember' } },
    ],
    [
      'nullable joins null to the type',
      {
        file: 'openapi-cas3-events.json',
        eventType: 'accommodation.cas3.bedspace.archived',
        property: 'reason',
        want: { type: ['string', 'null'], maxLength: 500 },
      },
    ],
    [
      'nullable with an enum adds null to the enum',
      {
        file: 'asyncapi-prisoner-released.json',
        eventType: 'probation-case.prisoner.released',
        property: 'releaseType',
        want: { type: ['string', 'null'], enum: ['CRD', 'ARD', 'PED', null], examples: ['CRD'] },
      },
    ],
    [
      'a boolean exclusiveMaximum becomes the number form',
      {
        file: 'openapi-cas3-events.json',
        eventType: 'accommodation.cas3.bedspace.archived',
        property: 'occupancy',
        want: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
      },
    ],
    [
      'a one-schema tuple becomes a list',
      {
        file: 'asyncapi-prisoner-released.json',
        eventType: 'probation-case.prisoner.released',
        property: 'licenceConditions',
        want: { type: 'array', items: { type: 'string' }, examples: [['Do not contact the victim']] },
      },
    ],
    [
      'disjoint oneOf becomes anyOf',
      {
        file: 'asyncapi-appointment-rescheduled.yaml',
        eventType: 'supervision.appointment.rescheduled',
        options: { eventType: 'supervision.appointment.rescheduled' },
        property: 'location',
        want: {
          description: 'An office code, or the number of an office the person is told about later.',
          anyOf: [
            { type: 'string', minLength: 1 },
            { type: 'integer', minimum: 1 },
          ],
        },
      },
    ],
    [
      'nullable beside $ref becomes anyOf with null',
      {
        file: 'asyncapi-appointment-rescheduled.yaml',
        eventType: 'supervision.appointment.rescheduled',
        options: { eventType: 'supervision.appointment.rescheduled' },
        property: 'rescheduledBy',
        want: { anyOf: [{ $ref: '#/$defs/Officer' }, { type: 'null' }] },
      },
    ],
  ])('%s', (_name, { file, eventType, options, property, want }) => {
    expect(schemaOf(file, eventType, options).properties?.[property]).toStrictEqual(want);
  });

  it('merges allOf into one object', () => {
    const schema = schemaOf('asyncapi-appointment-rescheduled.yaml', 'supervision.appointment.rescheduled', {
      eventType: 'supervision.appointment.rescheduled',
    });
    expect(Object.keys(schema.properties ?? {})).toStrictEqual(['appointmentId', 'crn', 'previousStart', 'start', 'location', 'rescheduledBy']);
    expect(schema.required).toStrictEqual(['appointmentId', 'crn', 'previousStart', 'start']);
  });
});

describe('writing', () => {
  let out: string | undefined;
  afterEach(() => {
    if (out) rmSync(out, { recursive: true, force: true });
    out = undefined;
  });

  it('writes event.json, the schema and the examples, and refuses to overwrite them', () => {
    out = mkdtempSync(join(tmpdir(), 'import-'));
    const result = importContract({ root, file: fixture('openapi-cas3-events.json'), out });
    expect(result.events[0]?.written).toBe(true);
    const dir = join(out, 'accommodation.cas3.bedspace.archived');
    expect(JSON.parse(readFileSync(join(dir, 'examples/notification.v1.example.valid.json'), 'utf8'))).toMatchObject({
      eventType: 'accommodation.cas3.bedspace.archived',
      version: 1,
      occurredAt: '2024-11-05T16:45:10.123456+00:00',
      additionalInformation: { bedspaceId: 'a7c3e1f5-2b4d-4e6f-8a0c-9b1d3f5e7a9c' },
    });
    expect(JSON.parse(readFileSync(join(dir, 'event.json'), 'utf8'))).toMatchObject({ producers: ['hmpps-temporary-accommodation-api'], status: 'draft' });

    const again = importContract({ root, file: fixture('openapi-cas3-events.json'), out });
    expect(again.events).toHaveLength(0);
    expect(again.findings.filter((f) => f.level === 'error').map((f) => f.code)).toStrictEqual(['exists']);
  });

  it('writes nothing on a dry run', () => {
    out = mkdtempSync(join(tmpdir(), 'import-'));
    importContract({ root, file: fixture('openapi-cas3-events.json'), out, dryRun: true });
    expect(existsSync(join(out, 'accommodation.cas3.bedspace.archived'))).toBe(false);
  });
});

describe('sources it cannot read are usage errors', () => {
  it.each<[string, { given: string; options?: Partial<ImportOptions>; want: RegExp }]>([
    ['a missing file', { given: 'no-such-file.yaml', want: /cannot be read/u }],
    ['a file that is neither', { given: '../../../package.json', want: /neither an AsyncAPI 3 document/u }],
    ['--event-type for a file with two events', { given: 'openapi-cas1-events.yaml', options: { eventType: 'a.b.c' }, want: /describes 2/u }],
  ])('%s', (_name, { given, options, want }) => {
    expect(() => dryRun(given, options)).toThrow(want);
    try {
      dryRun(given, options);
    } catch (error) {
      expect(error instanceof ConfigError || error instanceof UsageError).toBe(true);
    }
  });
});
