import { describe, expect, it } from 'vitest';
import { typeRule } from '../../../src/compat/rules/type.js';
import { contextFor, type RuleCase, run } from './rule-context.js';

const cases: [string, RuleCase][] = [
  ['same type', { given: { writer: { type: 'string' }, reader: { type: 'string' } }, want: [] }],
  ['integer read as number', { given: { writer: { type: 'integer' }, reader: { type: 'number' } }, want: [] }],
  ['number read as integer', { given: { writer: { type: 'number' }, reader: { type: 'integer' } }, want: ['type-narrowed'] }],
  ['null dropped', { given: { writer: { type: ['string', 'null'] }, reader: { type: 'string' } }, want: ['type-narrowed'] }],
  ['null added', { given: { writer: { type: 'string' }, reader: { type: ['string', 'null'] } }, want: [] }],
  ['two types dropped', { given: { writer: { type: ['string', 'boolean', 'null'] }, reader: { type: 'string' } }, want: ['type-narrowed', 'type-narrowed'] }],
  ['no type read as one type', { given: { writer: {}, reader: { type: 'object' } }, want: Array(5).fill('type-narrowed') }],
  ['not both typed: left to other rules', { given: { writer: { enum: [1] }, reader: { type: 'string' } }, want: [] }],
];

describe('type rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(typeRule, given.writer, given.reader)).toEqual(want));
  it('says what each side allows', () => {
    expect(typeRule(contextFor({ type: 'number' }, { type: 'integer' }))[0]?.message).toBe('w allows any number here, r only integers');
    expect(typeRule(contextFor({ type: ['string', 'null'] }, { type: 'string' }))[0]?.message).toBe('w allows null here, r does not');
  });
});
