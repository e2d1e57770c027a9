/**
 * The value generator `check` runs upcasters on: every value it makes is
 * valid (held to Ajv, an independent validator, on every schema of the
 * catalogue), the same seed makes the same values, and the values vary where
 * upcasters go wrong.
 */
import { describe, expect, it } from 'vitest';
import type { JsonSchemaObject } from '../../src/catalogue/model.js';
import { normalise } from '../../src/compat/normalise.js';
import { sampleValues } from '../../src/compat/sample-values.js';
import { referenceValidator } from '../support/ajv.js';
import { catalogue, catalogueDocuments, normal } from './schema-files.js';

const COUNT = 64;
const ajv = referenceValidator(catalogue);
const files = [catalogue.envelope, ...catalogue.shared, ...catalogue.events.flatMap((e) => e.contracts.flatMap((c) => c.versions.map((v) => v.schema)))];

describe('sampleValues on the catalogue', () => {
  it.each(files.map((f) => [f.file, f] as const))('%s: as many values as asked, each valid under Ajv', (_, file) => {
    const values = sampleValues(normalise(file, catalogueDocuments).schema, { count: COUNT, seed: 7 });
    const validate = ajv.getSchema(file.id);
    if (!validate) throw new Error(file.id);
    expect(values).toHaveLength(COUNT);
    expect(values.filter((v) => !validate(v)).slice(0, 1)).toEqual([]);
  });
});

const object = (properties: Record<string, unknown>, required: string[] = []): JsonSchemaObject => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const values = (schema: JsonSchemaObject, count = COUNT) => sampleValues(normal(schema), { count, seed: 1 });
/** The values of `name` among the generated objects, where present. */
const of = (list: unknown[], name: string) =>
  list.flatMap((v) => (typeof v === 'object' && v !== null && Object.hasOwn(v, name) ? [(v as Record<string, unknown>)[name]] : []));

const variety: [string, { given: JsonSchemaObject; want: (values: unknown[]) => void }][] = [
  [
    'the first value has only the required properties, the second has every property',
    {
      given: object({ a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'boolean' } }, ['a']),
      want: (list) => {
        expect(Object.keys(list[0] as object)).toEqual(['a']);
        expect(Object.keys(list[1] as object)).toEqual(['a', 'b', 'c']);
        expect(list.some((v) => Object.keys(v as object).length === 2)).toBe(true);
      },
    },
  ],
  [
    'every enum value comes up, even nested in an optional object under an anyOf',
    {
      given: object({ x: { anyOf: [{ type: 'null' }, object({ status: { enum: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] } }, ['status'])] } }),
      want: (list) => {
        const statuses = of(of(list, 'x'), 'status');
        expect(new Set(statuses)).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G']));
        expect(of(list, 'x')).toContain(null);
      },
    },
  ],
  [
    'the bounds of a number, inclusive and exclusive',
    {
      given: object({ n: { type: 'integer', minimum: 3, maximum: 9 }, m: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } }, ['n', 'm']),
      want: (list) => {
        expect(of(list, 'n')).toEqual(expect.arrayContaining([3, 9]));
        expect(of(list, 'm').every((m) => (m as number) > 0 && (m as number) < 1)).toBe(true);
      },
    },
  ],
  [
    'date-times at the edges of summer time in Europe/London and of the UTC day',
    {
      given: object({ at: { type: 'string', format: 'date-time' } }, ['at']),
      want: (list) =>
        expect(of(list, 'at')).toEqual(expect.arrayContaining(['2024-06-30T23:30:00Z', '2024-03-31T01:00:00+00:00', '2024-10-27T01:30:00+01:00'])),
    },
  ],
  [
    'strings matching the patterns of the catalogue, within their lengths',
    {
      given: object(
        {
          crn: { type: 'string', pattern: '^[A-Z][0-9]{6}$' },
          slug: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*){2,}$', maxLength: 30 },
          path: { type: 'string', pattern: '^(/[^/]+)+$' },
        },
        ['crn', 'slug', 'path'],
      ),
      want: (list) => {
        expect(list).toHaveLength(COUNT);
        expect(new Set(of(list, 'crn')).size).toBeGreaterThan(COUNT / 2);
      },
    },
  ],
  [
    'lengths at their bounds, counted in code points',
    {
      given: object({ s: { type: 'string', minLength: 2, maxLength: 5 } }, ['s']),
      want: (list) => expect(new Set(of(list, 's').map((s) => [...(s as string)].length))).toEqual(new Set([2, 3, 4, 5])),
    },
  ],
  [
    'a pattern it cannot read leaves the property out where it may, and makes no invalid value',
    {
      given: object({ a: { type: 'string', pattern: '^(?=x)x$' }, b: { type: 'string' } }, ['b']),
      want: (list) => {
        expect(list.length).toBeGreaterThan(0);
        expect(of(list, 'a')).toEqual([]);
      },
    },
  ],
  [
    'a required property no value satisfies: no values',
    { given: object({ a: { type: 'string', pattern: '^(?=x)x$' } }, ['a']), want: (list) => expect(list).toEqual([]) },
  ],
];

describe('sampleValues varies the values', () => {
  it.each(variety)('%s', (_, { given, want }) => {
    const list = values(given);
    const validate = ajv.compile({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...given });
    expect(list.filter((v) => !validate(v))).toEqual([]);
    want(list);
  });

  it('makes the same values from the same seed, and others from another', () => {
    const schema = normal(object({ a: { type: 'string' }, n: { type: 'number' }, e: { enum: [1, 2, 3] } }, ['a']));
    expect(sampleValues(schema, { count: 20, seed: 5 })).toEqual(sampleValues(schema, { count: 20, seed: 5 }));
    expect(sampleValues(schema, { count: 20, seed: 5 })).not.toEqual(sampleValues(schema, { count: 20, seed: 6 }));
  });
});
