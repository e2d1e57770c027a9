/**
 * Writing scaffolded files: JSON as the catalogue writes it (two-space
 * indent, a final newline), never over an existing file, all or nothing,
 * and a changeset whose front matter is YAML, as `changeset` itself writes it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { ConfigError, UsageError } from '../errors.js';

/** Files to write, by repository-relative path, with their text. */
export type FilePlan = Map<string, string>;

/** `approved-premises.booking.made` → `booking-made`, for file names. */
export const kebabOf = (type: string): string => type.split('.').slice(-2).join('-');

/** What regenerating may rewrite besides the planned files. */
const REGENERATED = ['generated'] as const;

/**
 * Writes every planned file, after making sure none of them exists yet, so
 * nothing is overwritten; then runs `then` (regenerating). All or nothing:
 * if a write or `then` fails, every planned file written and every folder
 * made for them is removed, and `generated/` is put back as it was, so the
 * tree is as before; the error says nothing was written.
 */
export async function writePlan<T>(root: string, plan: FilePlan, then: () => Promise<T>): Promise<{ readonly written: string[]; readonly result: T }> {
  for (const file of plan.keys()) {
    if (existsSync(join(root, file))) throw new ConfigError(file, '', 'already exists; nothing was written');
  }
  const before = snapshot(root, REGENERATED);
  const written: string[] = [];
  const madeDirs: string[] = [];
  try {
    for (const [file, text] of plan) {
      madeDirs.push(...makeDirs(root, dirname(file)));
      writeFileSync(join(root, file), text);
      written.push(file);
    }
    return { written, result: await then() };
  } catch (error) {
    const undone = undo(root, written, madeDirs, before);
    throw nothingWritten(root, error, undone);
  }
}

/** The folders `dir` needs made, outermost first, after making them. */
function makeDirs(root: string, dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; d !== '.' && d !== '' && !existsSync(join(root, d)); d = dirname(d)) missing.unshift(d);
  if (missing.length > 0) mkdirSync(join(root, dir), { recursive: true });
  return missing;
}

/** The files under `paths` (files or folders), with their content. */
function snapshot(root: string, paths: readonly string[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (path: string) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    const entries = (() => {
      try {
        return readdirSync(full, { withFileTypes: true });
      } catch {
        return undefined;
      }
    })();
    if (!entries) files.set(path, readFileSync(full));
    else for (const entry of entries) visit(`${path}/${entry.name}`);
  };
  for (const path of paths) visit(path);
  return files;
}

/** Puts the tree back: removes the written files and made folders, and restores what `before` held. Returns what could not be undone. */
function undo(root: string, written: readonly string[], madeDirs: readonly string[], before: ReadonlyMap<string, Buffer>): string[] {
  const failed: string[] = [];
  const attempt = (what: string, action: () => void) => {
    try {
      action();
    } catch {
      failed.push(what);
    }
  };
  for (const file of written) attempt(file, () => rmSync(join(root, file), { force: true }));
  for (const dir of [...madeDirs].reverse()) attempt(dir, () => rmSync(join(root, dir), { recursive: true, force: true }));
  const now = snapshot(root, REGENERATED);
  for (const [file, content] of before) {
    if (now.get(file)?.equals(content)) continue;
    attempt(file, () => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), content);
    });
  }
  for (const file of now.keys()) if (!before.has(file)) attempt(file, () => rmSync(join(root, file), { force: true }));
  return failed;
}

/** The error, saying that nothing was written (or what could not be undone), with its class kept where the command line knows it. */
function nothingWritten(root: string, error: unknown, undone: readonly string[]): Error {
  const outcome = undone.length === 0 ? 'nothing was written' : `the files written were removed, except ${undone.join(', ')}: remove them by hand`;
  if (error instanceof ConfigError) return new ConfigError(error.file, error.pointer, `${error.detail}; ${outcome}`);
  if (error instanceof UsageError) return new UsageError(`${error.message}; ${outcome}`);
  const cause = error instanceof Error ? error : new Error(String(error));
  // A file that could not be written or read (no space, no permission) is the tree's problem, not a bug.
  const { code, path } = cause as NodeJS.ErrnoException;
  if (code !== undefined) return new ConfigError(path === undefined ? '.' : relative(root, path) || '.', '', `${cause.message}; ${outcome}`);
  const wrapped = new Error(`${cause.message}; ${outcome}`, { cause });
  wrapped.stack = `${wrapped.name}: ${wrapped.message}\n${cause.stack ?? ''}`;
  return wrapped;
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
