/**
 * The authoring commands need the repository's toolchain: without it, they
 * stop with a usage error that names what is missing and where they run.
 */
import { describe, expect, it } from 'vitest';
import { AUTHORING_TOOLCHAIN, missingToolchain, requireAuthoringToolchain } from '../../src/cli/authoring.js';
import { UsageError } from '../../src/errors.js';

describe('missingToolchain', () => {
  it('finds the whole toolchain in this repository', () => {
    expect(missingToolchain()).toEqual([]);
  });

  const cases: Array<[string, { absent: readonly string[]; want: string[] }]> = [
    ['everything there', { absent: [], want: [] }],
    ['one package missing', { absent: ['yaml'], want: ['yaml'] }],
    ['everything missing', { absent: AUTHORING_TOOLCHAIN, want: ['typescript', 'json-schema-to-typescript', 'yaml'] }],
  ];
  it.each(cases)('%s', (_, { absent, want }) => {
    const resolve = (name: string) => {
      if (absent.includes(name)) throw Object.assign(new Error(`Cannot find package '${name}'`), { code: 'ERR_MODULE_NOT_FOUND' });
      return `file:///node_modules/${name}/index.js`;
    };
    expect(missingToolchain(resolve)).toEqual(want);
  });
});

describe('requireAuthoringToolchain', () => {
  it('lets the command run when nothing is missing', () => {
    expect(() => requireAuthoringToolchain('generate', [])).not.toThrow();
  });

  const cases: Array<[string, { missing: string[]; names: string }]> = [
    ['one package', { missing: ['yaml'], names: 'needs yaml,' }],
    ['two packages', { missing: ['typescript', 'yaml'], names: 'needs typescript and yaml,' }],
    ['the whole toolchain', { missing: [...AUTHORING_TOOLCHAIN], names: 'needs typescript, json-schema-to-typescript and yaml,' }],
  ];
  it.each(cases)('stops it with a usage error naming %s, and saying where it runs', (_, { missing, names }) => {
    let error: unknown;
    try {
      requireAuthoringToolchain('bump', missing);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    const { message } = error as UsageError;
    expect(message).toMatch(/^bump is an authoring command: /u);
    expect(message).toContain(names);
    expect(message).toContain('Run it in that repository, after npm install. An installed copy runs validate, upcast, check and catalog.');
  });
});
