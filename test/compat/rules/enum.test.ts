import { describe, expect, it } from 'vitest';
import { enumRule } from '../../../src/compat/rules/enum.js';
import { type RuleCase, run } from './rule-context.js';

const cases: [string, RuleCase][] = [
  ['enum extended', { given: { writer: { enum: ['a'] }, reader: { enum: ['a', 'b'] } }, want: [] }],
  ['enum narrowed', { given: { writer: { enum: ['a', 'b'] }, reader: { enum: ['a'] } }, want: ['value-not-accepted'] }],
  ['enum value read by a type', { given: { writer: { enum: ['a', 1] }, reader: { type: 'string' } }, want: ['value-not-accepted'] }],
  ['enum value read by a bounded string', { given: { writer: { enum: ['ab'] }, reader: { type: 'string', maxLength: 1 } }, want: ['value-not-accepted'] }],
  ['const read by an anyOf', { given: { writer: { const: 'A' }, reader: { anyOf: [{ const: 'A' }, { type: 'null' }] } }, want: [] }],
  ['const changed', { given: { writer: { const: 'A' }, reader: { const: 'B' } }, want: ['value-not-accepted'] }],
  ['string restricted to values', { given: { writer: { type: 'string' }, reader: { enum: ['a'] } }, want: ['restricted-to-values'] }],
  ['boolean read by both values', { given: { writer: { type: 'boolean' }, reader: { enum: [true, false] } }, want: [] }],
  ['boolean read by one value', { given: { writer: { type: 'boolean' }, reader: { const: true } }, want: ['value-not-accepted'] }],
  ['null read by null', { given: { writer: { type: 'null' }, reader: { const: null } }, want: [] }],
  ['values the writer filters out by type are not its values', { given: { writer: { type: 'string', enum: ['a', 1] }, reader: { enum: ['a'] } }, want: [] }],
];

describe('enum rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(enumRule, given.writer, given.reader)).toEqual(want));
});
