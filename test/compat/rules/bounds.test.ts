import { describe, expect, it } from 'vitest';
import { boundsRule } from '../../../src/compat/rules/bounds.js';
import { contextFor, type RuleCase, run } from './rule-context.js';

const n = (extra: object) => ({ type: 'number', ...extra });
const i = (extra: object) => ({ type: 'integer', ...extra });
const s = (extra: object) => ({ type: 'string', ...extra });
const a = (extra: object) => ({ type: 'array', ...extra });

const cases: [string, RuleCase][] = [
  ['minimum lowered', { given: { writer: n({ minimum: 5 }), reader: n({ minimum: 1 }) }, want: [] }],
  ['minimum raised', { given: { writer: n({ minimum: 1 }), reader: n({ minimum: 5 }) }, want: ['bound-tightened'] }],
  ['minimum added', { given: { writer: n({}), reader: n({ minimum: 0 }) }, want: ['bound-tightened'] }],
  ['minimum removed', { given: { writer: n({ minimum: 0 }), reader: n({}) }, want: [] }],
  ['maximum lowered', { given: { writer: n({ maximum: 10 }), reader: n({ maximum: 9 }) }, want: ['bound-tightened'] }],
  ['maximum raised', { given: { writer: n({ maximum: 9 }), reader: n({ maximum: 10 }) }, want: [] }],
  ['minimum made exclusive', { given: { writer: n({ minimum: 0 }), reader: n({ exclusiveMinimum: 0 }) }, want: ['bound-tightened'] }],
  ['exclusive minimum made inclusive', { given: { writer: n({ exclusiveMinimum: 0 }), reader: n({ minimum: 0 }) }, want: [] }],
  ['integer minimum 1 within exclusiveMinimum 0', { given: { writer: i({ minimum: 1 }), reader: n({ exclusiveMinimum: 0 }) }, want: [] }],
  [
    'minimum 0.5 is not within exclusiveMinimum 0.5',
    { given: { writer: n({ minimum: 0.5 }), reader: n({ exclusiveMinimum: 0.5 }) }, want: ['bound-tightened'] },
  ],
  ['integer exclusiveMaximum 10 within maximum 9', { given: { writer: i({ exclusiveMaximum: 10 }), reader: i({ maximum: 9 }) }, want: [] }],
  ['the tighter of minimum and exclusiveMinimum counts', { given: { writer: n({ minimum: 0, exclusiveMinimum: 3 }), reader: n({ minimum: 2 }) }, want: [] }],
  ['maxLength reduced', { given: { writer: s({ maxLength: 12 }), reader: s({ maxLength: 10 }) }, want: ['bound-tightened'] }],
  ['maxLength added', { given: { writer: s({}), reader: s({ maxLength: 10 }) }, want: ['bound-tightened'] }],
  ['minLength raised', { given: { writer: s({ minLength: 1 }), reader: s({ minLength: 2 }) }, want: ['bound-tightened'] }],
  [
    'minLength raised on a formatted string is undecided',
    { given: { writer: s({ format: 'uuid' }), reader: s({ format: 'uuid', minLength: 36 }) }, want: ['bound-tightened?'] },
  ],
  ['minItems raised', { given: { writer: a({ minItems: 1 }), reader: a({ minItems: 2 }) }, want: ['bound-tightened'] }],
  ['maxItems removed', { given: { writer: a({ maxItems: 1 }), reader: a({}) }, want: [] }],
  ['maxItems reduced', { given: { writer: a({ maxItems: 3 }), reader: a({ maxItems: 2 }) }, want: ['bound-tightened'] }],
  ['bounds of a type the reader does not share are left to the type rule', { given: { writer: s({ maxLength: 3 }), reader: n({ maximum: 1 }) }, want: [] }],
];

describe('bounds rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(boundsRule, given.writer, given.reader)).toEqual(want));
  it('names the keyword and both limits', () => {
    expect(boundsRule(contextFor(s({ maxLength: 12 }), s({ maxLength: 10 })))[0]?.message).toBe('maxLength: w has 12, r has 10');
    expect(boundsRule(contextFor(n({ minimum: 0 }), n({ exclusiveMinimum: 0 })))[0]?.message).toBe('lower bound: w has minimum 0, r has exclusiveMinimum 0');
  });
});
