import { describe, expect, it } from 'vitest';
import { closedObjectRule } from '../../../src/compat/rules/closed-object.js';
import { contextFor, type RuleCase, run } from './rule-context.js';

const o = (extra: object) => ({ type: 'object', properties: { a: { type: 'string' } }, ...extra });

const cases: [string, RuleCase][] = [
  ['open read as open', { given: { writer: o({}), reader: o({ additionalProperties: true }) }, want: [] }],
  ['closed read as closed', { given: { writer: o({ additionalProperties: false }), reader: o({ additionalProperties: false }) }, want: [] }],
  ['closed read as open', { given: { writer: o({ additionalProperties: false }), reader: o({}) }, want: [] }],
  ['open read as closed', { given: { writer: o({}), reader: o({ additionalProperties: false }) }, want: ['object-closed'] }],
  ['not objects', { given: { writer: { type: 'string' }, reader: o({ additionalProperties: false }) }, want: [] }],
];

describe('closed-object rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(closedObjectRule, given.writer, given.reader)).toEqual(want));
  it('lists what the closed object allows', () => {
    expect(closedObjectRule(contextFor(o({}), o({ additionalProperties: false })))[0]?.message).toBe(
      'w is an open object, r is closed (additionalProperties: false) and allows only a',
    );
  });
});
