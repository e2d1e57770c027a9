/**
 * Cuts a stream of byte chunks (a file, stdin) into batches of whole lines,
 * for NDJSON. The main thread does no per-line work here: it copies bytes
 * into a batch buffer and, when the buffer is full, cuts it after its last
 * newline and starts the next buffer with the rest. A newline byte never
 * occurs inside a UTF-8 character, so characters are never split either.
 *
 * Memory stays bounded whatever the input: a line too long to fit in a batch
 * is not kept; it is skipped to its end and reported by its length.
 */
import type { LinesBatch, OversizedLineBatch } from './batch.js';

const NEWLINE = 0x0a;

/** Sizes, in bytes. */
export interface LineBatcherOptions {
  /** Capacity of a batch buffer. Default 2 MiB. */
  readonly batchBytes: number;
  /** Longest line kept; a longer one is skipped and reported. Must be less than `batchBytes`. Default 1 MiB, the runtime's input limit. */
  readonly maxLineBytes: number;
}

/** Yields batches of whole lines, and a marker for each line too long to keep. */
export async function* lineBatches(chunks: AsyncIterable<Uint8Array>, options: LineBatcherOptions): AsyncGenerator<LinesBatch | OversizedLineBatch> {
  if (options.maxLineBytes >= options.batchBytes) throw new RangeError('maxLineBytes must be less than batchBytes');
  let buffer = Buffer.allocUnsafeSlow(options.batchBytes);
  let used = 0;
  // Where the line being filled starts: just after the buffer's last newline.
  let lineStart = 0;
  // The length so far of a line too long to keep, or -1.
  let skipped = -1;
  let first = true;

  for await (const chunk of chunks) {
    let at = 0;
    while (at < chunk.length) {
      if (skipped >= 0) {
        const newline = chunk.indexOf(NEWLINE, at);
        if (newline < 0) {
          skipped += chunk.length - at;
          break;
        }
        yield { kind: 'oversized-line', length: skipped + newline - at };
        first = false;
        skipped = -1;
        at = newline + 1;
        continue;
      }
      const n = Math.min(buffer.length - used, chunk.length - at);
      const piece = n === chunk.length ? chunk : chunk.subarray(at, at + n);
      buffer.set(piece, used);
      const newline = piece.lastIndexOf(NEWLINE);
      if (newline >= 0) lineStart = used + newline + 1;
      used += n;
      at += n;
      if (used < buffer.length) continue;

      // The buffer is full: hand over its whole lines, and carry the partial one over.
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
      lineStart = 0;
    }
  }
  if (skipped >= 0) yield { kind: 'oversized-line', length: skipped };
  else if (used > 0) yield { kind: 'lines', bytes: buffer.subarray(0, used), first };
}
