/**
 * Duplicate keys in JSON text. The reader decides by counting keys (in the
 * text and in what `JSON.parse` kept) and scans only when counts differ, so it
 * is held here to a reference that knows the answer: the text is written from
 * a tree of key-value pairs, in which a duplicate is plain to see. The trees
 * favour what could fool a count: colons and quotes in keys and strings,
 * escapes, white space around colons, and objects in arrays.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, decodeJson } from '../../src/runtime/json-text.js';

type Node = { string: string; escape: boolean } | number | boolean | null | { array: Node[] } | { pairs: Array<[string, Node]> };

const SHORT = fc.constantFrom('a', 'b', ':', 'a:b', '::', '"', '\\', 'é', '', ' ');
// Few keys, so that objects often repeat one.
const KEY = fc.constantFrom('a', ':', 'a:b', '"', 'é');
const text = fc.record({ string: fc.oneof(SHORT, fc.string({ maxLength: 6 })), escape: fc.boolean() });
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.record({ array: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ pairs: fc.array(fc.tuple(KEY, tie('node')), { maxLength: 4 }) }),
  ),
}));
const space = fc.constantFrom('', ' ', '\n', '\t ');

/** JSON text for a tree; `escape` writes every colon in a string as `\u003a`. */
function write(n: Node, gap: string): string {
  if (n === null || typeof n !== 'object') return JSON.stringify(n);
  if ('string' in n) {
    const json = JSON.stringify(n.string);
    return n.escape ? json.replaceAll(':', '\\u003a') : json;
  }
  if ('array' in n) return `[${n.array.map((item) => write(item, gap)).join(`,${gap}`)}]`;
  return `{${n.pairs.map(([key, value]) => `${JSON.stringify(key)}${gap}:${gap}${write(value, gap)}`).join(',')}}`;
}

/** Whether any object in the tree has a key twice. */
function hasDuplicate(n: Node): boolean {
  if (n === null || typeof n !== 'object' || 'string' in n) return false;
  if ('array' in n) return n.array.some(hasDuplicate);
  const keys = n.pairs.map(([key]) => key);
  return new Set(keys).size !== keys.length || n.pairs.some(([, value]) => hasDuplicate(value));
}

describe('duplicate keys in JSON text', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('are found exactly when the text has them, whatever the strings and spacing', () => {
    let duplicates = 0;
    fc.assert(
      fc.property(node, space, (tree, gap) => {
        const json = write(tree, gap);
        const decoded = decodeJson(json, DEFAULT_LIMITS, 'reject');
        expect(decoded.ok).toBe(!hasDuplicate(tree));
        if (decoded.ok) expect(decoded.value).toEqual(JSON.parse(json));
        else duplicates++;
      }),
      { seed: 20_261_123, numRuns: 5000 },
    );
    // The trees must often have duplicates, or this test would prove little.
    expect(duplicates).toBeGreaterThan(250);
  });

  it('a duplicate is found when keys or strings look like the end of a key', () => {
    for (const json of ['{"a":1,"a":":"}', '{"a":"x\\":","a":"::"}', '[{"a":1},{"a":":","a":2}]', '{"a:":1,"a:":2}', '{"\\"":1,"\\u0022":2}']) {
      expect(decodeJson(json, DEFAULT_LIMITS, 'reject').ok).toBe(false);
    }
  });

  it("'last-wins' reads every one of them as JSON.parse does", () => {
    fc.assert(
      fc.property(node, space, (tree, gap) => {
        const json = write(tree, gap);
        expect(decodeJson(json, DEFAULT_LIMITS, 'last-wins')).toEqual({ ok: true, value: JSON.parse(json) });
      }),
      { seed: 20_261_123, numRuns: 1000 },
    );
  });

  it('are still found when something has added an enumerable property to Object.prototype', () => {
    // Every object would count one key more, so a duplicate could otherwise be missed.
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
    expect(decodeJson('{"a":1,"a":2}', DEFAULT_LIMITS, 'reject')).toMatchObject({ ok: false, issue: { path: '/a' } });
    expect(decodeJson('{"a":1,"b":2}', DEFAULT_LIMITS, 'reject').ok).toBe(true);
  });

  it('past the depth the value is walked to, are found by the text alone', () => {
    const limits = { ...DEFAULT_LIMITS, maxDepth: 2000 };
    const deep = (inner: string) => `${'['.repeat(1500)}${inner}${']'.repeat(1500)}`;
    expect(decodeJson(deep('{"a":1,"a":2}'), limits, 'reject')).toMatchObject({ ok: false });
    expect(decodeJson(deep('{"a":1,"b":2}'), limits, 'reject').ok).toBe(true);
  });
});
