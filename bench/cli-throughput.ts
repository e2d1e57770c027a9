/**
 * `domain-events validate` over a large NDJSON file of catalogue events
 * (about 1 KB each, one bad line in a thousand), on two worker threads
 * (`--workers 2`): events per second over the whole run, process start
 * included, and the peak resident set size. Beside it, on the same file:
 * the same command kept to one thread (`--workers 1`), and the ceilings of
 * one thread and of two, which read the file and only run `JSON.parse` on
 * each line. The two threads get the file as the command's workers do: read
 * into 2 MiB batches of whole lines on the main thread, each batch handed
 * over (transferred, not copied) to one of them in turn. And, beside the
 * command's scaling, what the machine's two cores give two separate processes
 * of the same work: the file split by whole lines into two halves, and two
 * `--workers 1` processes started at once, one on each half, timed until both
 * have exited. One `--workers 1` process already uses part of the second core
 * (V8 compiles hot code and collects garbage on background threads), so two
 * at once come to less than twice its rate; each also starts and compiles on
 * its own. So the CPU time (user and system, every thread) of the command's
 * runs is measured too: two workers do at least the one thread's work, so
 * on two cores they take at least half its CPU time, and twice its wall time
 * over its CPU time is the most that `--workers 2` can gain over it.
 *
 * The machine is shared, and what else runs on it changes from minute to
 * minute, so the command's three runs (two workers, one thread, two
 * processes) are taken together, in rounds, one after another; the figures
 * reported are those of the round whose scaling (two workers over one
 * thread) is the median, so that every ratio is taken within one round.
 * Every round's figures are kept beside them.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
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
  /** The CPU time the command's process took, user and system, every thread. Measured for the command's own runs; absent from runs before it was. */
  readonly cpuSeconds?: number;
}

/** One round of the command's runs, one after another. */
export interface CliRound {
  /** The `--workers 2` run. */
  readonly seconds: number;
  readonly cpuSeconds?: number;
  readonly oneThread: { readonly seconds: number; readonly cpuSeconds?: number };
  readonly twoProcessesSeconds: number;
}

export interface CliResults {
  readonly lines: number;
  readonly bytes: number;
  readonly averageBytesPerLine: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** The highest peak resident set size of the rounds' `--workers 2` runs. */
  readonly peakRssBytes: number | null;
  /** The CPU time of the `--workers 2` run, user and system, every thread. Absent from runs before it was measured. */
  readonly cpuSeconds?: number;
  readonly exitStatus: number | null;
  /** The same command with `--workers 1`: every record read on the main thread. */
  readonly oneThread: Rate;
  /** One thread doing nothing but `JSON.parse` on each line, reading the file in the same 2 MiB batches. */
  readonly jsonParseOneThread: Rate;
  /** Two worker threads doing nothing but `JSON.parse` on each line, each on half of the command's 2 MiB batches. Absent from runs before it was measured. */
  readonly jsonParseTwoThreads?: Rate;
  /**
   * Two processes of the command with `--workers 1` started at once, each on half of the file's lines, timed from
   * starting both until both have exited; the rate is over all the lines. Absent from runs before it was measured.
   */
  readonly twoProcesses?: Rate;
  /** Every round, in the order run; the figures above are those of the median round. Absent from runs before rounds. */
  readonly rounds?: readonly CliRound[];
}

async function validate(file: string, extra: readonly string[]) {
  const run = await runNode([join(ROOT, 'dist/cli.js'), 'validate', file, '--quiet', '--format', 'json', ...extra]);
  // Exit 1 is expected: the file holds some invalid lines on purpose.
  if (run.status !== 0 && run.status !== 1) throw new Error(`validate failed (exit ${run.status}): ${run.stderr}`);
  return run;
}

/** Runs `validate` on each of `files` at the same time; returns the seconds from starting them all until all have exited. */
async function validateAtOnce(files: readonly string[], extra: readonly string[]): Promise<number> {
  const started = performance.now();
  const runs = await Promise.allSettled(files.map((file) => validate(file, extra)));
  const seconds = (performance.now() - started) / 1000;
  for (const run of runs) if (run.status === 'rejected') throw run.reason;
  return seconds;
}

/**
 * Copies the first `firstLines` whole lines of `file` to `first` and the rest to `second`; returns the lines
 * written to each, a last line without a newline counted.
 */
