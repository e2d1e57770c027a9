/**
 * The official JSON Schema Test Suite (draft 2020-12, with `optional/format`)
 * against the generator: every group's schema is either refused, with a
 * ConfigError that names the keyword and a JSON Pointer, or the validator it
 * generates gives every test of the group the verdict the suite gives. No
 * group may crash the generator or its validator.
 *
 * The README's table of JSON Schema support is this run's result, per
 * keyword; a test holds the two equal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { emittedValidator } from '../support/emit.js';
import { ROOT } from '../support/repo.js';

const SUITE = join(ROOT, 'test/fixtures/json-schema-test-suite/draft2020-12');

interface SuiteTest {
  readonly description: string;
  readonly data: unknown;
  readonly valid: boolean;
}
interface SuiteGroup {
  readonly description: string;
  readonly schema: unknown;
  readonly tests: readonly SuiteTest[];
}

/** Every file of the run: the required tests, then `optional/format/`. */
const FILES = [
  ...readdirSync(SUITE)
    .filter((f) => f.endsWith('.json'))
    .sort(),
  ...readdirSync(join(SUITE, 'optional/format'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `optional/format/${f}`),
];

const groupsOf = (file: string): SuiteGroup[] => JSON.parse(readFileSync(join(SUITE, file), 'utf8')) as SuiteGroup[];

type Outcome = { readonly refused: ConfigError } | { readonly validator: ReturnType<typeof emittedValidator> };

function compile(schema: unknown): Outcome {
  try {
    return { validator: emittedValidator(schema as never) };
  } catch (error) {
    if (error instanceof ConfigError) return { refused: error };
    throw error;
  }
}

/** The keyword a file tests, as the README's table names it. */
const keywordOf = (file: string): string => (file.startsWith('optional/format/') ? `format: ${file.slice(16, -5)}` : file.slice(0, -5));

/** Per file: how many groups the generator supports (all tests agree) and how many it refuses. */
function tally(): Array<{ keyword: string; supported: number; refused: number }> {
  return FILES.map((file) => {
    let supported = 0;
    let refused = 0;
    for (const group of groupsOf(file)) {
      if ('refused' in compile(group.schema)) refused++;
      else supported++;
    }
    return { keyword: keywordOf(file), supported, refused };
  });
}

describe.each(FILES)('%s', (file) => {
  it.each(groupsOf(file).map((group) => [group.description, group] as const))('%s', (_name, group) => {
    const outcome = compile(group.schema);
    if ('refused' in outcome) {
      // A refusal names what is not supported, and where.
      expect(outcome.refused.pointer === '' || outcome.refused.pointer.startsWith('/')).toBe(true);
      expect(outcome.refused.detail).toMatch(/"[$a-zA-Z][\w$]*"|\$ref\b/u);
      return;
    }
    const verdicts = group.tests.map((test) => [test.description, outcome.validator.safeParse(test.data).success]);
    expect(verdicts).toStrictEqual(group.tests.map((test) => [test.description, test.valid]));
  });
});

describe('the README', () => {
  it('states the result per keyword, as this run finds it', () => {
    const rows = tally().map(({ keyword, supported, refused }) => `| ${keyword} | ${supported} | ${refused} |`);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- json-schema-suite:start -->');
    const end = readme.indexOf('<!-- json-schema-suite:end -->');
    expect(start, 'README.md has the json-schema-suite table markers').toBeGreaterThan(-1);
    const table = readme
      .slice(start, end)
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| keyword') && !line.startsWith('|---'));
    expect(table.join('\n')).toBe(rows.join('\n'));
  });
});
