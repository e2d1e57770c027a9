import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../src/errors.js';
import { type ImportOptions, importContracts } from '../../src/import/import-contract.js';
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
  importContracts({ root: catalogue.root, files: [join(ROOT, fixture(file))], dryRun: true, ...options });
const codes = (file: string, options: Partial<ImportOptions> = {}) => dryRun(file, options).findings.map((f) => `${f.severity} ${f.code} ${f.pointer}`);

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
    expect(result.events.filter((e) => e.converted).map((e) => e.eventType)).toStrictEqual(want);
    expect(result.events.every((e) => !e.written)).toBe(true);
    expect(result.findings.some((f) => f.severity === 'error')).toBe(want.length === 0);
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
      'an allOf conflict, a map; a tuple of different items is a list of either',
      {
        given: 'openapi-unconvertible.yaml',
        want: [
          'error allof-conflict /components/schemas/OffenceChangedEnvelope/properties/eventDetails/allOf/1/properties/code',
          'error free-form-object /components/schemas/OffenceChangedEnvelope/properties/eventDetails/allOf/1/properties/attributes/additionalProperties',
          'warning tuple-items /components/schemas/OffenceChangedEnvelope/properties/eventDetails/allOf/1/properties/range/items',
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
    const result = importContracts({ root, files: [fixture('openapi-cas3-events.json')], dryRun: true });
    expect(result.events.map((e) => [e.eventType, e.converted, e.written])).toStrictEqual([['accommodation.cas3.bedspace.archived', false, false]]);
    expect(result.summary).toMatchObject({ events: 1, converted: 0, notConverted: 1 });
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.pointer}`)).toStrictEqual([
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
    // The contract the source describes: a notification (AsyncAPI), or a detail document (OpenAPI).
    const main = event?.files.find((f) => f.path.endsWith('detail/v1.schema.json')) ?? event?.files.find((f) => f.path.endsWith('notification/v1.schema.json'));
    return JSON.parse(main?.content ?? 'null') as Record<string, Record<string, Record<string, unknown>>>;
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
    const result = importContracts({ root: out, files: [join(ROOT, fixture('openapi-cas3-events.json'))] });
    expect(result.events[0]?.written).toBe(true);
    const dir = join(out, 'schemas/accommodation.cas3.bedspace.archived');
    expect(JSON.parse(readFileSync(join(dir, 'examples/detail.v1.example.valid.json'), 'utf8'))).toMatchObject({
      eventType: 'accommodation.cas3.bedspace.archived',
      timestamp: '2024-11-05T16:45:10.123456+00:00',
      eventDetails: { bedspaceId: 'a7c3e1f5-2b4d-4e6f-8a0c-9b1d3f5e7a9c' },
    });
    // The thin notification that points at it: the source does not describe its data.
    expect(JSON.parse(readFileSync(join(dir, 'notification/v1.schema.json'), 'utf8'))).toMatchObject({ type: 'object', properties: {} });
    expect(JSON.parse(readFileSync(join(dir, 'examples/notification.v1.points-at-detail.valid.json'), 'utf8'))).toStrictEqual({
      eventType: 'accommodation.cas3.bedspace.archived',
      version: 1,
      occurredAt: '2024-11-05T16:45:10.123456+00:00',
      additionalInformation: {},
    });
    expect(JSON.parse(readFileSync(join(dir, 'event.json'), 'utf8'))).toMatchObject({ producers: ['hmpps-temporary-accommodation-api'], status: 'draft' });

    const again = importContracts({ root: out, files: [join(ROOT, fixture('openapi-cas3-events.json'))] });
    expect(again.events.map((e) => e.written)).toStrictEqual([false]);
    expect(again.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toStrictEqual(['exists']);
  });

  it('writes nothing on a dry run', () => {
    out = mkdtempSync(join(tmpdir(), 'import-'));
    importContracts({ root: out, files: [join(ROOT, fixture('openapi-cas3-events.json'))], dryRun: true });
    expect(existsSync(join(out, 'schemas/accommodation.cas3.bedspace.archived'))).toBe(false);
  });
});

describe('a file it cannot read is a finding, and the run goes on', () => {
  it('reports a file that is not a contract at its root, with the reason', () => {
    const result = importContracts({
      root: catalogue.root,
      files: [join(ROOT, 'package.json'), join(ROOT, fixture('asyncapi-referral-withdrawn.yaml'))],
      dryRun: true,
    });
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.file, f.pointer])).toStrictEqual([
      ['unsupported-source', join(ROOT, 'package.json'), ''],
    ]);
    expect(result.findings[0]?.message).toMatch(/neither an AsyncAPI 3 document \(asyncapi: 3.x\), an AsyncAPI message object/u);
    expect(result.summary).toMatchObject({ files: 2, unreadable: 1, converted: 1, notConverted: 1 });
  });
});

describe('arguments it cannot use are usage errors', () => {
  it.each<[string, { given: string; options?: Partial<ImportOptions>; want: RegExp }]>([
    ['a missing file', { given: 'no-such-file.yaml', want: /no such file or folder/u }],
    ['a glob that matches nothing', { given: 'no-such-*.yaml', want: /no files match/u }],
    ['--event-type for a file with two events', { given: 'openapi-cas1-events.yaml', options: { eventType: 'a.b.c' }, want: /finds 2/u }],
    [
      '--event-type-map to a name that is not an event type',
      { given: 'openapi-cas1-events.yaml', options: { eventTypeMap: { X: 'Not A Type' } }, want: /is not an event type name/u },
    ],
  ])('%s', (_name, { given, options, want }) => {
    expect(() => dryRun(given, options)).toThrow(want);
    try {
      dryRun(given, options);
    } catch (error) {
      expect(error instanceof ConfigError || error instanceof UsageError).toBe(true);
    }
  });
});

describe('an OpenAPI document whose envelopes say no event type', () => {
  const transfers = {
    TransferRequestedEnvelope: 'transfers.transfer.requested',
    TransferApprovedEnvelope: 'transfers.transfer.approved',
    TransferRefusedEnvelope: 'transfers.transfer.refused',
  };

  it('names none of them without --event-type-map, each at its component', () => {
    const result = dryRun('openapi-transfers.yaml');
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.pointer}`)).toStrictEqual(
      Object.keys(transfers).map((component) => `event-type /components/schemas/${component}`),
    );
  });

  it('maps each component to its event type', () => {
    const result = dryRun('openapi-transfers.yaml', { eventTypeMap: transfers });
    expect(result.events.map((e) => [e.eventType, e.converted])).toStrictEqual(Object.values(transfers).map((t) => [t, true]));
  });

  it('warns about a map entry that names nothing', () => {
    const result = dryRun('openapi-transfers.yaml', { eventTypeMap: { ...transfers, TransferLostEnvelope: 'transfers.transfer.lost' } });
    expect(result.findings.filter((f) => f.severity === 'warning').map((f) => f.message)).toContainEqual(
      '--event-type-map TransferLostEnvelope=transfers.transfer.lost: no event in the files is typed or named TransferLostEnvelope',
    );
  });

  it('writes a definition several events use to _shared/ once, reuses an identical shared one, and keeps one used once in $defs', () => {
    const result = dryRun('openapi-transfers.yaml', { eventTypeMap: transfers });
    expect(result.shared.map((f) => f.path)).toStrictEqual(['schemas/_shared/person-reference.schema.json']);
    expect(JSON.parse(result.shared[0]?.content ?? '{}')).toMatchObject({
      $id: 'https://schemas.probation.justice.gov.uk/domain-events/_shared/person-reference.schema.json',
      title: 'PersonReference',
      type: 'object',
      additionalProperties: false,
      required: ['crn'],
    });
    const schemas = Object.fromEntries(
      result.events.map((e) => [e.eventType, JSON.parse(e.files.find((f) => f.path.endsWith('detail/v1.schema.json'))?.content ?? '{}')]),
    );
    for (const type of Object.values(transfers)) expect(schemas[type].properties.person).toStrictEqual({ $ref: '../../_shared/person-reference.schema.json' });
    expect(schemas['transfers.transfer.requested'].properties.requestedBy).toStrictEqual({ $ref: '../../_shared/staff-member.schema.json' });
    expect(schemas['transfers.transfer.approved'].properties.approvedBy).toStrictEqual({ $ref: '../../_shared/staff-member.schema.json' });
    expect(schemas['transfers.transfer.requested'].properties.toHostel).toStrictEqual({ $ref: '#/$defs/Hostel' });
    expect(Object.keys(schemas['transfers.transfer.requested'].$defs)).toStrictEqual(['Hostel']);
  });

  it("assembles each example with the shared definitions' examples, and leaves out optional fields the source gives none for", () => {
    const result = dryRun('openapi-transfers.yaml', { eventTypeMap: transfers });
    const requested = result.events.find((e) => e.eventType === 'transfers.transfer.requested');
    const example = JSON.parse(requested?.files.find((f) => f.path.endsWith('.assembled.valid.json'))?.content ?? '{}');
    expect(example).toStrictEqual({
      id: '00000000-0000-4000-8000-000000000000',
      timestamp: '2025-02-03T09:15:00Z',
      eventType: 'transfers.transfer.requested',
      eventDetails: {
        transferId: '5d0c2b7e-8a1f-4c3d-9e6b-2f4a8c1d7e90',
        person: { crn: 'X123456', noms: 'A1234BC' },
        requestedBy: { staffCode: 'N54A999', forenames: 'Sam', surname: 'Jones' },
        toHostel: { code: 'HST01', name: 'Elm House', beds: 12 },
      },
    });
  });
});

