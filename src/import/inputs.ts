/**
 * The files an import reads, from the command line's files, folders and
 * globs: a folder stands for every `.yaml`, `.yml` and `.json` file under it.
 * Each argument is checked before anything is read, so a typo is a usage
 * error at once.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../errors.js';

const SPEC_FILES = '**/*.{yaml,yml,json}';

/** One file to read: its absolute path, and the name findings give it (relative to the root, with `/`). */
export interface ImportInput {
  readonly path: string;
  readonly file: string;
}

export function importInputs(args: readonly string[], root: string): ImportInput[] {
  if (args.length === 0) throw new UsageError('no files to import: pass files, folders or globs');
  const out: ImportInput[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const name = relative(root, path);
    out.push({ path, file: name.startsWith('..') || isAbsolute(name) ? path : name.split('\\').join('/') });
  };
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { cwd: root, absolute: true, onlyFiles: true, expandDirectories: false }).sort();
      if (matches.length === 0) throw new UsageError(`no files match ${arg}`);
      for (const path of matches) add(path);
      continue;
    }
    const path = resolve(root, arg);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) throw new UsageError(`no such file or folder: ${arg}`);
    if (!info.isDirectory()) {
      add(path);
      continue;
    }
    const matches = globSync(SPEC_FILES, { cwd: path, absolute: true, onlyFiles: true }).sort();
    if (matches.length === 0) throw new UsageError(`${arg} holds no .yaml, .yml or .json files`);
    for (const match of matches) add(match);
  }
  return out;
}
