import { describe, expect, it } from 'vitest';
import { propertiesRule } from '../../../src/compat/rules/properties.js';
import { inline } from '../schema-files.js';
import { type RuleCase, run, runTolerant } from './rule-context.js';

const open = (properties: object) => ({ type: 'object', properties });
const closed = (properties: object) => ({ type: 'object', properties, additionalProperties: false });
const str = { type: 'string' };

const cases: [string, RuleCase][] = [
  ['added to a closed writer', { given: { writer: closed({ a: str }), reader: closed({ a: str, b: str }) }, want: [] }],
  ['added to an open writer', { given: { writer: open({ a: str }), reader: open({ a: str, b: str }) }, want: ['property-added-to-open-model /properties/b'] }],
  ['added to an open writer with an empty schema', { given: { writer: open({}), reader: open({ b: {} }) }, want: [] }],
  [
    'removed from a closed reader',
    { given: { writer: closed({ a: str, b: str }), reader: closed({ a: str }) }, want: ['property-removed-from-closed-model /properties/b'] },
  ],
  ['removed from an open reader', { given: { writer: closed({ a: str, b: str }), reader: open({ a: str }) }, want: [] }],
  ['a property the writer forbids removed from a closed reader', { given: { writer: closed({ a: str, b: false }), reader: closed({ a: str }) }, want: [] }],
  [
    'in both, compared further down',
    { given: { writer: closed({ a: str }), reader: closed({ a: { type: 'integer' } }) }, want: ['type-narrowed /properties/a'] },
  ],
  [
    'a name with a slash is escaped',
    { given: { writer: closed({ 'a/b': str }), reader: closed({}) }, want: ['property-removed-from-closed-model /properties/a~1b'] },
  ],
];

describe('properties rule', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(run(propertiesRule, given.writer, given.reader)).toEqual(want));

  it.each<[string, RuleCase]>([
    ['added to a closed writer (an old reader meets new data)', { given: { writer: closed({ a: str, b: str }), reader: closed({ a: str }) }, want: [] }],
    [
      'nested, through a $ref',
      { given: { writer: closed({ who: closed({ code: str, name: str }) }), reader: closed({ who: closed({ code: str }) }) }, want: [] },
    ],
    [
      'but not what is in both',
      { given: { writer: closed({ a: str, b: str }), reader: closed({ a: { type: 'integer' } }) }, want: ['type-narrowed /properties/a'] },
    ],
  ])('read tolerantly, a property only the writer lists is no break: %s', (_name, { given, want }) =>
    expect(runTolerant(propertiesRule, given.writer, given.reader)).toEqual(want),
  );

  it('follows $ref into a shared schema', () => {
    const shared = inline(closed({ code: str }), 'shared');
    expect(run(propertiesRule, closed({ who: { $ref: 'shared.schema.json' } }), closed({ who: closed({ code: str, name: str }) }), shared)).toEqual([]);
    expect(run(propertiesRule, closed({ who: closed({ code: str, name: str }) }), closed({ who: { $ref: 'shared.schema.json' } }), shared)).toEqual([
      'property-removed-from-closed-model /properties/who/properties/name',
    ]);
  });
});
