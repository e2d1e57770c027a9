/**
 * Test helpers for the command line as a user meets it: the built CLI
 * (`dist/cli.js`, from `npm run build`) run in a temporary git repository
 * holding a copy of this repository's catalogue, with real commits.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { ROOT } from '../support/repo.js';

export const CLI = join(ROOT, 'dist/cli.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js …` in `cwd`. */
export function cli(cwd: string, ...args: string[]): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing; run npm run build first (npm test does)`);
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface GitRepo {
  readonly root: string;
  read(file: string): string;
  write(file: string, text: string): void;
  editJson(file: string, change: (json: Record<string, unknown>) => void): void;
  remove(file: string): void;
  /** Stages everything and commits it. */
  commit(message: string): void;
  git(...args: string[]): string;
}

/**
 * A git repository with this repository's schemas/, src/upcasters (for the
 * generator), package.json and .changeset/config.json, committed on `main`.
 * Removed when the test finishes.
 */
export function gitRepo(): GitRepo {
  const root = mkdtempSync(join(tmpdir(), 'domain-events-repo-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const path of ['schemas', 'src/upcasters', 'package.json', '.changeset/config.json']) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    cpSync(join(ROOT, path), join(root, path), { recursive: true });
  }
  const git = (...args: string[]) => {
    const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  const repo: GitRepo = {
    root,
    git,
    read: (file) => readFileSync(join(root, file), 'utf8'),
    write(file, text) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    },
    editJson(file, change) {
      const json = JSON.parse(repo.read(file)) as Record<string, unknown>;
      change(json);
      repo.write(file, `${JSON.stringify(json, null, 2)}\n`);
    },
    remove: (file) => rmSync(join(root, file), { recursive: true }),
    commit(message) {
      git('add', '-A');
      git('-c', 'user.name=Test', '-c', 'user.email=test@example.test', 'commit', '-q', '--no-gpg-sign', '-m', message);
    },
  };
  git('init', '-q', '-b', 'main');
  repo.commit('Release the catalogue');
  return repo;
}

/** A changeset's text declaring `bump` for the package. */
export const changeset = (bump: string, summary = 'A change.') => `---\n"@probation/domain-events": ${bump}\n---\n\n${summary}\n`;
