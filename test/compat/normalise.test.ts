import { describe, expect, it } from 'vitest';
import type { JsonSchemaObject } from '../../src/catalogue/model.js';
import type { NormalSchema } from '../../src/compat/normal-schema.js';
import { normalise } from '../../src/compat/normalise.js';
import { catalogueDocuments, documentsOf, inline, versionFile } from './schema-files.js';

const shared = inline({ title: 'Shared', type: 'string', minLength: 1 }, 'shared');

const cases: [string, { given: JsonSchemaObject; want: { kind: string; problems?: string[] } & Record<string, unknown> }][] = [
  ['true-like empty schema', { given: {}, want: { kind: 'typed', types: ['null', 'boolean', 'object', 'array', 'number', 'string'] } }],
  [
    'annotations dropped',
    { given: { type: 'string', description: 'd', examples: ['x'], deprecated: true }, want: { kind: 'typed', types: ['string'], string: {} } },
  ],
  ['integer folded into number', { given: { type: ['integer', 'number'] }, want: { kind: 'typed', types: ['number'] } }],
  ['const as a value list', { given: { const: 'A' }, want: { kind: 'values', values: ['A'] } }],
  ['enum filtered by its type', { given: { type: 'string', enum: ['a', 1, null] }, want: { kind: 'values', values: ['a'] } }],
  ['local $ref followed', { given: { $ref: '#/$defs/x', $defs: { x: { type: 'boolean' } } }, want: { kind: 'typed', types: ['boolean'] } }],
  [
    'shared $ref followed, resolved against $id',
    { given: { $ref: 'shared.schema.json' }, want: { kind: 'typed', string: { minLength: 1 }, source: { file: 'test/shared.schema.json', pointer: '' } } },
  ],
  ['unknown $id', { given: { $ref: 'missing.schema.json' }, want: { kind: 'unknown', problems: ['/$ref'] } }],
  ['nothing at the pointer', { given: { $ref: '#/$defs/nope' }, want: { kind: 'unknown', problems: ['/$ref'] } }],
  ['recursive $ref', { given: { $ref: '#/$defs/a', $defs: { a: { $ref: '#/$defs/a' } } }, want: { kind: 'unknown', problems: ['/$defs/a/$ref'] } }],
  ['unsupported keyword is unknown, not a problem', { given: { oneOf: [{ type: 'string' }] }, want: { kind: 'unknown', problems: [] } }],
  ['a bound that is not a number', { given: { type: 'number', minimum: '1' }, want: { kind: 'unknown', problems: ['/minimum'] } }],
  ['an invalid pattern', { given: { type: 'string', pattern: '(' }, want: { kind: 'unknown', problems: ['/pattern'] } }],
];

const unsupported: [string, { given: JsonSchemaObject; want: { pointer: string; message: RegExp } }][] = [
  [
    '$ref "#", the whole schema',
    {
      given: { type: 'object', properties: { next: { $ref: '#' } } },
      want: { pointer: '/properties/next/$ref', message: /recursive schemas are not supported/ },
    },
  ],
  [
    'a $ref to an anchor',
    {
      given: { $ref: '#when', $defs: { moment: { $anchor: 'when', type: 'string' } } },
      want: { pointer: '/$ref', message: /anchors are not supported: refer to the definition by JSON Pointer: "\$ref": "#\/\$defs\/moment"/ },
    },
  ],
  [
    'a $ref naming a nested $id',
    {
      given: { $ref: 'item.json', $defs: { item: { $id: 'item.json', type: 'string' } } },
      want: { pointer: '/$ref', message: /names the "\$id" declared at \/\$defs\/item: an "\$id" below the root .* is not supported/ },
    },
  ],
];

/** Where each unknown node of a normal schema was written, and why it is unknown. */
const unknownsIn = (node: unknown): { pointer: string; reason: string }[] => {
  if (typeof node !== 'object' || node === null) return [];
  const schema = node as NormalSchema;
  if (schema.kind === 'unknown') return [{ pointer: schema.source.pointer, reason: schema.reason }];
  return Object.values(node).flatMap(unknownsIn);
};

describe('normalise', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const { problems, ...shape } = want;
    const result = normalise(inline(given), documentsOf(shared));
    expect(result.schema).toMatchObject(shape);
    if (problems) expect(result.problems.map((p) => p.pointer)).toEqual(problems);
  });

  it.each(unsupported)(
    'reads what it does not support as unknown, saying why and what to write instead, as no problem of its own: %s',
    (_name, { given, want }) => {
      const result = normalise(inline(given), documentsOf(shared));
      expect(result.problems).toEqual([]);
      expect(unknownsIn(result.schema)).toEqual([{ pointer: want.pointer, reason: expect.stringMatching(want.message) }]);
    },
  );

  it('keeps a property named __proto__ as a property, not the prototype of the map', () => {
    const result = normalise(inline(JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}')), documentsOf(shared));
    const properties = (result.schema as { object: { properties: Record<string, NormalSchema> } }).object.properties;
    expect(Object.keys(properties)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
  });

  it('reads a nested $id that $refs inside would resolve against as unknown, leaving the report to the unsupported-keyword lint', () => {
    const result = normalise(inline({ type: 'object', properties: { a: { $id: 'a.json', $ref: 'shared.schema.json' } } }), documentsOf(shared));
    expect(result.problems).toEqual([]);
    expect(result.schema).toMatchObject({ object: { properties: { a: { kind: 'unknown', source: { pointer: '/properties/a/$id' } } } } });
  });

  it('lets a nested $id with no $ref inside be: it changes nothing', () => {
    const result = normalise(inline({ type: 'object', properties: { a: { $id: 'a.json', type: 'string' } } }), documentsOf(shared));
    expect(result.schema).toMatchObject({ object: { properties: { a: { kind: 'typed', types: ['string'] } } } });
  });

  it('inlines the shared definitions a catalogue version uses, remembering where each part is written', () => {
    const { schema, problems } = normalise(versionFile('approved-premises.booking.cancelled', 2, 'detail'), catalogueDocuments);
    expect(problems).toEqual([]);
    expect(schema).toMatchObject({
      kind: 'typed',
      object: {
        additionalProperties: false,
        properties: {
          premises: { kind: 'typed', source: { file: 'schemas/_shared/cas1-premises.schema.json', pointer: '' } },
          personReference: { object: { properties: { crn: { string: { pattern: '^[A-Z][0-9]{6}$' } } } } },
        },
      },
    });
  });
});
