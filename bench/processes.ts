/** Running a child process to completion, timed, with its peak memory. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/support/repo.js';

export interface Finished {
  readonly status: number | null;
  readonly seconds: number;
  /** Peak resident set size in bytes, for Node processes started through {@link runNode}. */
  readonly peakRss?: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args>` with the peak-RSS reporter preloaded; stdout is discarded unless `keepStdout`. */
export function runNode(args: readonly string[], options: { cwd?: string; keepStdout?: boolean; env?: Record<string, string> } = {}): Promise<Finished> {
  const dir = mkdtempSync(join(tmpdir(), 'domain-events-bench-'));
  const rssFile = join(dir, 'rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', join(ROOT, 'bench/peak-rss.mjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env, BENCH_PEAK_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', options.keepStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = (performance.now() - started) / 1000;
      let peakRss: number | undefined;
      try {
        peakRss = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        peakRss = undefined;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ status, seconds, stdout, stderr, ...(peakRss ? { peakRss } : {}) });
    });
  });
}
