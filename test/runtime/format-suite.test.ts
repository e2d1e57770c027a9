/**
 * The JSON Schema Test Suite (draft 2020-12) on the formats this package
 * checks: every case of `optional/format/<format>.json`, and of the groups of
 * `format.json` for those formats, is one test here. A string goes straight
 * to the format's function. Any other value goes to the validator the
 * generator writes for the suite's schema with every type listed (the
 * generator wants a `type` beside `format`), since a format says nothing
 * about values that are not strings.
 *
 * Generated validators assert formats, as the `optional/format` files test.
 * `format.json` also has, for each format, one invalid string that a
 * validator taking `format` as an annotation only must accept; here it is
 * rejected, and its test says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonSchemaObject } from '../../src/catalogue/model.js';
import { STRING_FORMATS, type StringFormat } from '../../src/runtime/string-formats.js';
import { emittedValidator } from '../support/emit.js';
import { ROOT } from '../support/repo.js';

interface SuiteGroup {
  readonly description: string;
  readonly schema: JsonSchemaObject & { readonly format?: string };
  readonly tests: ReadonlyArray<{ readonly description: string; readonly data: unknown; readonly valid: boolean }>;
}

const SUITE = join(ROOT, 'test/fixtures/json-schema-test-suite/draft2020-12');
const FORMATS = Object.keys(STRING_FORMATS) as StringFormat[];
const ALL_TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'];

const read = (file: string): SuiteGroup[] => JSON.parse(readFileSync(join(SUITE, file), 'utf8')) as SuiteGroup[];

/** The group's format, which the package checks. */
function formatOf(group: SuiteGroup): StringFormat {
  const format = group.schema.format;
  if (!FORMATS.includes(format as StringFormat)) throw new Error(`${group.description}: not a format the package checks`);
  return format as StringFormat;
}

/** The generated validator's verdict on a value that is not a string, under the group's schema with every type allowed. */
function verdictOnOther(group: SuiteGroup, data: unknown): boolean {
  return emittedValidator({ ...group.schema, type: ALL_TYPES }).safeParse(data).success;
}

describe.each(FORMATS.map((format) => [`optional/format/${format}.json`] as const))('%s', (file) => {
  describe.each(read(file).map((group) => [group.description, group] as const))('%s', (_, group) => {
    const format = formatOf(group);
    it.each(group.tests.map((test) => [test.description, test] as const))('%s', (_, { data, valid }) => {
      const verdict = typeof data === 'string' ? STRING_FORMATS[format](data) : verdictOnOther(group, data);
      expect(verdict).toBe(valid);
    });
  });
});

describe('format.json', () => {
  const groups = read('format.json').filter((group) => FORMATS.includes(group.schema.format as StringFormat));

  it('has a group for every format the package checks', () => {
    expect(groups.map(formatOf).sort()).toEqual([...FORMATS].sort());
  });

  describe.each(groups.map((group) => [group.description, group] as const))('%s', (_, group) => {
    const format = formatOf(group);
    it.each(group.tests.filter((test) => typeof test.data !== 'string').map((test) => [test.description, test] as const))('%s', (_, { data, valid }) => {
      expect(verdictOnOther(group, data)).toBe(valid);
    });
    it.each(group.tests.filter((test) => typeof test.data === 'string').map((test) => [test.description, test] as const))(
      '%s: rejected, since formats are assertions here',
      (description, { data, valid }) => {
        expect({ description, valid }).toEqual({ description: expect.stringContaining('only an annotation'), valid: true });
        expect(STRING_FORMATS[format](data as string)).toBe(false);
      },
    );
  });
});
