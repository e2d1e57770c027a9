import { describe, expect, it } from 'vitest';
import { uniqueItemsRule } from '../../../src/compat/rules/unique-items.js';
import { type RuleCase, run } from './rule-context.js';

const a = (extra: object) => ({ type: 'array', ...extra });

const cases: [string, RuleCase][] = [
  ['unique on both sides', { given: { writer: a({ uniqueItems: true }), reader: a({ uniqueItems: true }) }, want: [] }],
  ['unique added', { given: { writer: a({}), reader: a({ uniqueItems: true }) }, want: ['unique-items-added'] }],
  ['unique removed', { given: { writer: a({ uniqueItems: true }), reader: a({}) }, want: [] }],
  ['unique added where the writer holds at most one item', { given: { writer: a({ maxItems: 1 }), reader: a({ uniqueItems: true }) }, want: [] }],
];

describe('uniqueItems rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(uniqueItemsRule, given.writer, given.reader)).toEqual(want));
});