describe('HMPPS message specs: each defect has a treatment, and a finding at its pointer', () => {
  const data = '/payload/properties/additionalInformation';
  const one = (file: string, options: Partial<ImportOptions> = {}) => {
    const result = dryRun(file, options);
    const [event] = result.events;
    const schema = JSON.parse(event?.files.find((f) => f.path.endsWith('v1.schema.json'))?.content ?? '{}');
    const valid = JSON.parse(event?.files.find((f) => f.path.endsWith('.valid.json'))?.content ?? '{}');
    return { result, event, schema, valid, found: result.findings.map((f) => `${f.severity} ${f.code} ${f.pointer}`) };
  };

  it('reads a bare message object, in YAML and in JSON', () => {
    for (const file of ['messages/widget-registry-widget-retired.yaml', 'messages/widget-registry-widget-registered.json']) {
      const { result, event } = one(file);
      expect(result.sources.map((s) => s.kind)).toStrictEqual(['message']);
      expect(event?.converted).toBe(true);
    }
  });

  it('a property written as a bare string is any value, with a warning naming the converter defect', () => {
    const { schema, found, result } = one('messages/kit-store-item-returned.yaml');
    expect(schema.properties.conditionNote).toStrictEqual({});
    expect(found).toContain(`warning placeholder-property ${data}/properties/conditionNote`);
    expect(result.findings.find((f) => f.code === 'placeholder-property')?.message).toMatch(/the converter that wrote the spec/u);
  });

  it('a tuple of one schema is a list of it; an empty tuple is a list of any value', () => {
    const { schema, found } = one('messages/meal-planner-weekly-menu-published.json');
    expect(schema.properties.dietCodes).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(schema.properties.withdrawnDietCodes).toStrictEqual({ type: 'array' });
    expect(found).toEqual(
      expect.arrayContaining([`warning tuple-items ${data}/properties/dietCodes/items`, `warning tuple-items ${data}/properties/withdrawnDietCodes/items`]),
    );
  });

  it('a tuple whose entries differ only in their examples is a list of one schema', () => {
    const { result } = one('messages/kit-store-item-written-off.yaml');
    // The tuple is in personReference, which the envelope describes: converting the data is unaffected.
    expect(result.events[0]?.converted).toBe(true);
  });

  it('a two-part event type is kept as the producer sends it, with a notice', () => {
    const { event, found } = one('messages/bike-share-bike-docked.yaml');
    expect(event?.eventType).toBe('bike-share.bike-docked');
    expect(found).toContain('notice event-type ');
  });

  it('no additionalInformation is an event with no data, which a notification may leave out', () => {
    const { schema, found, valid } = one('messages/garden-plots-plot-surrendered.json');
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false, properties: {} });
    expect(found).toContain('warning no-data /payload');
    expect(valid.additionalInformation).toStrictEqual({});
  });

  it('properties nested twice are read one level up, at the payload and in the data', () => {
    expect(one('messages/hostel-beds-case-handed-over.yaml').found).toContain('warning nested-properties /payload/properties/properties');
    const { schema, found } = one('messages/sample-service-action-plan-agreed.yml');
    expect(found).toContain(`warning nested-properties ${data}/properties/properties`);
    expect(Object.keys(schema.properties).length).toBeGreaterThan(1);
    expect(schema.properties.properties).toBeUndefined();
  });

  it('a required name with no property is an optional property of any value: the object is never closed against it', () => {
    const { schema, found } = one('messages/sample-service-payment-adjusted.yaml');
    expect(found).toContain(`warning required-without-property ${data}/required/1`);
    expect(schema.properties.personNumber).toStrictEqual({ description: 'Named as required by the source spec, which gives no schema for it: any value.' });
    expect(schema.required).not.toContain('personNumber');
  });

  it('fixes examples whose type contradicts the schema where the meaning is plain, saying which', () => {
    const adjusted = one('messages/sample-service-payment-adjusted.yaml');
    expect(adjusted.schema.properties.paymentId.examples).toStrictEqual(['77104']);
    expect(adjusted.found).toContain(`warning example ${data}/properties/paymentId/example`);
    const cancelled = one('messages/sample-service-appointment-cancelled.json');
    expect(cancelled.schema.properties.appointmentId.examples).toStrictEqual([40021]);
    expect(cancelled.schema.properties.removedFromDiary.examples).toStrictEqual([true]);
    expect(cancelled.schema.properties.startsAt.examples).toStrictEqual(['2025-10-10T09:30:00Z']);
  });

  it('drops an example it cannot fix, saying so', () => {
    const { result } = one('defects/sample-service-contact-approved.json');
    expect(result.findings.find((f) => f.code === 'example' && f.pointer.endsWith('/previouslyBarred/example'))?.message).toMatch(/; dropped$/u);
  });

  it('refuses a const that contradicts its type, at the pointer', () => {
    const { event, found } = one('defects/sample-service-contact-approved.json');
    expect(event?.converted).toBe(false);
    expect(found).toContain(`error contradiction ${data}/properties/approved/const`);
  });

  it('writes an occurredAt without an offset as UTC, so the example is one readers accept', () => {
    const { valid, found } = one('messages/parcel-desk-parcel-collected.yaml');
    expect(valid.occurredAt).toMatch(/Z$/u);
    expect(found).toContain('warning example /payload/properties/occurredAt');
    expect(found).toContain('warning version /payload/properties/version');
  });

  it('keeps an unanchored pattern as written, with a notice', () => {
    const { schema, found } = one('messages/sample-service-appointment-cancelled.json');
    expect(found).toContain(`notice pattern ${data}/properties/roomCode/pattern`);
    expect(schema.properties.roomCode.pattern).not.toMatch(/^\^/u);
  });

  it('an event type the naming rule refuses is named in the error, and --event-type-map renames it', () => {
    const refused = one('defects/library-loans-loan-extension-granted.yaml');
    expect(refused.result.findings[0]?.message).toMatch(/"library-loans.loanExtension.granted" is not an event type name/u);
    const mapped = one('defects/library-loans-loan-extension-granted.yaml', {
      eventTypeMap: { 'library-loans.loanExtension.granted': 'library-loans.loan-extension.granted' },
    });
    expect(mapped.event).toMatchObject({ eventType: 'library-loans.loan-extension.granted', converted: true });
  });

  it('every imported event has a valid example and an invalid twin of it', () => {
    const { event } = one('messages/widget-registry-widget-registered.json');
    expect(event?.files.map((f) => f.path.split('/').pop())).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^notification\.v1\.[a-z-]+\.valid\.json$/u),
        expect.stringMatching(/^notification\.v1\.[a-z-]+\.invalid\.json$/u),
      ]),
    );
  });
});
