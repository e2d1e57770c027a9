/**
 * Runs the built command line (`dist/cli.js`, as `npm run build` leaves it)
 * in a child process, as a user or a CI job would, and collects what it
 * printed and how it exited.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `domain-events ...args` in `cwd`, with `stdin` piped in (or an empty standard input). */
export function runCli(args: readonly string[], cwd: string, stdin?: string | Uint8Array): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.end(stdin);
  });
}

/** A fresh temporary directory, and a function that removes it. */
export function tempDir(prefix: string): { dir: string; write(name: string, content: string | Uint8Array): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An example event from the catalogue, as an object. */
export function example(eventType: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve('schemas', eventType, 'examples', file), 'utf8'));
}

/** Lines of text, without the empty string after the last newline. */
export const linesOf = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
