import { describe, expect, it } from 'vitest';
import type { JsonSchemaObject, SchemaFile } from '../../src/catalogue/model.js';
import { diffSchemas } from '../../src/compat/schema-diff.js';
import { documentsOf, inline } from './schema-files.js';

const base: JsonSchemaObject = {
  title: 'ThingV1',
  type: 'object',
  additionalProperties: false,
  required: ['a', 'b'],
  properties: { a: { type: 'string', maxLength: 12, description: 'A' }, b: { $ref: 'shared.schema.json' }, c: { enum: ['x', 'y'] } },
};
const shared = inline({ title: 'Shared', type: 'object', properties: { code: { type: 'string' } } }, 'shared');
type Node = Record<string, unknown>;
const edit = (f: (s: Node) => void, schema: JsonSchemaObject = base): JsonSchemaObject => {
  const copy = structuredClone(schema) as Node;
  f(copy);
  return copy;
};
/** The schema of property `name`, for editing. */
const prop = (s: Node, name: string) => (s.properties as Record<string, Node>)[name] as Node;

const cases: [string, { given: { newer: JsonSchemaObject; shared?: SchemaFile }; want: string[] }][] = [
  ['no change', { given: { newer: base }, want: [] }],
  [
    'annotations changed (title, description, examples, $comment, deprecated, default, readOnly, writeOnly)',
    {
      given: {
        newer: edit((s) => {
          s.title = 'Other';
          s.$comment = 'why';
          Object.assign(prop(s, 'a'), { description: 'B', examples: ['x'], deprecated: true, default: 'x', readOnly: true, writeOnly: false });
        }),
      },
      want: [],
    },
  ],
  ['required reordered', { given: { newer: edit((s) => (s.required as string[]).reverse()) }, want: [] }],
  ['enum reordered', { given: { newer: edit((s) => (prop(s, 'c').enum as string[]).reverse()) }, want: [] }],
  ['maxLength changed', { given: { newer: edit((s) => (prop(s, 'a').maxLength = 10)) }, want: ['test/newer.schema.json#/properties/a/maxLength'] }],
  ['keyword added', { given: { newer: edit((s) => (prop(s, 'a').pattern = '^a')) }, want: ['test/newer.schema.json#/properties/a/pattern'] }],
  ['keyword removed', { given: { newer: edit((s) => delete prop(s, 'a').maxLength) }, want: ['test/newer.schema.json#/properties/a'] }],
  ['property added', { given: { newer: edit((s) => ((s.properties as Node).d = { type: 'string' })) }, want: ['test/newer.schema.json#/properties/d'] }],
  ['property removed', { given: { newer: edit((s) => delete (s.properties as Node).c) }, want: ['test/newer.schema.json#/properties'] }],
  ['$ref replaced by the same schema inline', { given: { newer: edit((s) => ((s.properties as Node).b = structuredClone(shared.json))) }, want: [] }],
  [
    'shared file changed',
    {
      given: {
        newer: base,
        shared: inline(
          edit((s) => (prop(s, 'code').minLength = 1), shared.json),
          'shared',
        ),
      },
      want: ['test/shared.schema.json#/properties/code/minLength'],
    },
  ],
];

describe('diffSchemas', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const differences = diffSchemas(
      { schema: inline(base, 'older'), documents: documentsOf(shared) },
      { schema: inline(given.newer, 'newer'), documents: documentsOf(given.shared ?? shared) },
    );
    expect(differences.map((d) => `${d.file}#${d.pointer}`)).toEqual(want);
  });

  it("finds properties named as members every object inherits as the schemas' own", () => {
    const differences = diffSchemas(
      { schema: inline(base, 'older'), documents: documentsOf(shared) },
      {
        schema: inline(
          edit((s) => Object.assign(s.properties as Node, { constructor: { type: 'string' }, toString: { type: 'number' } })),
          'newer',
        ),
        documents: documentsOf(shared),
      },
    );
    expect(differences.map((d) => [`${d.file}#${d.pointer}`, d.message])).toEqual([
      ['test/newer.schema.json#/properties/constructor', 'property "constructor" added'],
      ['test/newer.schema.json#/properties/toString', 'property "toString" added'],
    ]);
  });

  it('says what changed', () => {
    const [difference] = diffSchemas(
      { schema: inline(base, 'older'), documents: documentsOf(shared) },
      {
        schema: inline(
          edit((s) => (prop(s, 'a').maxLength = 10)),
          'newer',
        ),
        documents: documentsOf(shared),
      },
    );
    expect(difference?.message).toBe('"maxLength" changed from 12 to 10');
  });

  const long = ['applicationId', 'applicationUrl', 'bookingId', 'personReference', 'deliusEventNumber', 'premises', 'cancelledAt'];
  const messages: [string, { given: { older: Node; newer: Node }; want: string }][] = [
    [
      'required: a long list with one name swapped for another, past where a cut would fall',
      {
        given: { older: { type: 'object', required: [...long, 'cancelledBy'] }, newer: { type: 'object', required: [...long, 'recordedBy'] } },
        want: '"required" changed: added "recordedBy"; removed "cancelledBy"',
      },
    ],
    ['required: names added only', { given: { older: { required: ['a'] }, newer: { required: ['a', 'b', 'c'] } }, want: '"required" changed: added "b", "c"' }],
    ['enum: values removed only', { given: { older: { enum: ['A', 'B', 'C'] }, newer: { enum: ['B'] } }, want: '"enum" changed: removed "A", "C"' }],
    ['type: a single type made a list', { given: { older: { type: 'string' }, newer: { type: ['string', 'null'] } }, want: '"type" changed: added "null"' }],
    [
      'anyOf: a branch replaced',
      {
        given: { older: { anyOf: [{ type: 'string' }, { type: 'null' }, { type: 'integer' }] }, newer: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
        want: '"anyOf" changed: removed {"type":"integer"}',
      },
    ],
    ['a value that is not a list', { given: { older: { maxLength: 12 }, newer: { maxLength: 10 } }, want: '"maxLength" changed from 12 to 10' }],
  ];

  it.each(messages)('says what was added and removed: %s', (_name, { given, want }) => {
    const differences = diffSchemas(
      { schema: inline(given.older as JsonSchemaObject, 'older'), documents: documentsOf(shared) },
      { schema: inline(given.newer as JsonSchemaObject, 'newer'), documents: documentsOf(shared) },
    );
    expect(differences.map((d) => d.message)).toEqual([want]);
  });
});
