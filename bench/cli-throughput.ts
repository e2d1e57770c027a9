/**
 * `domain-events validate` over a large NDJSON file of catalogue events
 * (about 1 KB each, one bad line in a thousand), on two worker threads
 * (`--workers 2`): events per second over the whole run, process start
 * included, and the peak resident set size. Beside it, on the same file:
 * the same command kept to one thread (`--workers 1`), and the ceilings of
 * one thread and of two, which read the file and only run `JSON.parse` on
 * each line. The two threads get the file as the command's workers do: read
 * into 2 MiB batches of whole lines on the main thread, each batch handed
 * over (transferred, not copied) to one of them in turn.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileReader, lineBatches } from '../src/pipeline/line-batcher.js';
import { BATCHES_PER_WORKER } from '../src/pipeline/pipeline.js';
import { ROOT } from '../test/support/repo.js';
import { runNode } from './processes.js';

interface Rate {
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

export interface CliResults {
  readonly lines: number;
  readonly bytes: number;
  readonly averageBytesPerLine: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly peakRssBytes: number | null;
  readonly exitStatus: number | null;
  /** The same command with `--workers 1`: every record read on the main thread. */
  readonly oneThread: Rate;
  /** One thread doing nothing but `JSON.parse` on each line, reading the file in the same 2 MiB batches. */
  readonly jsonParseOneThread: Rate;
  /** Two worker threads doing nothing but `JSON.parse` on each line, each on half of the command's 2 MiB batches. Absent from runs before it was measured. */
  readonly jsonParseTwoThreads?: Rate;
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

/** A worker that runs `JSON.parse` on each line of every batch it is handed, and answers with the number of lines. */
const PARSER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (bytes) => {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  let lines = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\\n', start);
    if (end < 0) end = text.length;
    lines++;
    try {
      JSON.parse(text.slice(start, end));
    } catch {}
    start = end + 1;
  }
  parentPort.postMessage(lines);
});
`;

/**
 * Parses every line of `file` with `JSON.parse` alone on `threads` worker threads, reading it as the command
 * does; returns the lines read and the seconds taken, the threads' start included.
 */
export async function parseLinesOnThreads(file: string, threads: number): Promise<{ lines: number; seconds: number }> {
  const started = performance.now();
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(PARSER, { eval: true });
    const owed: Array<(lines: number) => void> = [];
    worker.on('message', (lines: number) => owed.shift()?.(lines));
    return { worker, owed };
  });
  const handle = await open(file, 'r');
  let lines = 0;
  try {
    const pending: Array<Promise<number>> = [];
    let next = 0;
    for await (const batch of lineBatches(fileReader(handle), { batchBytes: 2 * 2 ** 20, maxLineBytes: 2 ** 20 })) {
      if (batch.kind !== 'lines') throw new Error('the file has a line over 1 MiB');
      const { worker, owed } = workers[next++ % threads] as (typeof workers)[number];
      pending.push(new Promise<number>((resolve) => owed.push(resolve)));
      worker.postMessage(batch.bytes, [batch.bytes.buffer as ArrayBuffer]);
      // As the command does: a few batches in hand per thread, then wait for the oldest.
      while (pending.length >= threads * BATCHES_PER_WORKER) lines += await (pending.shift() as Promise<number>);
    }
    for (const result of pending) lines += await result;
  } finally {
    await handle.close();
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
  return { lines, seconds: (performance.now() - started) / 1000 };
}

export async function benchCli(lines: number): Promise<CliResults> {
  const dir = mkdtempSync(join(tmpdir(), 'domain-events-bench-'));
  try {
    const file = join(dir, 'events.ndjson');
    execFileSync(process.execPath, [join(ROOT, 'scripts/generate-events.mjs'), String(lines), file, '--seed', '7'], { stdio: 'ignore' });
    const bytes = statSync(file).size;
    const run = await validate(file, ['--workers', '2']);
    const one = await validate(file, ['--workers', '1']);
    const parsed = await parseLines(file);
    if (parsed.lines !== lines) throw new Error(`read ${parsed.lines} lines of ${lines}`);
    const parsedTwo = await parseLinesOnThreads(file, 2);
    if (parsedTwo.lines !== lines) throw new Error(`read ${parsedTwo.lines} lines of ${lines} on two threads`);
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
      jsonParseTwoThreads: { seconds: parsedTwo.seconds, eventsPerSecond: lines / parsedTwo.seconds },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
