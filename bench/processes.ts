/** Running a child process to completion, timed, with its peak memory and the CPU time it took. */
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
  /** CPU time, user and system, of every thread of the process, for Node processes started through {@link runNode}. */
  readonly cpuSeconds?: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args>` with the usage reporter (`usage.mjs`) preloaded; stdout is discarded unless `keepStdout`. */
export function runNode(args: readonly string[], options: { cwd?: string; keepStdout?: boolean; env?: Record<string, string> } = {}): Promise<Finished> {
  const dir = mkdtempSync(join(tmpdir(), 'domain-events-bench-'));
  const usageFile = join(dir, 'usage.json');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', join(ROOT, 'bench/usage.mjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: '1' },
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
      let usage: { peakRssBytes?: number; cpuSeconds?: number } = {};
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      } catch {
        // The process died before its exit handler ran: neither is known.
      }
      rmSync(dir, { recursive: true, force: true });
      const { peakRssBytes, cpuSeconds } = usage;
      resolve({ status, seconds, stdout, stderr, ...(peakRssBytes ? { peakRss: peakRssBytes } : {}), ...(cpuSeconds ? { cpuSeconds } : {}) });
    });
  });
}
