/**
 * A throwaway repository for generator tests: its own schemas/, generated/
 * and package.json, with src/ and node_modules/ linked from this one, so
 * modules generated there import the real runtime.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './repo.js';

export interface TempRepo {
  readonly root: string;
  write(path: string, content: unknown): void;
  read(path: string): string;
  /** Every file under generated/, and package.json (which the generator leaves as it is), with its text, by path. */
  output(): Record<string, string>;
  /** Type errors in the given files, checked with the project's compiler options. */
  typeErrors(files: readonly string[]): string[];
  remove(): void;
}

/** A temp repository; `schemas: 'copy'` starts from this repository's schemas, `'minimal'` from the envelope and shared shapes only. */
export function tempRepo(schemas: 'copy' | 'minimal' = 'minimal'): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'domain-events-'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(join(ROOT, 'src'), join(root, 'src'));
  writeFileSync(join(root, 'package.json'), readFileSync(join(ROOT, 'package.json')));
  if (schemas === 'copy') cpSync(join(ROOT, 'schemas'), join(root, 'schemas'), { recursive: true });
  else {
    mkdirSync(join(root, 'schemas'));
    for (const dir of ['_shared', '_meta']) cpSync(join(ROOT, 'schemas', dir), join(root, 'schemas', dir), { recursive: true });
    cpSync(join(ROOT, 'schemas/envelope.schema.json'), join(root, 'schemas/envelope.schema.json'));
  }
  return {
    root,
    write(path, content) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
    output() {
      const out: Record<string, string> = { 'package.json': readFileSync(join(root, 'package.json'), 'utf8') };
      const visit = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) visit(path);
          else out[relative(root, path)] = readFileSync(path, 'utf8');
        }
      };
      if (existsSync(join(root, 'generated'))) visit(join(root, 'generated'));
      return out;
    },
    typeErrors(files) {
      const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      if (!config) throw new Error('cannot read tsconfig.json');
      const program = ts.createProgram(
        files.map((f) => join(root, f)),
        { ...config.options, types: ['node'] },
      );
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

const BASE = 'https://schemas.probation.justice.gov.uk/domain-events/';

/** A minimal, valid event type: metadata and the version schemas of one contract (default: its notification). */
export function writeEventType(
  repo: TempRepo,
  type: string,
  versions: readonly Record<string, unknown>[],
  upcasts: Record<number, unknown> = {},
  kind: 'notification' | 'detail' = 'notification',
): void {
  repo.write(`schemas/${type}/event.json`, {
    $schema: '../_meta/event.schema.json',
    eventType: type,
    title: 'Test event',
    description: 'An event for tests.',
    owner: 'test-team',
    producers: ['test-service'],
    consumers: [],
    status: kind === 'detail' ? 'not-emitted' : 'draft',
    timeline: { '1': 'Something happened.' },
  });
  versions.forEach((schema, i) => {
    const version = i + 1;
    repo.write(`schemas/${type}/${kind}/v${version}.schema.json`, {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `${BASE}${type}/${kind}/v${version}.schema.json`,
      ...schema,
    });
  });
  for (const [version, upcast] of Object.entries(upcasts)) repo.write(`schemas/${type}/${kind}/v${version}.upcast.json`, upcast);
}
