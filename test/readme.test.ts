/**
 * The README's TypeScript examples type-check against the built package,
 * imported by its own name as a consumer would, and the README opens with
 * the two commands.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/repo.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gmu)].map((m) => m[1] as string);
// Inside the package, so TypeScript resolves '@probation/domain-events' through its own exports map, to dist/.
const dir = join(ROOT, '.test-results/readme');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README', () => {
  it('opens with the main command and the test command', () => {
    const commands = [...readme.matchAll(/<!-- (main|test)-command -->\n```sh\n(.*)\n```/gu)].map((m) => [m[1], m[2]]);
    expect(commands).toEqual([
      ['main', 'npm ci && npm run demo'],
      ['test', 'npm ci && npm test'],
    ]);
    expect(readme.indexOf('<!-- test-command -->')).toBeLessThan(readme.indexOf('\n## '));
  });

  it('has a producer example and a consumer example', () => {
    expect(blocks.some((b) => b.includes('build('))).toBe(true);
    expect(blocks.some((b) => b.includes('safeParse('))).toBe(true);
  });

  it('every TypeScript example type-checks against the built package', () => {
    mkdirSync(dir, { recursive: true });
    const files = blocks.map((code, i) => {
      const file = join(dir, `example-${i + 1}.ts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      noEmit: true,
      skipLibCheck: true,
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file ? `${d.file.fileName.slice(dir.length + 1)}:` : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect({ examples: files.length, errors }).toEqual({ examples: blocks.length, errors: [] });
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });
});
