/**
 * The lint rules of `check`, each on a copy of the catalogue broken one way.
 * Only lint findings are compared; the evolution findings the same edits
 * cause are covered in test/compat/check/evolution.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../../src/compat/check/registry.js';
import { brief, type CatalogueCopy, catalogueCopy, checkAgainstRepo } from '../support/catalogue-copy.js';

const LINT: ReadonlySet<string> = new Set(LINT_RULES.map((rule) => rule.code));
const SENT = 'schemas/intervention.referral.sent';
const ASSESSED = 'schemas/approved-premises.application.assessed';
type Json = Record<string, unknown>;
const props = (json: Json) => json.properties as Record<string, Json>;

const cases: [string, { given: (copy: CatalogueCopy) => void; want: string[] }][] = [
  ['the catalogue as it is', { given: () => undefined, want: [] }],
  [
    'required without a property (in a closed object, no document is valid, so neither is the valid example)',
    {
      given: (c) => c.editJson(`${SENT}/notification/v1.schema.json`, (s) => (s.required = ['referralId', 'referralUrl'])),
      want: [
        `example-invalid ${SENT}/examples/notification.v1.referral-sent.valid.json#/additionalInformation/referralUrl`,
        `required-without-property ${SENT}/notification/v1.schema.json#/required/1`,
      ],
    },
  ],
  [
    // In a definition no example uses: examples are judged with the envelope, so one they use would make them invalid too.
    'required without a property, nested in $defs',
    {
      given: (c) => c.editJson('schemas/envelope.schema.json', (s) => (((s.$defs as Json).pncIdentifier as Json).required = ['type', 'value', 'ghost'])),
      want: ['required-without-property schemas/envelope.schema.json#/$defs/pncIdentifier/required/2'],
    },
  ],
  [
    'unsupported keywords, each listed',
    {
      given: (c) =>
        c.editJson(`${SENT}/notification/v1.schema.json`, (s) => {
          props(s).referralId = { type: 'string', oneOf: [{ format: 'uuid' }] };
          s.patternProperties = {};
        }),
      want: [
        `unsupported-keyword ${SENT}/notification/v1.schema.json#/patternProperties`,
        `unsupported-keyword ${SENT}/notification/v1.schema.json#/properties/referralId/oneOf`,
      ],
    },
  ],
  [
    'a version without an invalid example',
    { given: (c) => c.remove(`${SENT}/examples/notification.v1.referral-id-not-a-uuid.invalid.json`), want: [`missing-examples ${SENT}/examples`] },
  ],
  [
    'a version without any example',
    {
      given: (c) => {
        for (const name of ['accepted.valid', 'nullable-values-null.valid', 'rejected.valid', 'assessed-at-without-offset.invalid'])
          c.remove(`${ASSESSED}/examples/detail.v2.${name}.json`);
      },
      want: [`missing-examples ${ASSESSED}/examples`, `missing-examples ${ASSESSED}/examples`],
    },
  ],
  [
    'a valid example the schema rejects',
    {
      given: (c) =>
        c.editJson(`${SENT}/examples/notification.v1.referral-sent.valid.json`, (e) => ((e.additionalInformation as Json).referralId = 'not-a-uuid')),
      want: [`example-invalid ${SENT}/examples/notification.v1.referral-sent.valid.json#/additionalInformation/referralId`],
    },
  ],
  [
    'a valid notification example labelled with another version',
    {
      given: (c) => c.editJson(`${SENT}/examples/notification.v1.referral-sent.valid.json`, (e) => (e.version = 2)),
      want: [`example-invalid ${SENT}/examples/notification.v1.referral-sent.valid.json#/version`],
    },
  ],
  [
    'a valid detail example labelled with another version (in its file name: a detail document carries none)',
    {
      given: (c) => {
        c.write(`${ASSESSED}/examples/detail.v1.accepted.valid.json`, c.read(`${ASSESSED}/examples/detail.v2.accepted.valid.json`));
      },
      want: [`example-invalid ${ASSESSED}/examples/detail.v1.accepted.valid.json#/eventDetails/assessmentId`],
    },
  ],
  [
    'a valid notification example whose occurredAt has no offset (the envelope requires RFC 3339 with one, as safeParse does)',
    {
      given: (c) => c.editJson(`${SENT}/examples/notification.v1.referral-sent.valid.json`, (e) => (e.occurredAt = '2025-01-02T10:00:00')),
      want: [`example-invalid ${SENT}/examples/notification.v1.referral-sent.valid.json#/occurredAt`],
    },
  ],
  [
    'a valid notification example with a person identifier readers refuse (the CRN "null")',
    {
      given: (c) =>
        c.editJson(`${SENT}/examples/notification.v1.referral-sent.valid.json`, (e) => (e.personReference = { identifiers: [{ type: 'CRN', value: 'null' }] })),
      want: [`example-invalid ${SENT}/examples/notification.v1.referral-sent.valid.json#/personReference/identifiers/0/value`],
    },
  ],
  [
    'a valid detail example whose timestamp is not a date-time with an offset (as safeParseDetail requires)',
    {
      given: (c) => c.editJson(`${ASSESSED}/examples/detail.v2.accepted.valid.json`, (e) => (e.timestamp = '2026-07-28 15:20')),
      want: [`example-invalid ${ASSESSED}/examples/detail.v2.accepted.valid.json#/timestamp`],
    },
  ],
  [
    'a valid detail example without its id',
    {
      given: (c) => c.editJson(`${ASSESSED}/examples/detail.v2.accepted.valid.json`, (e) => delete e.id),
      want: [`example-invalid ${ASSESSED}/examples/detail.v2.accepted.valid.json#/id`],
    },
  ],
  [
    'valid examples as real producers write them, which readers accept: version null (read as 1), a lower-case CRN, "Unknown NOMS Number"',
    {
      given: (c) =>
        c.editJson(`${SENT}/examples/notification.v1.referral-sent.valid.json`, (e) => {
          e.version = null;
          e.occurredAt = '2025-01-02T10:00:00+01:00';
          e.personReference = {
            identifiers: [
              { type: 'CRN', value: ' x320741 ' },
              { type: 'NOMS', value: 'Unknown NOMS Number' },
            ],
          };
        }),
      want: [],
    },
  ],
  [
    'an invalid example that readers accept (the envelope and the data are both valid)',
    {
      given: (c) =>
        c.write(`${SENT}/examples/notification.v1.referral-id-not-a-uuid.invalid.json`, c.read(`${SENT}/examples/notification.v1.referral-sent.valid.json`)),
      want: [`example-invalid ${SENT}/examples/notification.v1.referral-id-not-a-uuid.invalid.json`],
    },
  ],
  [
    'an invalid example whose only fault is in the envelope',
    {
      given: (c) =>
        c.write(
          `${SENT}/examples/notification.v1.referral-id-not-a-uuid.invalid.json`,
          c.read(`${SENT}/examples/notification.v1.referral-sent.valid.json`).replace('14:22:05.318274Z', '14:22:05.318274'),
        ),
      want: [],
    },
  ],
  [
    'a title that breaks the naming',
    {
      given: (c) => c.editJson(`${ASSESSED}/detail/v2.schema.json`, (s) => (s.title = 'AssessedV2')),
      want: [`naming ${ASSESSED}/detail/v2.schema.json#/title`],
    },
  ],
  [
    'a title that names the wrong contract',
    {
      given: (c) => c.editJson(`${ASSESSED}/detail/v2.schema.json`, (s) => (s.title = 'Cas1ApplicationAssessedNotificationV2')),
      want: [`naming ${ASSESSED}/detail/v2.schema.json#/title`],
    },
  ],
  [
    'a name used twice',
    {
      given: (c) => c.editJson(`${SENT}/notification/v1.schema.json`, (s) => (s.title = 'Cas1StaffMemberNotificationV1')),
      want: [`naming ${SENT}/notification/v1.schema.json#/title`],
    },
  ],
  [
    'a $defs title that cannot name a type and its validator',
    {
      given: (c) => c.editJson('schemas/envelope.schema.json', (s) => (((s.$defs as Json).crnIdentifier as Json).title = 'CRN identifier')),
      want: ['naming schemas/envelope.schema.json#/$defs/crnIdentifier/title'],
    },
  ],
  [
    'an event type name that is not one',
    { given: (c) => c.write('schemas/Intervention.Thing/notification/v1.schema.json', '{}'), want: ['naming schemas/Intervention.Thing'] },
  ],
  ['metadata missing', { given: (c) => c.editJson(`${SENT}/event.json`, (m) => delete m.owner), want: [`metadata-missing ${SENT}/event.json#/owner`] }],
  [
    'a contract that names no producer file it was modelled from',
    {
      given: (c) => c.editJson(`${ASSESSED}/event.json`, (m) => delete (m.source as Json).detail),
      want: [`metadata-missing ${ASSESSED}/event.json#/source/detail`],
    },
  ],
  [
    'no source at all, in a draft (which may leave it out) and in an active type',
    {
      given: (c) => {
        c.editJson(`${SENT}/event.json`, (m) => {
          delete m.source;
          m.status = 'draft';
        });
        c.editJson(`${ASSESSED}/event.json`, (m) => delete m.source);
      },
      want: [`metadata-missing ${ASSESSED}/event.json#/source/detail`, `metadata-missing ${ASSESSED}/event.json#/source/notification`],
    },
  ],
  [
    'a placeholder left in',
    { given: (c) => c.editJson(`${SENT}/event.json`, (m) => (m.owner = 'TODO: the owning team')), want: [`metadata-missing ${SENT}/event.json#/owner`] },
  ],
  [
    'a version gap, copied without its $id and title',
    {
      given: (c) => c.write(`${SENT}/notification/v3.schema.json`, c.read(`${SENT}/notification/v1.schema.json`)),
      want: [
        `missing-examples ${SENT}/examples`,
        `missing-examples ${SENT}/examples`,
        `version-gap ${SENT}/notification/v3.schema.json`,
        `schema-id ${SENT}/notification/v3.schema.json#/$id`,
        `naming ${SENT}/notification/v3.schema.json#/title`,
      ],
    },
  ],
  [
    'a $ref that resolves to nothing',
    {
      given: (c) => c.editJson(`${SENT}/notification/v1.schema.json`, (s) => (props(s).referralId = { $ref: '../../_shared/referral.schema.json' })),
      want: [`invalid-schema ${SENT}/notification/v1.schema.json#/properties/referralId/$ref`],
    },
  ],
  [
    'a nested $id with a $ref inside, a $ref to #, a $ref to an anchor and dependencies, each as unsupported (not as an invalid schema); a nested $id with no $ref inside is let be',
    {
      given: (c) =>
        c.editJson(`${SENT}/notification/v1.schema.json`, (s) => {
          props(s).note = { $id: 'note.json', type: 'object', properties: { at: { $ref: '#/$defs/moment' } } };
          props(s).plain = { $id: 'plain.json', type: 'string' };
          props(s).next = { $ref: '#' };
          props(s).at = { $ref: '#when' };
          s.$defs = { moment: { $anchor: 'when', type: 'string' } };
          s.dependencies = { note: ['at'] };
        }),
      want: [
        `unsupported-keyword ${SENT}/notification/v1.schema.json#/$defs/moment/$anchor`,
        `unsupported-keyword ${SENT}/notification/v1.schema.json#/dependencies`,
        `unsupported-keyword ${SENT}/notification/v1.schema.json#/properties/at/$ref`,
        `unsupported-keyword ${SENT}/notification/v1.schema.json#/properties/next/$ref`,
        `unsupported-keyword ${SENT}/notification/v1.schema.json#/properties/note/$id`,
      ],
    },
  ],
];

describe('check: lint', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const copy = catalogueCopy();
    given(copy);
    const lint = checkAgainstRepo(copy).findings.filter((f) => LINT.has(f.code));
    expect(brief(lint)).toEqual(want);
  });
});
