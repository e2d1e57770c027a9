import { describe, expect, it } from 'vitest';
import { anyOfRule } from '../../../src/compat/rules/any-of.js';
import { inline } from '../schema-files.js';
import { type RuleCase, run } from './rule-context.js';

const str = { type: 'string' };
const num = { type: 'number' };
const nil = { type: 'null' };

const cases: [string, RuleCase][] = [
  ['branch added', { given: { writer: { anyOf: [str] }, reader: { anyOf: [str, num] } }, want: [] }],
  ['branch removed', { given: { writer: { anyOf: [str, num] }, reader: { anyOf: [str] } }, want: ['branch-not-accepted /anyOf/1'] }],
  ['a nullable type read by an anyOf', { given: { writer: { type: ['string', 'null'] }, reader: { anyOf: [str, nil] } }, want: [] }],
  ['an anyOf read by a nullable type', { given: { writer: { anyOf: [str, nil] }, reader: { type: ['string', 'null'] } }, want: [] }],
  ['null dropped from an anyOf', { given: { writer: { anyOf: [str, nil] }, reader: str }, want: ['type-narrowed /anyOf/1'] }],
  [
    'the one branch that takes the type is narrower',
    { given: { writer: str, reader: { anyOf: [{ type: 'string', maxLength: 2 }, nil] } }, want: ['bound-tightened /anyOf/0'] },
  ],
  ['no branch takes the type', { given: { writer: { type: 'boolean' }, reader: { anyOf: [str, nil] } }, want: ['branch-not-accepted'] }],
  [
    'several branches might cover it together (undecided)',
    {
      given: {
        writer: { type: 'integer', minimum: 0, maximum: 9 },
        reader: {
          anyOf: [
            { type: 'integer', maximum: 4 },
            { type: 'integer', minimum: 5 },
          ],
        },
      },
      want: ['branch-not-accepted?'],
    },
  ],
  ['an enum branch takes a value', { given: { writer: { const: 'x' }, reader: { anyOf: [{ enum: ['x'] }, nil] } }, want: [] }],
];

describe('anyOf rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(anyOfRule, given.writer, given.reader)).toEqual(want));

  it('follows $ref in branches', () => {
    const staff = inline({ type: 'object', properties: { code: str }, required: ['code'], additionalProperties: false }, 'shared');
    expect(run(anyOfRule, { $ref: 'shared.schema.json' }, { anyOf: [{ $ref: 'shared.schema.json' }, nil] }, staff)).toEqual([]);
  });
});
