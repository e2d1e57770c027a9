/**
 * Writing scaffolded files: JSON as the catalogue writes it (two-space
 * indent, a final newline), never over an existing file, and a changeset
 * whose front matter is YAML, as `changeset` itself writes it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { ConfigError } from '../errors.js';

/** Files to write, by repository-relative path, with their text. */
export type FilePlan = Map<string, string>;

/** `approved-premises.booking.made` → `booking-made`, for file names. */
export const kebabOf = (type: string): string => type.split('.').slice(-2).join('-');

/** Writes every planned file, after making sure none of them exists yet, so nothing is overwritten. */
export function writePlan(root: string, plan: FilePlan): string[] {
  for (const file of plan.keys()) {
    if (existsSync(join(root, file))) throw new ConfigError(file, '', 'already exists; nothing was written');
  }
  for (const [file, text] of plan) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return [...plan.keys()];
}

/**
 * Plans a changeset releasing `packageName` with `bump`, at
 * `.changeset/<name>.md` (or `<name>-2.md`… when taken).
 */
export function planChangeset(root: string, plan: FilePlan, name: string, packageName: string, bump: 'patch' | 'minor' | 'major', summary: string): void {
  let file = `.changeset/${name}.md`;
  for (let n = 2; existsSync(join(root, file)) || plan.has(file); n++) file = `.changeset/${name}-${n}.md`;
  plan.set(file, `---\n${stringify({ [packageName]: bump })}---\n\n${summary}\n`);
}
