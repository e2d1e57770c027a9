/**
 * The evolution rules of `check`, each on a copy of the catalogue edited one
 * way and compared with the repository's own catalogue as the baseline.
 */
import { describe, expect, it } from 'vitest';
import type { BumpLevel } from '../../../src/compat/check/bump.js';
import { referenceValidator } from '../../support/ajv.js';
import { brief, type CatalogueCopy, catalogueCopy, changeset, checkAgainstRepo } from '../../support/catalogue-copy.js';
import { repoCatalogue } from '../../support/repo.js';

const CANCELLED = 'schemas/approved-premises.booking.cancelled';
const MADE = 'schemas/approved-premises.booking.made';
/** An event type with a notification contract only. */
const SENT = 'schemas/intervention.referral.sent';
type Json = Record<string, unknown>;
const ajv = referenceValidator(repoCatalogue());
const props = (json: Json) => json.properties as Record<string, Json>;

/**
 * Adds v3 of booking.cancelled's detail contract: a copy of v2 with its own
 * $id and title, edited by `change`, and v2's examples as v3's (a detail
 * document's version is in its file name only).
 */
function addV3(copy: CatalogueCopy, change: (json: Json) => void = () => undefined): void {
  const v2 = JSON.parse(copy.read(`${CANCELLED}/detail/v2.schema.json`)) as Json;
  v2.$id = String(v2.$id).replace('detail/v2.schema.json', 'detail/v3.schema.json');
  v2.title = 'Cas1BookingCancelledDetailV3';
  change(v2);
  copy.write(`${CANCELLED}/detail/v3.schema.json`, JSON.stringify(v2));
  copy.write(`${CANCELLED}/examples/detail.v3.cancelled.valid.json`, copy.read(`${CANCELLED}/examples/detail.v2.cancelled.valid.json`));
  copy.write(
    `${CANCELLED}/examples/detail.v3.missing-cancelled-at-date.invalid.json`,
    copy.read(`${CANCELLED}/examples/detail.v2.missing-cancelled-at-date.invalid.json`),
  );
}

/** v3 requires a category and a channel that v2 never had; v3's valid example has both. */
function addV3WithTwoRequiredFields(copy: CatalogueCopy): void {
  addV3(copy, (s) => {
    props(s).cancellationCategory = { enum: ['recall', 'withdrawn', 'other'] };
    props(s).cancellationChannel = { enum: ['phone', 'email', 'unknown'] };
    (s.required as string[]).push('cancellationCategory', 'cancellationChannel');
  });
  copy.editJson(`${CANCELLED}/examples/detail.v3.cancelled.valid.json`, (e) =>
    Object.assign(e.eventDetails as Json, { cancellationCategory: 'recall', cancellationChannel: 'phone' }),
  );
}

const upcast = (kind: string, operations?: unknown[]) =>
  JSON.stringify({ $schema: '../../_meta/upcast.schema.json', kind, description: 'How v2 data becomes v3 data.', ...(operations ? { operations } : {}) });

interface Case {
  readonly given: (copy: CatalogueCopy) => void;
  readonly want: { readonly findings: readonly string[]; readonly bump: BumpLevel };
}

