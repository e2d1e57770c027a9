/**
 * The CLI starts without the generator's dependencies: `validate` and
 * `upcast` run in CI pipelines on every build, and TypeScript,
 * json-schema-to-typescript and prettier take over a second to load. Only the
 * commands that generate code load them, when they run. Checked on the built
 * CLI's static import graph, and on that of the modules `check` and `catalog`
 * import when they run: they read schemas, and generate no code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/repo.js';

/** The bare packages reachable from `entry` through static imports alone. */
function staticPackages(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import … from "x"` and `import "x"`, never `import("x")`.
    for (const match of code.matchAll(/^\s*(?:import|export)\s[^;]*?\bfrom\s*"([^"]+)"|^\s*import\s*"([^"]+)"/gmu)) {
      const specifier = (match[1] ?? match[2]) as string;
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string));
    }
  };
  visit(entry);
  return packages;
}

describe('the built CLI', () => {
  const packages = staticPackages(join(ROOT, 'dist/cli.js'));

  it('loads zod and commander at start, as every command needs them', () => {
    expect(packages).toContain('zod');
    expect(packages).toContain('commander');
  });

  it('does not load the generator, the compatibility engine or the importers until a command needs them', () => {
    const heavy = ['typescript', 'json-schema-to-typescript', 'prettier', 'yaml', '@changesets/parse'];
    expect([...packages].filter((p) => heavy.includes(p))).toEqual([]);
  });
});

describe('the modules check and catalog load when they run', () => {
  const GENERATOR = ['typescript', 'json-schema-to-typescript', 'prettier'];
  /** The built module whose source file is `name` (its file name carries a content hash). */
  const built = (name: string): string => {
    const files = readdirSync(join(ROOT, 'dist')).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
    expect(files, name).toHaveLength(1);
    return join(ROOT, 'dist', files[0] as string);
  };

  it.each(['run-check', 'write-catalog'])('%s does not load the generator', (name) => {
    expect([...staticPackages(built(name))].filter((p) => GENERATOR.includes(p))).toEqual([]);
  });

  it('generate does, so the check above can see it', () => {
    expect([...staticPackages(built('generate'))]).toEqual(expect.arrayContaining(['typescript', 'json-schema-to-typescript']));
  });
});
