/**
 * `domain-events validate` over a large NDJSON file of catalogue events
 * (about 1 KB each, one bad line in a thousand), with the worker threads it
 * starts by default: events per second over the whole run, process start
 * included, and the peak resident set size.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/support/repo.js';
import { runNode } from './processes.js';

export interface CliResults {
  readonly lines: number;
  readonly bytes: number;
  readonly averageBytesPerLine: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly peakRssBytes: number | null;
  readonly exitStatus: number | null;
}

export async function benchCli(lines: number): Promise<CliResults> {
  const dir = mkdtempSync(join(tmpdir(), 'domain-events-bench-'));
  try {
    const file = join(dir, 'events.ndjson');
    execFileSync(process.execPath, [join(ROOT, 'scripts/generate-events.mjs'), String(lines), file, '--seed', '7'], { stdio: 'ignore' });
    const bytes = statSync(file).size;
    const run = await runNode([join(ROOT, 'dist/cli.js'), 'validate', file, '--quiet', '--format', 'json']);
    // Exit 1 is expected: the file holds some invalid lines on purpose.
    if (run.status !== 0 && run.status !== 1) throw new Error(`validate failed (exit ${run.status}): ${run.stderr}`);
    return {
      lines,
      bytes,
      averageBytesPerLine: Math.round(bytes / lines),
      seconds: run.seconds,
      eventsPerSecond: lines / run.seconds,
      peakRssBytes: run.peakRss ?? null,
      exitStatus: run.status,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
