/**
 * Applying the generator's output all or nothing. Every new file is written
 * first beside its target, under a temporary name; only when all of them are
 * written are they renamed over their targets, and stale files removed. If
 * any step fails, every step done is undone, so the files are as they were.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What to change under a root, by root-relative path. */
export interface FileChanges {
  /** Files to write (new, or replacing what is there), with their text. */
  readonly write: ReadonlyMap<string, string>;
  /** Files to remove. */
  readonly remove: readonly string[];
}

/**
 * Applies `changes` under `root`, all or nothing. On failure it throws the
 * error that stopped it, after putting every file back; if something could
 * not be put back, the error's message says what.
 */
export function applyFileChanges(root: string, changes: FileChanges): void {
  const staged: Array<{ readonly temp: string; readonly target: string }> = [];
  const madeDirs: string[] = [];
  const before = new Map<string, Buffer | undefined>();
  const done: string[] = [];
  try {
    for (const [file, text] of changes.write) {
      const target = join(root, file);
      madeDirs.push(...makeDirs(dirname(target)));
      const temp = `${target}.${process.pid}.tmp`;
      staged.push({ temp, target });
      writeFileSync(temp, text);
    }
    for (const { target } of staged) before.set(target, existsSync(target) ? readFileSync(target) : undefined);
    for (const file of changes.remove) before.set(join(root, file), readFileSync(join(root, file)));
    for (const { temp, target } of staged) {
      renameSync(temp, target);
      done.push(target);
    }
    for (const file of changes.remove) {
      rmSync(join(root, file));
      done.push(join(root, file));
    }
  } catch (error) {
    const failed = undo(staged, done, before, madeDirs);
    if (failed.length > 0 && error instanceof Error) error.message += `; these could not be put back as they were: ${failed.join(', ')}`;
    throw error;
  }
}

/** The folders `dir` needs made, outermost first, after making them. */
function makeDirs(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  if (missing.length > 0) mkdirSync(dir, { recursive: true });
  return missing;
}

/** Removes what was staged, puts back each file changed, and removes the folders made. Returns the paths it could not restore. */
function undo(
  staged: ReadonlyArray<{ readonly temp: string }>,
  done: readonly string[],
  before: ReadonlyMap<string, Buffer | undefined>,
  madeDirs: readonly string[],
): string[] {
  const failed: string[] = [];
  const attempt = (path: string, action: () => void) => {
    try {
      action();
    } catch {
      failed.push(path);
    }
  };
  for (const { temp } of staged) attempt(temp, () => rmSync(temp, { force: true }));
  for (const path of [...done].reverse()) {
    const content = before.get(path);
    attempt(path, () => (content === undefined ? rmSync(path, { force: true }) : writeFileSync(path, content)));
  }
  for (const dir of [...madeDirs].reverse()) attempt(dir, () => rmSync(dir, { recursive: true, force: true }));
  return failed;
}
