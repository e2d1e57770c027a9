/**
 * Cuts an input into batches of whole lines, for NDJSON. The main thread does
 * no per-line work here: bytes are read into a batch buffer and, when the
 * buffer is full, it is cut after its last newline and the next buffer starts
 * with the rest. A newline byte never occurs inside a UTF-8 character, so
 * characters are never split either.
 *
 * A file is read straight into the batch buffers, so the bytes a worker gets
 * are those the read wrote, never a copy of them; only the partial line at a
 * cut moves to the next buffer. A stream (standard input) comes in chunks of
 * its own, which are copied into the batch buffers.
 *
 * Memory stays bounded whatever the input: a line too long to fit in a batch
 * is not kept; it is skipped to its end and reported by its length.
 */
import type { FileHandle } from 'node:fs/promises';
import type { LinesBatch, OversizedLineBatch } from './batch.js';

const NEWLINE = 0x0a;

/** Sizes, in bytes. */
export interface LineBatcherOptions {
  /** Capacity of a batch buffer. Default 2 MiB. */
  readonly batchBytes: number;
  /** Longest line kept; a longer one is skipped and reported. Must be less than `batchBytes`. Default 1 MiB, the runtime's input limit. */
  readonly maxLineBytes: number;
}

/**
 * Reads at most `length` bytes of an input into `into` at `offset`, and
 * resolves to how many it read: 0 only at the end of the input.
 */
export type ReadInto = (into: Uint8Array, offset: number, length: number) => Promise<number>;

/** Reads a file from `position` on, into the caller's buffer. */
export function fileReader(handle: FileHandle, position = 0): ReadInto {
  return async (into, offset, length) => {
    const { bytesRead } = await handle.read(into, offset, length, position);
    position += bytesRead;
    return bytesRead;
  };
}

/** Reads a stream of byte chunks, copying each into the caller's buffer. */
export function streamReader(chunks: AsyncIterable<Uint8Array>): ReadInto {
  const iterator = chunks[Symbol.asyncIterator]();
  let chunk: Uint8Array = new Uint8Array(0);
  let at = 0;
  return async (into, offset, length) => {
    while (at === chunk.length) {
      const next = await iterator.next();
      if (next.done) return 0;
      chunk = next.value;
      at = 0;
    }
    const n = Math.min(length, chunk.length - at);
    into.set(n === chunk.length ? chunk : chunk.subarray(at, at + n), offset);
    at += n;
    return n;
  };
}

/** Yields batches of whole lines, and a marker for each line too long to keep. `source` is a stream of chunks, or a reader. */
export async function* lineBatches(source: AsyncIterable<Uint8Array> | ReadInto, options: LineBatcherOptions): AsyncGenerator<LinesBatch | OversizedLineBatch> {
  if (options.maxLineBytes >= options.batchBytes) throw new RangeError('maxLineBytes must be less than batchBytes');
  const read = typeof source === 'function' ? source : streamReader(source);
  let buffer = Buffer.allocUnsafeSlow(options.batchBytes);
  let used = 0;
  // The length so far of a line too long to keep, or -1.
  let skipped = -1;
  let first = true;

  for (;;) {
    const n = await read(buffer, used, buffer.length - used);
    if (n === 0) break;
    if (skipped >= 0) {
      // The bytes just read, at the start of the buffer, go on with the long line until a newline.
      const newline = buffer.subarray(0, n).indexOf(NEWLINE);
      if (newline < 0) {
        skipped += n;
        continue;
      }
      yield { kind: 'oversized-line', length: skipped + newline };
      first = false;
      skipped = -1;
      // What follows the newline starts the buffer's lines.
      buffer.copyWithin(0, newline + 1, n);
      used = n - newline - 1;
    } else used += n;
    if (used < buffer.length) continue;

    // The buffer is full: hand over its whole lines, and carry the partial one over.
    const lineStart = buffer.lastIndexOf(NEWLINE, used - 1) + 1;
    if (lineStart === 0) {
      // No newline at all: the line is longer than a batch, and so over the limit.
      skipped = used;
      used = 0;
      continue;
    }
    const next = Buffer.allocUnsafeSlow(options.batchBytes);
    const tail = used - lineStart;
    if (tail > options.maxLineBytes) skipped = tail;
    else buffer.copy(next, 0, lineStart, used);
    yield { kind: 'lines', bytes: buffer.subarray(0, lineStart), first };
    first = false;
    buffer = next;
    used = skipped >= 0 ? 0 : tail;
  }
  if (skipped >= 0) yield { kind: 'oversized-line', length: skipped };
  else if (used > 0) yield { kind: 'lines', bytes: buffer.subarray(0, used), first };
}
