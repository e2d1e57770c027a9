/**
 * Pending changesets: the `.changeset/*.md` files that `changeset version`
 * will turn into CHANGELOG entries. Only those that are new or edited since
 * the baseline count for this change; the rest were declared for earlier
 * changes. Each is parsed with `@changesets/parse`, as changesets itself does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';
import type { BumpLevel } from './bump.js';

/** A changeset file: its repository-relative path and its text. */
export interface ChangesetFile {
  readonly file: string;
  readonly text: string;
}

/** A changeset file read for one package. */
export type PendingChangeset =
  | { readonly file: string; readonly ok: true; readonly bump: BumpLevel | undefined; readonly summary: string }
  | { readonly file: string; readonly ok: false; readonly message: string };

/** The changeset files under `<root>/.changeset`, sorted by name; the folder's README is not one. */
export function listChangesets(root: string): ChangesetFile[] {
  const dir = join(root, '.changeset');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => ({ file: `.changeset/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The files in `current` that the baseline does not have with the same text. */
export function newSince(current: readonly ChangesetFile[], baseline: readonly ChangesetFile[]): ChangesetFile[] {
  const before = new Map(baseline.map((c) => [c.file, c.text]));
  return current.filter((c) => before.get(c.file) !== c.text);
}

/**
 * Reads a changeset's bump for `packageName`: `undefined` when it does not
 * name the package. A file changesets cannot parse is reported, not thrown.
 */
export function readChangeset(changeset: ChangesetFile, packageName: string): PendingChangeset {
  let parsed: ReturnType<typeof parseChangeset>;
  try {
    parsed = parseChangeset(changeset.text);
  } catch (error) {
    // The parser throws on bad front matter; that is the user's input, so it becomes a finding.
    return { file: changeset.file, ok: false, message: (error as Error).message.split('\n')[0] ?? 'cannot be parsed' };
  }
  const release = parsed.releases.find((r) => r.name === packageName);
  return { file: changeset.file, ok: true, bump: release?.type, summary: parsed.summary };
}
