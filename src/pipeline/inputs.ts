/**
 * The inputs of a run, from the command line's paths, globs and `-`. Every
 * one is checked before any is read, so a typo stops the run at once with a
 * usage error instead of after an hour of validating the other files.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../errors.js';

/** One input: a file, or standard input. */
export interface Input {
  /** The name findings give: the path relative to the root (with `/`), or `-` for standard input. */
  readonly name: string;
  /** The absolute path, or undefined for standard input. */
  readonly path: string | undefined;
  /** Its size in bytes, where known. */
  readonly size: number | undefined;
}

/** The name standard input is given on the command line, and in findings. */
export const STDIN = '-';

/**
 * Resolves paths, globs and `-` against `root`, in the order given, without
 * repeats. A missing file, a directory, or a glob that matches nothing is a
 * {@link UsageError}.
 */
export async function resolveInputs(args: readonly string[], root: string): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (input: Input) => {
    const key = input.path ?? STDIN;
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(input);
  };
  for (const arg of args) {
    if (arg === STDIN) {
      add({ name: STDIN, path: undefined, size: undefined });
      continue;
    }
    if (isDynamicPattern(arg)) {
      const matches = (await glob(arg, { cwd: root, absolute: true, onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length === 0) throw new UsageError(`no files match ${arg}`);
      for (const path of matches) add(await fileInput(path, root, arg));
      continue;
    }
    add(await fileInput(resolve(root, arg), root, arg));
  }
  if (inputs.length === 0) throw new UsageError('no inputs: pass files, globs, or - for standard input');
  return inputs;
}

/** The inputs' total size in bytes, or undefined when standard input is one of them. */
export function totalSize(inputs: readonly Input[]): number | undefined {
  let total = 0;
  for (const input of inputs) {
    if (input.size === undefined) return undefined;
    total += input.size;
  }
  return total;
}

async function fileInput(path: string, root: string, arg: string): Promise<Input> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`no such file: ${arg}`);
  if (info.isDirectory()) throw new UsageError(`${arg} is a directory; pass a glob such as ${arg.replace(/\/$/, '')}/**/*.ndjson`);
  const name = relative(root, path);
  return { name: name.startsWith('..') || isAbsolute(name) ? path : name.split('\\').join('/'), path, size: info.size };
}