const cases: [string, Case][] = [
  ['nothing changed', { given: () => undefined, want: { findings: [], bump: 'none' } }],
  [
    'a released version edited',
    {
      given: (c) => {
        c.editJson(`${CANCELLED}/detail/v1.schema.json`, (s) => Object.assign(props(s).cancellationReason as Json, { maxLength: 200 }));
        c.write('.changeset/edit.md', changeset('major'));
      },
      want: { findings: [`released-version-changed ${CANCELLED}/detail/v1.schema.json#/properties/cancellationReason/maxLength`], bump: 'major' },
    },
  ],
  [
    'a released notification version edited',
    {
      given: (c) => {
        c.editJson(`${SENT}/notification/v1.schema.json`, (s) => Object.assign(props(s).referralId as Json, { maxLength: 36 }));
        c.write('.changeset/edit.md', changeset('major'));
      },
      want: { findings: [`released-version-changed ${SENT}/notification/v1.schema.json#/properties/referralId/maxLength`], bump: 'major' },
    },
  ],
  [
    'a shared definition edited, used by released versions',
    {
      given: (c) => {
        c.editJson('schemas/_shared/cas1-staff-member.schema.json', (s) => ((props(s).staffCode as Json).maxLength = 20));
        c.write('.changeset/edit.md', changeset('major'));
      },
      want: { findings: ['released-version-changed schemas/_shared/cas1-staff-member.schema.json#/properties/staffCode/maxLength'], bump: 'major' },
    },
  ],
  [
    'annotations only, with a patch changeset',
    {
      given: (c) => {
        c.editJson(`${CANCELLED}/detail/v1.schema.json`, (s) => {
          s.description = 'Reworded.';
          Object.assign(props(s).cancellationReason as Json, { description: 'Why.', examples: ['Recalled'], deprecated: true });
        });
        c.write('.changeset/words.md', changeset('patch'));
      },
      want: { findings: [], bump: 'patch' },
    },
  ],
  [
    'annotations only, with no changeset',
    {
      given: (c) => c.editJson(`${CANCELLED}/event.json`, (s) => (s.description = 'Reworded.')),
      want: { findings: ['changeset-missing .changeset'], bump: 'patch' },
    },
  ],
  [
    'a version removed',
    {
      given: (c) => {
        for (const f of [
          'detail/v2.schema.json',
          'detail/v2.upcast.json',
          'examples/detail.v2.booking-made.valid.json',
          'examples/detail.v2.characteristic-not-in-enum.invalid.json',
          'examples/detail.v2.nullable-values-null.valid.json',
          'examples/detail.v2.stored-early-2025.valid.json',
          'examples/detail.v2.transfer.valid.json',
        ])
          c.remove(`${MADE}/${f}`);
        c.write('.changeset/x.md', changeset('major'));
      },
      want: { findings: [`version-removed ${MADE}/detail/v2.schema.json`], bump: 'major' },
    },
  ],
  [
    'an event type removed',
    {
      given: (c) => {
        c.remove(MADE);
        c.write('.changeset/x.md', changeset('major'));
      },
      want: { findings: [`event-type-removed ${MADE}`], bump: 'major' },
    },
  ],
  [
    'a new version compatible with the last, no upcast needed',
    {
      given: (c) => {
        addV3(c);
        c.write('.changeset/v3.md', changeset('minor'));
      },
      want: { findings: [], bump: 'minor' },
    },
  ],
  [
    'a new version that allows null where the last did not: old readers reject it, so a warning',
    {
      given: (c) => {
        addV3(c, (s) => (props(s).deliusEventNumber = { ...props(s).deliusEventNumber, type: ['string', 'null'] }));
        c.write('.changeset/v3.md', changeset('minor'));
      },
      want: { findings: [`not-forward-compatible ${CANCELLED}/detail/v3.schema.json`], bump: 'minor' },
    },
  ],
  [
    'a new version not backward compatible, without an upcast',
    {
      given: (c) => {
        addV3(c, (s) => (props(s).cancellationReason = { type: 'string', minLength: 1, maxLength: 50 }));
        c.write('.changeset/v3.md', changeset('minor'));
      },
      want: {
        findings: [`upcaster-required ${CANCELLED}/detail/v3.upcast.json`],
        bump: 'minor',
      },
    },
  ],
  [
    'a new version not backward compatible, with a meaning-only upcast',
    {
      given: (c) => {
        addV3(c, (s) => (props(s).cancellationReason = { type: 'string', minLength: 1, maxLength: 50 }));
        c.write(`${CANCELLED}/detail/v3.upcast.json`, upcast('meaning-only'));
        c.write('.changeset/v3.md', changeset('minor'));
      },
      want: {
        findings: [`upcaster-required ${CANCELLED}/detail/v3.upcast.json`],
        bump: 'minor',
      },
    },
  ],
  [
    'a new version not backward compatible, with an empty transform',
    {
      given: (c) => {
        addV3(c, (s) => (props(s).cancellationReason = { type: 'string', minLength: 1, maxLength: 50 }));
        c.write(`${CANCELLED}/detail/v3.upcast.json`, upcast('transform', []));
        c.write('.changeset/v3.md', changeset('minor'));
      },
      want: {
        findings: [`upcaster-required ${CANCELLED}/detail/v3.upcast.json`],
        bump: 'minor',
      },
    },
  ],
  [
    'a new version not backward compatible, with a typed upcaster',
    {
      given: (c) => {
        addV3(c, (s) => (props(s).cancellationReason = { type: 'string', minLength: 1, maxLength: 50 }));
        c.write(`${CANCELLED}/detail/v3.upcast.json`, upcast('typed'));
        c.write('.changeset/v3.md', changeset('minor'));
      },
      want: { findings: [], bump: 'minor' },
    },
  ],
  [
    'a new version that requires two new fields, with an upcast that fills one',
    {
      given: (c) => {
        addV3WithTwoRequiredFields(c);
        c.write(`${CANCELLED}/detail/v3.upcast.json`, upcast('transform', [{ op: 'add', path: '/cancellationCategory', value: 'other' }]));
        c.write('.changeset/v3.md', changeset('minor'));
      },
      want: { findings: [`upcaster-invalid ${CANCELLED}/detail/v3.upcast.json#/operations`], bump: 'minor' },
    },
  ],
  [
    'a new version that requires two new fields, with an upcast that fills both',
    {
      given: (c) => {
        addV3WithTwoRequiredFields(c);
        c.write(
          `${CANCELLED}/detail/v3.upcast.json`,
          upcast('transform', [
            { op: 'add', path: '/cancellationCategory', value: 'other' },
            { op: 'add', path: '/cancellationChannel', value: 'unknown' },
          ]),
        );
        c.write('.changeset/v3.md', changeset('minor'));
      },
      want: { findings: [], bump: 'minor' },
    },
  ],
  [
    'an upcast that fills a new field with a value the new version does not allow',
    {
      given: (c) => {
        addV3WithTwoRequiredFields(c);
        c.write(
          `${CANCELLED}/detail/v3.upcast.json`,
          upcast('transform', [
            { op: 'add', path: '/cancellationCategory', value: 'other' },
            { op: 'add', path: '/cancellationChannel', value: 'post' },
          ]),
        );
        c.write('.changeset/v3.md', changeset('minor'));
      },
      want: { findings: [`upcaster-invalid ${CANCELLED}/detail/v3.upcast.json`], bump: 'minor' },
    },
  ],
  [
    'a released upcast edited so that it no longer fills a required field',
    {
      given: (c) => {
        c.editJson(`${CANCELLED}/detail/v2.upcast.json`, (u) => (u.operations = (u.operations as Json[]).filter((o) => o.op !== 'add')));
        c.write('.changeset/upcast.md', changeset('patch'));
      },
      want: { findings: [`upcaster-invalid ${CANCELLED}/detail/v2.upcast.json#/operations`], bump: 'patch' },
    },
  ],
  [
    'a new version with a patch changeset',
    {
      given: (c) => {
        addV3(c);
        c.write('.changeset/v3.md', changeset('patch'));
      },
      want: { findings: ['changeset-bump-too-small .changeset/v3.md'], bump: 'minor' },
    },
  ],
  [
    'a changeset changesets cannot read',
    {
      given: (c) => {
        addV3(c);
        c.write('.changeset/v3.md', 'minor, please');
      },
      want: {
        findings: ['changeset-missing .changeset', 'changeset-invalid .changeset/v3.md'],
        bump: 'minor',
      },
    },
  ],
  [
    'a changeset for another package only',
    {
      given: (c) => {
        addV3(c);
        c.write('.changeset/v3.md', '---\n"other-package": major\n---\n\nx\n');
      },
      want: { findings: ['changeset-missing .changeset'], bump: 'minor' },
    },
  ],
  [
    'the envelope narrowed',
    {
      given: (c) => {
        c.editJson('schemas/envelope.schema.json', (s) => (props(s).requestId = { type: 'string', minLength: 1, maxLength: 100 }));
        c.write('.changeset/envelope.md', changeset('minor'));
      },
      want: { findings: ['changeset-bump-too-small .changeset/envelope.md'], bump: 'major' },
    },
  ],
  [
    'a released version rewritten to accept exactly the same documents',
    {
      given: (c) => {
        c.editJson(
          `${CANCELLED}/detail/v1.schema.json`,
          (s) => (props(s).cancelledBy = JSON.parse(c.read('schemas/_shared/cas1-staff-member.schema.json')) as Json),
        );
        c.write('.changeset/same.md', changeset('patch'));
      },
      want: { findings: [], bump: 'patch' },
    },
  ],
];

