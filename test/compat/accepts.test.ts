/**
 * `accepts` against Ajv, the reference validator: every example in the
 * catalogue, data against its version's schema, must get the same answer.
 */
import { describe, expect, it } from 'vitest';
import type { JsonSchemaObject } from '../../src/catalogue/model.js';
import { accepts, rejection } from '../../src/compat/accepts.js';
import { normalise } from '../../src/compat/normalise.js';
import { referenceValidator } from '../support/ajv.js';
import { catalogue, catalogueDocuments, normal } from './schema-files.js';

const cases: [string, { given: { schema: JsonSchemaObject; value: unknown }; want: boolean }][] = [
  ['string length in code points', { given: { schema: { type: 'string', maxLength: 1 }, value: '😀' }, want: true }],
  ['integer accepts 1.0', { given: { schema: { type: 'integer' }, value: 1.0 }, want: true }],
  ['integer rejects 1.5', { given: { schema: { type: 'integer' }, value: 1.5 }, want: false }],
  ['closed object rejects an unknown key', { given: { schema: { type: 'object', additionalProperties: false }, value: { a: 1 } }, want: false }],
  ['required missing', { given: { schema: { type: 'object', required: ['a'] }, value: {} }, want: false }],
  [
    'uniqueItems compares by value',
    {
      given: {
        schema: { type: 'array', uniqueItems: true },
        value: [
          { a: 1, b: 2 },
          { b: 2, a: 1 },
        ],
      },
      want: false,
    },
  ],
  ['format checked', { given: { schema: { type: 'string', format: 'date' }, value: '2024-02-30' }, want: false }],
  ['enum by value', { given: { schema: { enum: [[1, 2]] }, value: [1, 2] }, want: true }],
  ['anyOf', { given: { schema: { anyOf: [{ type: 'string' }, { type: 'null' }] }, value: null }, want: true }],
  ['exclusiveMaximum', { given: { schema: { type: 'number', exclusiveMaximum: 1 }, value: 1 }, want: false }],
];

const rejections: [string, { given: { schema: JsonSchemaObject; value: unknown }; want: unknown }][] = [
  ['accepted', { given: { schema: { type: 'string' }, value: 'x' }, want: undefined }],
  ['a missing required property', { given: { schema: { type: 'object', required: ['a/b'] }, value: {} }, want: { path: '/a~1b', message: 'is required' } }],
  [
    'deep inside',
    {
      given: { schema: { type: 'object', properties: { list: { type: 'array', items: { type: 'string', format: 'uuid' } } } }, value: { list: ['nope'] } },
      want: { path: '/list/0', message: 'must be a uuid' },
    },
  ],
  [
    'an unknown property',
    {
      given: { schema: { type: 'object', additionalProperties: false }, value: { x: 1 } },
      want: { path: '/x', message: 'is not allowed (additionalProperties: false)' },
    },
  ],
  ['a value not listed', { given: { schema: { enum: ['a', 'b'] }, value: 'c' }, want: { path: '', message: 'must be one of "a", "b"' } }],
];

describe('accepts', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(accepts(normal(given.schema), given.value)).toBe(want));

  it.each(rejections)('rejection: %s', (_name, { given, want }) => expect(rejection(normal(given.schema), given.value)).toEqual(want));

  it('agrees with Ajv on the data of every example in the catalogue', () => {
    const ajv = referenceValidator(catalogue);
    let compared = 0;
    for (const event of catalogue.events) {
      for (const version of event.contracts.flatMap((c) => c.versions)) {
        const validate = ajv.getSchema(version.schema.id);
        const schema = normalise(version.schema, catalogueDocuments).schema;
        for (const example of version.examples) {
          const data = (example.json as { additionalInformation?: unknown }).additionalInformation;
          expect({ file: example.file, accepted: accepts(schema, data) }).toEqual({ file: example.file, accepted: validate?.(data) });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
