/**
 * Test helper: a temporary copy of the repository's catalogue (schemas/,
 * package.json, .changeset/config.json, and src/upcasters for the generator)
 * to edit, and the findings `check` makes of it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { runCheck } from '../../src/compat/check/run-check.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { ROOT } from './repo.js';

export interface CatalogueCopy {
  readonly root: string;
  /** Parses a JSON file, lets `change` edit it, and writes it back. */
  editJson(file: string, change: (json: Record<string, unknown>) => void): void;
  write(file: string, text: string): void;
  read(file: string): string;
  remove(file: string): void;
}

/** A fresh copy, removed when the test finishes. */
export function catalogueCopy(): CatalogueCopy {
  const root = mkdtempSync(join(tmpdir(), 'domain-events-test-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  cpSync(join(ROOT, 'schemas'), join(root, 'schemas'), { recursive: true });
  cpSync(join(ROOT, 'src/upcasters'), join(root, 'src/upcasters'), { recursive: true });
  mkdirSync(join(root, '.changeset'));
  cpSync(join(ROOT, '.changeset/config.json'), join(root, '.changeset/config.json'));
  cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  const path = (file: string) => join(root, file);
  const copy: CatalogueCopy = {
    root,
    read: (file) => readFileSync(path(file), 'utf8'),
    write(file, text) {
      mkdirSync(dirname(path(file)), { recursive: true });
      writeFileSync(path(file), text);
    },
    remove: (file) => rmSync(path(file), { recursive: true }),
    editJson(file, change) {
      const json = JSON.parse(copy.read(file)) as Record<string, unknown>;
      change(json);
      copy.write(file, `${JSON.stringify(json, null, 2)}\n`);
    },
  };
  return copy;
}

/** A changeset file's text declaring `bump` for the package. */
export const changeset = (bump: string) => `---\n"@probation/domain-events": ${bump}\n---\n\nA change.\n`;

/** Findings as `code file#pointer`, for tables. */
export const brief = (findings: readonly Diagnostic[]) => findings.map((f) => `${f.code} ${f.file}${f.pointer ? `#${f.pointer}` : ''}`);

/** `check` of the copy against the repository's own catalogue. */
export const checkAgainstRepo = (copy: CatalogueCopy) => runCheck({ root: copy.root, baselineRoot: ROOT });
