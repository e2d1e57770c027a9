import { describe, expect, it } from 'vitest';
import { formatRule } from '../../../src/compat/rules/format.js';
import { type RuleCase, run } from './rule-context.js';

const s = (extra: object) => ({ type: 'string', ...extra });

const cases: [string, RuleCase][] = [
  ['same format', { given: { writer: s({ format: 'uuid' }), reader: s({ format: 'uuid' }) }, want: [] }],
  ['format removed', { given: { writer: s({ format: 'uuid' }), reader: s({}) }, want: [] }],
  ['format added', { given: { writer: s({}), reader: s({ format: 'date' }) }, want: ['format-added'] }],
  [
    'format added beside a pattern is undecided',
    { given: { writer: s({ pattern: '^[0-9-]+$' }), reader: s({ pattern: '^[0-9-]+$', format: 'date' }) }, want: ['format-added?'] },
  ],
  ['date-time changed to date', { given: { writer: s({ format: 'date-time' }), reader: s({ format: 'date' }) }, want: ['format-changed'] }],
  ['uuid changed to uri', { given: { writer: s({ format: 'uuid' }), reader: s({ format: 'uri' }) }, want: ['format-changed'] }],
  ['an unknown format changed is undecided', { given: { writer: s({ format: 'postcode' }), reader: s({ format: 'uuid' }) }, want: ['format-changed?'] }],
];

describe('format rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(formatRule, given.writer, given.reader)).toEqual(want));
});
