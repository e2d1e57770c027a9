/**
 * `domain-events validate` over a large NDJSON file of catalogue events
 * (about 1 KB each, one bad line in a thousand), with the worker threads it
 * starts by default: events per second over the whole run, process start
 * included, and the peak resident set size. Beside it, on the same file:
 * the same command kept to one thread (`--workers 1`), and the ceiling of
 * one thread, which reads the file as the command does and only runs
 * `JSON.parse` on each line.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
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
  /** The same command with `--workers 1`: every record read on the main thread. */
  readonly oneThread: { readonly seconds: number; readonly eventsPerSecond: number };
  /** One thread doing nothing but `JSON.parse` on each line, reading the file in the same 2 MiB batches. */
  readonly jsonParseOneThread: { readonly seconds: number; readonly eventsPerSecond: number };
}

async function validate(file: string, extra: readonly string[]) {
  const run = await runNode([join(ROOT, 'dist/cli.js'), 'validate', file, '--quiet', '--format', 'json', ...extra]);
  // Exit 1 is expected: the file holds some invalid lines on purpose.
  if (run.status !== 0 && run.status !== 1) throw new Error(`validate failed (exit ${run.status}): ${run.stderr}`);
  return run;
}

/** Parses every line of `file` with `JSON.parse` alone; returns the lines read and the seconds taken. */
export async function parseLines(file: string): Promise<{ lines: number; seconds: number }> {
  const started = performance.now();
  let lines = 0;
  let carry = '';
  const parse = (text: string, start: number, end: number) => {
    lines++;
    try {
      JSON.parse(text.slice(start, end));
    } catch {
      // The file holds some invalid lines on purpose; they cost what they cost.
    }
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 2 * 2 ** 20, encoding: 'utf8' })) {
    const text = carry + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      parse(text, start, end);
      start = end + 1;
    }
    carry = text.slice(start);
  }
  if (carry.length > 0) parse(carry, 0, carry.length);
  return { lines, seconds: (performance.now() - started) / 1000 };
}

export async function benchCli(lines: number): Promise<CliResults> {
  const dir = mkdtempSync(join(tmpdir(), 'domain-events-bench-'));
  try {
    const file = join(dir, 'events.ndjson');
    execFileSync(process.execPath, [join(ROOT, 'scripts/generate-events.mjs'), String(lines), file, '--seed', '7'], { stdio: 'ignore' });
    const bytes = statSync(file).size;
    const run = await validate(file, []);
    const one = await validate(file, ['--workers', '1']);
    const parsed = await parseLines(file);
    if (parsed.lines !== lines) throw new Error(`read ${parsed.lines} lines of ${lines}`);
    return {
      lines,
      bytes,
      averageBytesPerLine: Math.round(bytes / lines),
      seconds: run.seconds,
      eventsPerSecond: lines / run.seconds,
      peakRssBytes: run.peakRss ?? null,
      exitStatus: run.status,
      oneThread: { seconds: one.seconds, eventsPerSecond: lines / one.seconds },
      jsonParseOneThread: { seconds: parsed.seconds, eventsPerSecond: lines / parsed.seconds },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
