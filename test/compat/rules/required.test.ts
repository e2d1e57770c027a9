import { describe, expect, it } from 'vitest';
import { requiredRule } from '../../../src/compat/rules/required.js';
import { type RuleCase, run } from './rule-context.js';

const o = (required: string[]) => ({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, additionalProperties: false, required });

const cases: [string, RuleCase][] = [
  ['same required', { given: { writer: o(['a']), reader: o(['a']) }, want: [] }],
  ['required added', { given: { writer: o(['a']), reader: o(['a', 'b']) }, want: ['required-added /properties/b'] }],
  ['required removed', { given: { writer: o(['a', 'b']), reader: o(['a']) }, want: [] }],
  ['order does not matter', { given: { writer: o(['a', 'b']), reader: o(['b', 'a']) }, want: [] }],
  ['required of a writer that is not an object', { given: { writer: { type: 'string' }, reader: o(['a']) }, want: [] }],
];

describe('required rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(requiredRule, given.writer, given.reader)).toEqual(want));
});
