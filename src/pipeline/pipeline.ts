/**
 * A run: reads each input in turn, cuts it into batches, has them processed,
 * and hands the results back in input order with their line numbers made
 * whole. Small inputs stay on the main thread. When the inputs are known to
 * be larger than a threshold, every batch goes to worker threads, which start
 * before the first byte is read, and the main thread only reads, hands over
 * and reports. When their size is not known (standard input), the first
 * batches are processed on the main thread, and the rest on worker threads
 * once more than the threshold has been read. A few batches per worker at
 * most are in flight at once, so memory stays bounded however large the
 * input.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { DEFAULT_LIMITS } from '../runtime/json-text.js';
import { BATCH_BYTES, type Batch, type BatchBody, type BatchResult } from './batch.js';
import { runBatch } from './batch-runner.js';
import { elementBatches } from './document-batcher.js';
import { atLine } from './finding.js';
import { type Layout, layoutOfName, sniffLayout } from './input-layout.js';
import { type Input, totalSize } from './inputs.js';
import type { Job, JobSpec } from './job.js';
import { fileReader, lineBatches } from './line-batcher.js';
import { WorkerPool } from './worker-pool.js';

/** How a run goes. */
export interface PipelineOptions {
  readonly inputs: readonly Input[];
  readonly spec: JobSpec;
  /** Standard input, for the input named `-`. */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  /** `ndjson` reads every input line by line; `auto` goes by each name, or sniffs. Default `auto`. */
  readonly layout?: Layout | 'auto';
  /** Worker threads for large inputs; 0 or 1 keeps everything on the main thread. Default: the number of CPUs. */
  readonly workers?: number;
  /** Inputs larger than this, in bytes, go to the workers from the start; of an input of unknown size, this much is read on the main thread before they start. Default 8 MiB. */
  readonly workerThreshold?: number;
  /** Capacity of a batch. Default 2 MiB. */
  readonly batchBytes?: number;
  /** Called with each batch's result, in input order; the run waits for it. Line numbers are the input's own. */
  onResult(result: BatchResult, input: Input): void | Promise<void>;
}

/** The default number of worker threads: one per CPU. */
export const defaultWorkers = (): number => availableParallelism();

const WORKER_THRESHOLD = 8 * 1024 * 1024;

/**
 * Batches handed to each worker before the main thread waits for the oldest
 * result, so that a worker has the next batch in hand when it finishes one.
 * Three measured no faster than two, with the validators or with a job that
 * only parses, so two it is: less memory.
 */
export const BATCHES_PER_WORKER = 2;

/** The size of each read from a stream, and of the first bytes read to tell a file's layout. */
const CHUNK_BYTES = 1024 * 1024;

/** Runs the job over every input. Rejects only on a failure of the machinery (a worker crash, a read error), never on bad records. */
export async function runPipeline(options: PipelineOptions): Promise<void> {
  const workers = options.workers ?? defaultWorkers();
  const threshold = options.workerThreshold ?? WORKER_THRESHOLD;
  const batchBytes = options.batchBytes ?? BATCH_BYTES;
  const maxRecordBytes = Math.min(DEFAULT_LIMITS.maxBytes, batchBytes - 1);
  const inFlight = Math.max(2, workers * BATCHES_PER_WORKER);
  const total = totalSize(options.inputs);
  let job: Job | undefined;
  // Inputs known to be large go to the workers from the start, which start now, while the first batch is read.
  let pool: WorkerPool | undefined = workers > 1 && total !== undefined && total > threshold ? new WorkerPool(workers, options.spec) : undefined;
  const pending: Array<Promise<BatchResult>> = [];
  const lineOffsets: number[] = [];
  let seq = 0;
  let read = 0;

  const emit = async (result: BatchResult) => {
    const input = options.inputs[result.input] as Input;
    await options.onResult(numbered(result, lineOffsets), input);
  };

  try {
    for (const [index, input] of options.inputs.entries()) {
      lineOffsets[index] = 0;
      for await (const body of batchesOf(input, options, { batchBytes, maxRecordBytes })) {
        const batch: Batch = Object.assign(body, { seq: seq++, input: index });
        read += body.kind === 'oversized-line' ? body.length : body.bytes.length;
        let result: Promise<BatchResult>;
        if (workers > 1 && read > threshold) pool ??= new WorkerPool(workers, options.spec);
        if (pool) {
          result = pool.run(batch);
          // Awaited in turn below; until then a failure must not count as unhandled.
          result.catch(() => {});
        } else {
          // Loaded only here: a run whose batches all go to the workers never loads the catalogue's code on the main thread.
          job ??= (await import('./create-job.js')).createJob(options.spec);
          result = Promise.resolve(runBatch(batch, job));
        }
        pending.push(result);
        while (pending.length >= inFlight) await emit(await (pending.shift() as Promise<BatchResult>));
      }
    }
    while (pending.length > 0) await emit(await (pending.shift() as Promise<BatchResult>));
  } finally {
    await pool?.close();
  }
}