describe('check: evolution', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const copy = catalogueCopy();
    given(copy);
    const result = checkAgainstRepo(copy);
    expect(brief(result.findings)).toEqual(want.findings);
    expect(result.bump.required).toBe(want.bump);
  });

  it.each([
    ['detail', `${CANCELLED}/detail/v1.schema.json`, 'cancellationReason', 'approved-premises.booking.cancelled'],
    ['notification', `${SENT}/notification/v1.schema.json`, 'referralId', 'intervention.referral.sent'],
  ])('names the JSON Pointer, the change and what to do instead (%s contract)', (contract, file, property, type) => {
    const copy = catalogueCopy();
    copy.editJson(file, (s) => Object.assign(props(s)[property] as Json, { maxLength: 200 }));
    const [finding] = checkAgainstRepo(copy).findings.filter((f) => f.code === 'released-version-changed');
    expect(finding?.message).toMatch(
      new RegExp(
        `^"maxLength" added: 200 \\(the change is forward compatible only.*\\); released version ${type.replaceAll('.', '\\.')}/${contract} v1 must not change`,
        'u',
      ),
    );
    expect(finding?.message).toContain(`domain-events bump ${type} --contract ${contract}`);
  });

  it('names every released version a shared file change reaches, once', () => {
    const copy = catalogueCopy();
    copy.editJson('schemas/_shared/cas1-premises.schema.json', (s) => ((props(s).name as Json).maxLength = 100));
    const findings = checkAgainstRepo(copy).findings.filter((f) => f.code === 'released-version-changed');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('approved-premises.booking.cancelled/detail v1, approved-premises.booking.cancelled/detail v2');
  });

  it('names the step, the JSON Pointer of the field an upcast leaves out, and a counterexample', () => {
    const copy = catalogueCopy();
    addV3WithTwoRequiredFields(copy);
    copy.write(`${CANCELLED}/detail/v3.upcast.json`, upcast('transform', [{ op: 'add', path: '/cancellationCategory', value: 'other' }]));
    const [finding] = checkAgainstRepo(copy).findings.filter((f) => f.code === 'upcaster-invalid');
    expect(finding?.message).toMatch(
      /^approved-premises\.booking\.cancelled\/detail v2 → v3 does not make valid v3 data: \/cancellationChannel is required in the new version, but no operation fills it; for example, from the valid v2 data \{"personReference":/u,
    );
    const counterexample = finding?.counterexample;
    expect(counterexample?.step).toEqual({ eventType: 'approved-premises.booking.cancelled', contract: 'detail', from: 2, to: 3 });
    expect(counterexample?.path).toBe('/cancellationChannel');
    expect(counterexample?.output).toMatchObject({ cancellationCategory: 'other' });
    expect(counterexample?.output).not.toHaveProperty('cancellationChannel');
    // The counterexample is valid v2 data, as Ajv judges it.
    const v2 = ajv.getSchema(String(JSON.parse(copy.read(`${CANCELLED}/detail/v2.schema.json`)).$id));
    expect(v2?.(counterexample?.input)).toBe(true);
    expect(finding?.message).toContain(JSON.stringify(counterexample?.input));
  });

  it('lists why an upcaster is needed', () => {
    const copy = catalogueCopy();
    addV3(copy, (s) => {
      props(s).cancellationCategory = { enum: ['recall', 'withdrawn'] };
      (s.required as string[]).push('cancellationCategory');
    });
    const [finding] = checkAgainstRepo(copy).findings.filter((f) => f.code === 'upcaster-required');
    expect(finding?.message).toContain(
      'v3 is not backward compatible with v2: v3 requires "cancellationCategory", v2 does not (at /properties/cancellationCategory)',
    );
  });
});
