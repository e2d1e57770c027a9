import { describe, expect, it } from 'vitest';
import { itemsRule } from '../../../src/compat/rules/items.js';
import { type RuleCase, run } from './rule-context.js';

const a = (extra: object) => ({ type: 'array', ...extra });

const cases: [string, RuleCase][] = [
  ['same items', { given: { writer: a({ items: { type: 'string' } }), reader: a({ items: { type: 'string' } }) }, want: [] }],
  ['items widened', { given: { writer: a({ items: { type: 'integer' } }), reader: a({ items: { type: 'number' } }) }, want: [] }],
  ['items narrowed', { given: { writer: a({ items: { type: 'number' } }), reader: a({ items: { type: 'integer' } }) }, want: ['type-narrowed /items'] }],
  ['items schema added', { given: { writer: a({}), reader: a({ items: { type: 'string' } }) }, want: Array(5).fill('type-narrowed /items') }],
  ['items schema removed', { given: { writer: a({ items: { type: 'string' } }), reader: a({}) }, want: [] }],
  [
    'enum items narrowed',
    { given: { writer: a({ items: { enum: ['x', 'y'] } }), reader: a({ items: { enum: ['x'] } }) }, want: ['value-not-accepted /items'] },
  ],
  ['a writer with no items at all', { given: { writer: a({ maxItems: 0 }), reader: a({ items: false }) }, want: [] }],
];

describe('items rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(itemsRule, given.writer, given.reader)).toEqual(want));
});
