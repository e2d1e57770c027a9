/**
 * The baseline `check` compares against, from `--against`:
 * - a directory, such as an unpacked published package, with `schemas/` at
 *   its top (and `.changeset/` when it has one); or
 * - a git ref (`origin/main`, a tag, `HEAD~1`), whose `schemas/` and
 *   `.changeset/` are read through `git archive` into a temporary folder.
 *   A ref whose tree has no `schemas/` is an empty baseline: nothing was
 *   released yet.
 * An existing directory wins over a ref of the same name; write `./name` to
 * be explicit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, UsageError } from '../../errors.js';

export interface Baseline {
  /** The folder that holds the baseline's `schemas/`. */
  readonly root: string;
  /** Removes any temporary copy. */
  dispose(): void;
}

/** Opens the baseline `against` names, relative to `root`. Throws {@link UsageError} when it names neither. */
export function openBaseline(against: string, root: string): Baseline {
  const dir = resolve(root, against);
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    if (!existsSync(join(dir, 'schemas'))) {
      throw new UsageError(`${against} has no schemas/ folder; give a git ref or a directory such as an unpacked package`);
    }
    return { root: dir, dispose: () => undefined };
  }
  const git = (args: readonly string[], cwd = root) => spawnSync('git', args, { cwd, maxBuffer: 1 << 30, encoding: 'buffer', windowsHide: true });
  const known = git(['rev-parse', '--verify', '--quiet', `${against}^{commit}`]);
  if (known.error || known.status !== 0) {
    throw new UsageError(`"${against}" is neither a directory nor a git ref known in ${root}`);
  }
  // Tree paths are read from the top of the repository, where `<ref>:<prefix>` names this folder's tree.
  const top = git(['rev-parse', '--show-toplevel']).stdout.toString().trim();
  const prefix = git(['rev-parse', '--show-prefix']).stdout.toString().trim();
  const tree = `${against}:${prefix}`;
  const out = mkdtempSync(join(tmpdir(), 'domain-events-baseline-'));
  const dispose = () => rmSync(out, { recursive: true, force: true });
  const fail = (why: string): never => {
    dispose();
    throw new ConfigError(against, '', `cannot read the baseline's schemas/ from git: ${why}`);
  };
  mkdirSync(join(out, 'schemas'), { recursive: true });
  // A ref from before this folder existed has released nothing.
  if (git(['cat-file', '-e', tree], top).status !== 0) return { root: out, dispose };
  const listing = git(['ls-tree', '--name-only', tree], top);
  if (listing.status !== 0) fail(listing.stderr.toString().trim());
  const entries = new Set(listing.stdout.toString().split('\n'));
  const paths = ['schemas', '.changeset'].filter((p) => entries.has(p));
  if (paths.length > 0) {
    const archive = git(['archive', '--format=tar', tree, '--', ...paths], top);
    if (archive.status !== 0) fail(archive.stderr.toString().trim());
    const unpack = spawnSync('tar', ['-x', '-C', out], { input: archive.stdout, windowsHide: true });
    if (unpack.status !== 0) fail(unpack.stderr?.toString().trim() || String(unpack.error ?? 'tar failed'));
  }
  return { root: out, dispose };
}
