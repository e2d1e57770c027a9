/**
 * event.json and vN.upcast.json are checked in code by zod and described for
 * other tools by schemas/_meta/*.schema.json. The two must give the same
 * answers: on every file in the catalogue, and on broken variants of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEventMetadata, checkUpcastDeclaration } from '../../src/catalogue/metadata.js';
import { referenceValidator } from '../support/ajv.js';
import { ROOT, repoCatalogue } from '../support/repo.js';

const catalogue = repoCatalogue();
const ajv = referenceValidator(catalogue);
for (const name of readdirSync(join(ROOT, 'schemas/_meta'))) ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schemas/_meta', name), 'utf8')));
const META = 'https://schemas.probation.justice.gov.uk/domain-events/_meta/';

const metadata = catalogue.events.map((e) => JSON.parse(readFileSync(join(ROOT, e.metadataFile), 'utf8')) as Record<string, unknown>);
const upcasts = catalogue.events.flatMap((e) =>
  e.contracts
    .flatMap((c) => c.versions)
    .flatMap((v) => (v.upcast ? [JSON.parse(readFileSync(join(ROOT, v.upcast.file), 'utf8')) as Record<string, unknown>] : [])),
);
const base = metadata[0] as Record<string, unknown>;
const transform = upcasts.find((u) => u.kind === 'transform' && Array.isArray(u.operations) && u.operations.length > 0) as Record<string, unknown>;

const metadataVariants: Array<[string, unknown]> = [
  ['no owner', { ...base, owner: undefined }],
  ['an empty producer list', { ...base, producers: [] }],
  ['a producer named in capitals', { ...base, producers: ['HMPPS-API'] }],
  ['a duplicate producer', { ...base, producers: ['a', 'a'] }],
  ['a consumer without a service', { ...base, consumers: [{ component: 'x' }] }],
  ['a consumer with an unknown field', { ...base, consumers: [{ service: 'x', team: 'y' }] }],
  ['an unknown status', { ...base, status: 'live' }],
  ['a timeline without version 1', { ...base, timeline: { '2': 'x' } }],
  ['a timeline keyed by a word', { ...base, timeline: { '1': 'x', latest: 'y' } }],
  ['an empty timeline text', { ...base, timeline: { '1': '' } }],
  ['an unknown field', { ...base, team: 'x' }],
  ['an eventType of one part', { ...base, eventType: 'booking' }],
  ['an eventType in mixed case', { ...base, eventType: 'booking.cancelledByPerson' }],
  ['a wrong $schema', { ...base, $schema: 'event.schema.json' }],
  ['not an object', ['x']],
];
const upcastVariants: Array<[string, unknown]> = [
  ['an unknown kind', { ...transform, kind: 'magic' }],
  ['no description', { ...transform, description: undefined }],
  ['an unknown operation', { ...transform, operations: [{ op: 'copy', path: '/a' }] }],
  ['add with two sources', { ...transform, operations: [{ op: 'add', path: '/a', value: 1, fromEnvelope: 'id' }] }],
  ['add from an envelope field that is not offered', { ...transform, operations: [{ op: 'add', path: '/a', fromEnvelope: 'personReference' }] }],
  ['add from context without a default', { ...transform, operations: [{ op: 'add', path: '/a', fromContext: 'who' }] }],
  ['a path that is not a pointer', { ...transform, operations: [{ op: 'remove', path: 'a' }] }],
  ['date-in-zone without a zone', { ...transform, operations: [{ op: 'date-in-zone', from: '/a', path: '/b' }] }],
  ['a map of numbers', { ...transform, operations: [{ op: 'map-enum', path: '/a', map: { A: 1 } }] }],
  ['rename without from', { ...transform, operations: [{ op: 'rename', path: '/b' }] }],
];

const strip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('event.json: the code and the meta-schema agree', () => {
  it.each(metadata.map((m) => [m.eventType as string, m]))('%s', (_, json) => {
    expect({ code: checkEventMetadata(json).ok, schema: ajv.validate(`${META}event.schema.json`, json) }).toEqual({ code: true, schema: true });
  });
  it.each(metadataVariants)('%s', (_, json) => {
    const value = strip(json);
    expect({ code: checkEventMetadata(value).ok, schema: ajv.validate(`${META}event.schema.json`, value) }).toEqual({ code: false, schema: false });
  });
});

describe('event types as producers send them', () => {
  it('takes two parts, as some HMPPS producers send (queues filter on the type as written)', () => {
    const value = strip({ ...base, eventType: 'non-contacts.created' });
    expect({ code: checkEventMetadata(value).ok, schema: ajv.validate(`${META}event.schema.json`, value) }).toEqual({ code: true, schema: true });
  });
});

describe('vN.upcast.json: the code and the meta-schema agree', () => {
  it('there are upcast files of every kind', () => {
    expect(new Set(upcasts.map((u) => u.kind))).toEqual(new Set(['transform', 'typed', 'meaning-only']));
  });
  it.each(upcasts.map((u, i) => [`${u.kind} ${i}`, u]))('%s', (_, json) => {
    expect({ code: checkUpcastDeclaration(json).ok, schema: ajv.validate(`${META}upcast.schema.json`, json) }).toEqual({ code: true, schema: true });
  });
  it.each(upcastVariants)('%s', (name, json) => {
    const value = strip(json);
    const want = name === 'add from context without a default';
    expect({ code: checkUpcastDeclaration(value).ok, schema: ajv.validate(`${META}upcast.schema.json`, value) }).toEqual({ code: want, schema: want });
  });
});
