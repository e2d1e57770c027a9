import { describe, expect, it } from 'vitest';
import { patternRule } from '../../../src/compat/rules/pattern.js';
import { type RuleCase, run } from './rule-context.js';

const s = (extra: object) => ({ type: 'string', ...extra });

const cases: [string, RuleCase][] = [
  ['no patterns', { given: { writer: s({}), reader: s({}) }, want: [] }],
  ['same pattern', { given: { writer: s({ pattern: '^a$' }), reader: s({ pattern: '^a$' }) }, want: [] }],
  ['pattern removed', { given: { writer: s({ pattern: '^a$' }), reader: s({}) }, want: [] }],
  ['pattern added', { given: { writer: s({}), reader: s({ pattern: '^a$' }) }, want: ['pattern-added'] }],
  [
    'pattern added to a formatted string is undecided',
    { given: { writer: s({ format: 'date' }), reader: s({ format: 'date', pattern: '^2' }) }, want: ['pattern-added?'] },
  ],
  ['pattern changed is undecided', { given: { writer: s({ pattern: '^[A-Z]{2}$' }), reader: s({ pattern: '^[A-Z]{2,3}$' }) }, want: ['pattern-changed?'] }],
  ['not strings on both sides', { given: { writer: { type: 'number' }, reader: s({ pattern: '^a$' }) }, want: [] }],
];

describe('pattern rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(patternRule, given.writer, given.reader)).toEqual(want));
});
