/** Field rows: one per property, nested ones as paths, shared shapes followed and named. */
import { describe, expect, it } from 'vitest';
import type { JsonSchemaObject, SchemaFile } from '../../src/catalogue/model.js';
import { indexCatalogue } from '../../src/schema/catalogue-index.js';
import { type FieldRow, fieldRows } from '../../src/site/fields.js';
import { historyOf, repoCatalogue } from '../support/repo.js';

const BASE = 'https://schemas.probation.justice.gov.uk/domain-events/';
const documents = indexCatalogue(repoCatalogue()).all;
const rows = (json: JsonSchemaObject): FieldRow[] =>
  fieldRows({ file: 'schemas/test/notification/v1.schema.json', id: `${BASE}test/notification/v1.schema.json`, json }, documents);
const pick = (list: FieldRow[], path: string) => list.find((r) => r.path === path);

describe('fieldRows', () => {
  it.each<[string, { given: JsonSchemaObject; want: Partial<FieldRow>[] }]>([
    [
      'properties in order, with required, format and description',
      {
        given: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string', format: 'uuid', description: 'The id.' }, notes: { type: ['string', 'null'] } },
        },
        want: [
          { path: 'id', depth: 0, type: 'string', required: true, format: 'uuid', description: 'The id.' },
          { path: 'notes', depth: 0, type: 'string or null', required: false },
        ],
      },
    ],
    [
      'nested objects as dotted paths, a level deeper',
      {
        given: { type: 'object', properties: { by: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
        want: [
          { path: 'by', depth: 0, type: 'object', required: false },
          { path: 'by.name', depth: 1, type: 'string', required: true },
        ],
      },
    ],
    [
      'lists, with their items’ values and the items’ own fields',
      {
        given: {
          type: 'object',
          properties: {
            tags: { type: 'array', items: { enum: ['a', 'b'] } },
            moves: { type: 'array', items: { type: 'object', properties: { on: { type: 'string', format: 'date' } } } },
          },
        },
        want: [
          { path: 'tags', type: 'list of string', values: ['a', 'b'] },
          { path: 'moves', type: 'list of object' },
          { path: 'moves[].on', depth: 1, format: 'date' },
        ],
      },
    ],
    [
      'a shared shape is followed and named; its own description is kept when the reference has none',
      {
        given: { type: 'object', properties: { premises: { $ref: '../../_shared/cas1-premises.schema.json' } } },
        want: [
          {
            path: 'premises',
            type: 'object',
            shared: 'Cas1Premises',
            description: 'An approved premises, by its identifiers in the approved premises service and in nDelius.',
          },
          { path: 'premises.id', depth: 1, format: 'uuid', required: true },
          { path: 'premises.name', depth: 1 },
          { path: 'premises.apCode', depth: 1 },
          { path: 'premises.legacyApCode', depth: 1 },
          { path: 'premises.localAuthorityAreaName', depth: 1 },
        ],
      },
    ],
    [
      'anyOf branches say which branch a field belongs to',
      {
        given: {
          type: 'object',
          properties: {
            who: {
              anyOf: [
                { title: 'Staff', type: 'object', properties: { code: { type: 'string' } } },
                { type: 'object', properties: { team: { const: 'X' } } },
              ],
            },
          },
        },
        want: [
          { path: 'who', type: 'one of 2 shapes' },
          { path: 'who.code', variant: 'Staff', depth: 1 },
          { path: 'who.team', variant: '2', type: 'string', values: ['X'] },
        ],
      },
    ],
    [
      'a local $defs shape that refers to itself stops instead of looping',
      {
        given: {
          type: 'object',
          properties: { node: { $ref: '#/$defs/node' } },
          $defs: { node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } } } },
        },
        want: [{ path: 'node' }, { path: 'node.next', depth: 1 }],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const got = rows(given);
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => {
      expect(got[i]).toMatchObject(w);
    });
  });

  it('reads a real version: booking.cancelled v2 marks the deprecated cancelledAt', () => {
    const event = repoCatalogue().events.find((e) => e.type === 'approved-premises.booking.cancelled');
    const v2 = (event && historyOf(event).versions[1]?.schema) as SchemaFile;
    const list = fieldRows(v2, documents);
    expect(pick(list, 'cancelledAt')).toMatchObject({ deprecated: true, required: true, format: 'date-time' });
    expect(pick(list, 'cancelledAtDate')).toMatchObject({ deprecated: false, required: true, format: 'date' });
    expect(pick(list, 'cancelledBy')).toMatchObject({ shared: 'Cas1StaffMember' });
    expect(pick(list, 'personReference.crn')).toMatchObject({ pattern: '^[A-Z][0-9]{6}$', shared: 'Crn' });
  });
});
