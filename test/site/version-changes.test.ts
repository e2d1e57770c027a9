/** What the site says changed between versions: the engine's verdict in words, the fields, and the upcast. */
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { Catalogue } from '../../src/catalogue/model.js';
import { indexCatalogue } from '../../src/schema/catalogue-index.js';
import { type FieldRow, fieldRows } from '../../src/site/fields.js';
import { fieldChanges, versionChanges } from '../../src/site/version-changes.js';
import { historyOf, repoCatalogue } from '../support/repo.js';
import { tempRepo, writeEventType } from '../support/temp-repo.js';

/**
 * No real contract has a backward-only step any more (booking.made v2 now
 * requires its list), so a temporary catalogue holds one: a detail contract
 * whose v2 adds an optional list to v1's closed object.
 */
const LIST_ADDED = 'test.list.added';
const temp = tempRepo();
afterAll(() => temp.remove());
writeEventType(
  temp,
  LIST_ADDED,
  [
    { title: 'ListAddedDetailV1', type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string' } } },
    {
      title: 'ListAddedDetailV2',
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: { id: { type: 'string' }, characteristics: { type: 'array', items: { type: 'string' } } },
    },
  ],
  {
    2: {
      $schema: '../../_meta/upcast.schema.json',
      kind: 'transform',
      description: 'Version 1 recorded no characteristics.',
      operations: [{ op: 'add', path: '/characteristics', value: [] }],
    },
  },
  'detail',
);

function loaded(root: string): Catalogue {
  const { catalogue, problems } = loadCatalogue(root);
  if (problems.length > 0) throw new Error(`the temporary catalogue has problems: ${JSON.stringify(problems, null, 2)}`);
  return catalogue;
}

const catalogues = [repoCatalogue(), loaded(temp.root)].map((catalogue) => ({ catalogue, documents: indexCatalogue(catalogue).all }));

function changesOf(type: string) {
  for (const { catalogue, documents } of catalogues) {
    const event = catalogue.events.find((e) => e.type === type);
    if (!event) continue;
    const contract = historyOf(event);
    return versionChanges(contract, documents, new Map(contract.versions.map((v) => [v.version, fieldRows(v.schema, documents)])));
  }
  throw new Error(`no ${type}`);
}

describe('versionChanges on the catalogue', () => {
  it.each<[string, { given: string; want: { compatibility: string; added: string[]; changed: string[]; upcast: string; forwardBreak: boolean } }]>([
    [
      'booking.cancelled: new required fields; old readers keep them, so forward compatible only',
      {
        given: 'approved-premises.booking.cancelled',
        want: {
          compatibility: 'forward',
          added: ['cancelledAtDate', 'cancellationRecordedAt', 'appealChangeRequestId'],
          changed: ['cancelledAt'],
          upcast: 'transform',
          forwardBreak: false,
        },
      },
    ],
    [
      'an optional list added to a closed object is compatible both ways: old readers keep it',
      {
        given: LIST_ADDED,
        want: { compatibility: 'full', added: ['characteristics'], changed: [], upcast: 'transform', forwardBreak: false },
      },
    ],
    [
      'booking.made: a list v1 held only as null, now required, and fields that were always null filled in: neither way',
      {
        given: 'approved-premises.booking.made',
        want: {
          compatibility: 'none',
          added: [],
          changed: ['characteristics', 'transferReason', 'transferredFrom', 'additionalInformation', 'personTier'],
          upcast: 'transform',
          forwardBreak: true,
        },
      },
    ],
    [
      'request-for-placement.created: meaning only, the same shape',
      {
        given: 'approved-premises.request-for-placement.created',
        want: { compatibility: 'full', added: [], changed: [], upcast: 'meaning-only', forwardBreak: false },
      },
    ],
    [
      'person.departed: a new required field, with a typed upcaster',
      {
        given: 'approved-premises.person.departed',
        want: { compatibility: 'forward', added: ['recordedBy', 'personTier'], changed: [], upcast: 'typed', forwardBreak: false },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const { steps, forwardBreaks } = changesOf(given);
    expect(steps).toHaveLength(1);
    const [step] = steps as [(typeof steps)[0]];
    expect(step.compatibility).toBe(want.compatibility);
    expect(step.added.filter((r) => r.depth === 0).map((r) => r.path)).toEqual(want.added);
    expect(step.changed.map((c) => c.path)).toEqual(want.changed);
    expect(step.upcast?.kind).toBe(want.upcast);
    expect(forwardBreaks.length > 0).toBe(want.forwardBreak);
    expect(step.backwardReasons.length === 0).toBe(want.compatibility === 'full' || want.compatibility === 'backward');
    expect(step.forwardReasons.length === 0).toBe(want.compatibility === 'full' || want.compatibility === 'forward');
  });

  it('words each direction plainly', () => {
    const [step] = changesOf('approved-premises.booking.made').steps;
    expect(step?.headline).toBe('Not compatible either way');
    expect(step?.backward).toMatch(/^Not backward compatible — some v1 data is not valid under v2, so v1 events are upcast to v2 when read\.$/u);
    expect(step?.forward).toMatch(/^Not forward compatible — consumers must upgrade before producers send v2/u);
  });

  it('has no steps for an event type with one version', () => {
    expect(changesOf('intervention.referral.sent')).toEqual({ steps: [], forwardBreaks: [] });
  });
});

describe('fieldChanges', () => {
  const row = (path: string, more: Partial<FieldRow> = {}): FieldRow => ({ path, depth: 0, type: 'string', required: false, deprecated: false, ...more });
  it.each<[string, { older: FieldRow[]; newer: FieldRow[]; want: ReturnType<typeof fieldChanges> }]>([
    ['nothing changed', { older: [row('a')], newer: [row('a')], want: { added: [], removed: [], changed: [] } }],
    ['added and removed', { older: [row('a')], newer: [row('b')], want: { added: [row('b')], removed: [row('a')], changed: [] } }],
    [
      'required, type and deprecation',
      {
        older: [row('a')],
        newer: [row('a', { required: true, type: 'integer', deprecated: true })],
        want: { added: [], removed: [], changed: [{ path: 'a', changes: ['now required', 'type string → integer', 'deprecated'] }] },
      },
    ],
    [
      'values added and removed',
      {
        older: [row('a', { values: ['x', 'y'] })],
        newer: [row('a', { values: ['y', 'z'] })],
        want: { added: [], removed: [], changed: [{ path: 'a', changes: ['values added: "z"; values removed: "x"'] }] },
      },
    ],
    [
      'a list of values lifted',
      {
        older: [row('a', { values: ['x'] })],
        newer: [row('a')],
        want: { added: [], removed: [], changed: [{ path: 'a', changes: ['no longer limited to listed values'] }] },
      },
    ],
    [
      'the same path in another anyOf branch is a different field',
      {
        older: [row('a', { variant: 'A' })],
        newer: [row('a', { variant: 'B' })],
        want: { added: [row('a', { variant: 'B' })], removed: [row('a', { variant: 'A' })], changed: [] },
      },
    ],
  ])('%s', (_name, { older, newer, want }) => {
    expect(fieldChanges(older, newer)).toEqual(want);
  });
});
