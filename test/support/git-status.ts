/** What git sees in a work tree: new, changed and deleted files, the ignored ones left out. */
import { execFileSync } from 'node:child_process';

/**
 * `git status --porcelain` entries for the folder `dir` (untracked files one by one, not their folders), or `null`
 * where git cannot tell: it is not installed, or `dir` is not in a work tree, as when the sources come from a tarball.
 */
export function gitStatus(dir: string): string[] | null {
  try {
    const out = execFileSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return out.split('\0').filter((entry) => entry !== '');
  } catch {
    return null;
  }
}
