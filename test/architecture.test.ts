/**
 * The rooms of `src/` as the README's Architecture section describes them:
 * the runtime, which every consumer loads, imports no code from another room
 * (types only, which the build erases), so a consumer's bundle never pulls in
 * the generator, the compatibility engine or the command line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/repo.js';

const RUNTIME = join(ROOT, 'src/runtime');

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

/** The relative imports and re-exports in `file` that bring in code: not `import type`/`export type`. */
function codeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gmu)) {
    if (match[2] === undefined) found.push(match[3] as string);
  }
  for (const match of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/gu)) found.push(match[1] as string);
  return found;
}

describe('the runtime room', () => {
  it('imports no code from another room of src/', () => {
    const outside: string[] = [];
    for (const file of sources(RUNTIME)) {
      for (const spec of codeImports(file)) {
        const target = resolve(dirname(file), spec);
        if (relative(RUNTIME, target).startsWith('..')) outside.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('is read by the check above: a value import would be found', () => {
    expect(codeImports(join(ROOT, 'src/runtime/contract.ts')).length).toBeGreaterThan(0);
  });
});
