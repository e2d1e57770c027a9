/**
 * Strings generated for a `pattern` match it: every pattern in the catalogue,
 * and the constructs the reader knows; what it does not know, it says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { patternSampler } from '../../src/compat/pattern-sample.js';
import { walkSchema } from '../../src/schema/walk.js';
import { ROOT } from '../support/repo.js';

/** Every pattern written in the catalogue's schemas. */
const catalogued = [
  ...new Set(
    globSync('schemas/**/*.schema.json', { cwd: ROOT }).flatMap((file) => {
      const found: string[] = [];
      walkSchema(JSON.parse(readFileSync(join(ROOT, file), 'utf8')), (node) => {
        if (typeof node.pattern === 'string') found.push(node.pattern);
      });
      return found;
    }),
  ),
];

const constructs = ['^a|b$', '^[^/]+$', '^\\d{3}-\\w+\\s?\\S*$', '^(?:ab|cd){2,4}$', '^x{2,}y*z+$', '^[a\\-z.]$', '^\\.\\/\\\\[ab]$', '^.?$', '^[\\d_]{1,3}$'];

/** A seeded source of randomness. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

describe('patternSampler', () => {
  it('reads every pattern in the catalogue', () => {
    expect(catalogued.length).toBeGreaterThanOrEqual(10);
    expect(catalogued.filter((p) => patternSampler(p) === undefined)).toEqual([]);
  });

  it.each([...catalogued, ...constructs].map((p) => [p]))('%s: every string matches', (pattern) => {
    const sample = patternSampler(pattern);
    if (!sample) throw new Error(`cannot read ${pattern}`);
    const random = seeded(pattern.length);
    const strings = Array.from({ length: 200 }, () => sample(random));
    expect(strings.filter((s) => !new RegExp(pattern, 'u').test(s))).toEqual([]);
    expect(new Set(strings).size).toBeGreaterThan(1);
  });

  it.each([['^(?=a)a$'], ['^(a)\\1$'], ['^\\p{L}+$'], ['^\\bword$'], ['^(?<name>a)$']])('%s: not read, so the caller tries other strings', (pattern) => {
    expect(patternSampler(pattern)).toBeUndefined();
  });
});