export async function splitLines(file: string, firstLines: number, first: string, second: string): Promise<[number, number]> {
  const halves = [first, second].map((path) => ({ fd: openSync(path, 'w'), lines: 0, lastByte: 0x0a }));
  const [one, two] = halves as [(typeof halves)[number], (typeof halves)[number]];
  const write = (half: typeof one, bytes: Buffer) => {
    if (bytes.length === 0) return;
    writeSync(half.fd, bytes);
    half.lastByte = bytes[bytes.length - 1] as number;
  };
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 2 * 2 ** 20 }) as AsyncIterable<Buffer>) {
      let cut = 0;
      if (one.lines < firstLines) {
        cut = chunk.length;
        for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) {
          if (++one.lines === firstLines) {
            cut = at + 1;
            break;
          }
        }
        write(one, chunk.subarray(0, cut));
      }
      const rest = chunk.subarray(cut);
      for (let at = rest.indexOf(0x0a); at !== -1; at = rest.indexOf(0x0a, at + 1)) two.lines++;
      write(two, rest);
    }
  } finally {
    for (const half of halves) closeSync(half.fd);
  }
  for (const half of halves) if (half.lastByte !== 0x0a) half.lines++;
  return [one.lines, two.lines];
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

/** A round's scaling: the rate of two workers over one thread's. */
export const roundScaling = (round: CliRound): number => round.oneThread.seconds / round.seconds;

/** The round whose scaling, two workers over one thread, is the median (the lower middle one of an even number). */
export function medianRound(rounds: readonly CliRound[]): CliRound {
  if (rounds.length === 0) throw new Error('no rounds');
  const byScaling = [...rounds].sort((a, b) => roundScaling(a) - roundScaling(b));
  return byScaling[Math.floor((byScaling.length - 1) / 2)] as CliRound;
}

export async function benchCli(lines: number, roundCount: number): Promise<CliResults> {
  const dir = mkdtempSync(join(tmpdir(), 'domain-events-bench-'));
  try {
    const file = join(dir, 'events.ndjson');
    execFileSync(process.execPath, [join(ROOT, 'scripts/generate-events.mjs'), String(lines), file, '--seed', '7'], { stdio: 'ignore' });
    const bytes = statSync(file).size;
    const halves = [join(dir, 'first-half.ndjson'), join(dir, 'second-half.ndjson')] as const;
    const split = await splitLines(file, Math.ceil(lines / 2), ...halves);
    if (split[0] + split[1] !== lines || split[0] !== Math.ceil(lines / 2)) throw new Error(`split ${lines} lines into ${split.join(' and ')}`);
    const rounds: CliRound[] = [];
    let peakRssBytes: number | null = null;
    let exitStatus: number | null = null;
    for (let i = 0; i < roundCount; i++) {
      const run = await validate(file, ['--workers', '2']);
      const one = await validate(file, ['--workers', '1']);
      const twoProcessesSeconds = await validateAtOnce(halves, ['--workers', '1']);
      peakRssBytes = Math.max(peakRssBytes ?? 0, run.peakRss ?? 0) || null;
      exitStatus = run.status;
      rounds.push({
        seconds: run.seconds,
        ...(run.cpuSeconds === undefined ? {} : { cpuSeconds: run.cpuSeconds }),
        oneThread: { seconds: one.seconds, ...(one.cpuSeconds === undefined ? {} : { cpuSeconds: one.cpuSeconds }) },
        twoProcessesSeconds,
      });
    }
    const median = medianRound(rounds);
    const parsed = await parseLines(file);
    if (parsed.lines !== lines) throw new Error(`read ${parsed.lines} lines of ${lines}`);
    const parsedTwo = await parseLinesOnThreads(file, 2);
    if (parsedTwo.lines !== lines) throw new Error(`read ${parsedTwo.lines} lines of ${lines} on two threads`);
    return {
      lines,
      bytes,
      averageBytesPerLine: Math.round(bytes / lines),
      seconds: median.seconds,
      eventsPerSecond: lines / median.seconds,
      peakRssBytes,
      ...(median.cpuSeconds === undefined ? {} : { cpuSeconds: median.cpuSeconds }),
      exitStatus,
      oneThread: { ...median.oneThread, eventsPerSecond: lines / median.oneThread.seconds },
      jsonParseOneThread: { seconds: parsed.seconds, eventsPerSecond: lines / parsed.seconds },
      jsonParseTwoThreads: { seconds: parsedTwo.seconds, eventsPerSecond: lines / parsedTwo.seconds },
      twoProcesses: { seconds: median.twoProcessesSeconds, eventsPerSecond: lines / median.twoProcessesSeconds },
      rounds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