/**
 * The batches of one input. A regular file of lines is read straight into the
 * batch buffers; a document, standard input, or a file that is not a regular
 * one (a pipe) is read as a stream.
 */
async function* batchesOf(
  input: Input,
  options: PipelineOptions,
  sizes: { batchBytes: number; maxRecordBytes: number },
): AsyncGenerator<BatchBody, void, undefined> {
  const lines = { batchBytes: sizes.batchBytes, maxLineBytes: sizes.maxRecordBytes };
  const elements = { batchBytes: sizes.batchBytes, maxElementBytes: sizes.maxRecordBytes };
  const named: Layout | undefined = options.layout === 'ndjson' ? 'ndjson' : input.path === undefined ? undefined : layoutOfName(input.path);
  async function* streamed(chunks: AsyncIterable<Uint8Array | string>, layout: Layout | undefined) {
    const source = new Peekable(chunks);
    layout ??= sniffLayout(await source.head());
    yield* layout === 'ndjson' ? lineBatches(source, lines) : elementBatches(source, elements);
  }
  if (input.path === undefined) {
    yield* streamed(options.stdin, named);
    return;
  }
  const handle = await open(input.path, 'r');
  try {
    const regular = (await handle.stat()).isFile();
    // Read at a position, the head leaves the file where it was, at its start.
    const layout = regular ? (named ?? sniffLayout(await fileHead(handle))) : named;
    if (layout === 'ndjson' && regular) yield* lineBatches(fileReader(handle), lines);
    else yield* streamed(handle.createReadStream({ highWaterMark: CHUNK_BYTES, autoClose: false }), layout);
  } finally {
    await handle.close();
  }
}

/** A file's first bytes, as many as a stream's first chunk holds: what {@link Peekable.head} gives for a file. */
async function fileHead(handle: FileHandle): Promise<Uint8Array> {
  const head = Buffer.allocUnsafe(CHUNK_BYTES);
  let size = 0;
  for (;;) {
    const { bytesRead } = await handle.read(head, size, head.length - size, size);
    if (bytesRead === 0 || size + bytesRead === head.length) return head.subarray(0, size + bytesRead);
    size += bytesRead;
  }
}

/** The result with the input's own line numbers, counting the lines of the batches before it. */
function numbered(result: BatchResult, lineOffsets: number[]): BatchResult {
  if (result.lines === undefined) return result;
  const offset = lineOffsets[result.input] ?? 0;
  lineOffsets[result.input] = offset + result.lines;
  if (offset === 0 || (result.findings.length === 0 && result.rejects.length === 0)) return result;
  return Object.assign({}, result, {
    findings: result.findings.map((finding) => atLine(finding, finding.line + offset)),
    rejects: result.rejects.map((reject) => atLine(reject, reject.line + offset)),
  });
}

/** A byte stream whose first bytes can be looked at before it is read. */
class Peekable implements AsyncIterable<Uint8Array> {
  private readonly iterator: AsyncIterator<Uint8Array | string>;
  private readonly buffered: Uint8Array[] = [];

  constructor(source: AsyncIterable<Uint8Array | string>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The first bytes: enough to hold the first line, or 64 KiB, or all there is. */
  async head(): Promise<Uint8Array> {
    let size = 0;
    for (;;) {
      const head = Buffer.concat(this.buffered, size);
      const content = head.findIndex((c) => c > 0x20);
      if (size >= 64 * 1024 || (content >= 0 && head.indexOf(0x0a, content) >= 0)) return head;
      const next = await this.iterator.next();
      if (next.done) return head;
      const chunk = toBytes(next.value);
      this.buffered.push(chunk);
      size += chunk.length;
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    yield* this.buffered.splice(0);
    for (;;) {
      const next = await this.iterator.next();
      if (next.done) return;
      yield toBytes(next.value);
    }
  }
}

const toBytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
