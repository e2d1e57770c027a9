/**
 * Batches: runs of whole records cut from one input, the unit of work that the
 * main thread hands to a worker thread (or processes itself). A batch is cut
 * at record boundaries, so no record, and no UTF-8 character, is ever split
 * between two batches. Each batch owns its memory, so it can be transferred to
 * a worker without a copy.
 */
import type { IssueInput } from '../runtime/errors.js';
import type { Finding, Reject } from './finding.js';
import type { TallyCounts } from './tally.js';

/** Newline-separated records (NDJSON). Line numbers are counted from the batch's start. */
export interface LinesBatch {
  readonly kind: 'lines';
  /** The bytes; they end with a newline, except for an input's last batch. */
  readonly bytes: Uint8Array;
  /** Whether this is the input's first batch, where a byte order mark is dropped. */
  readonly first: boolean;
}

/** One line too long to hold in memory; only its length was kept. */
export interface OversizedLineBatch {
  readonly kind: 'oversized-line';
  /** Its length in bytes, without the newline. */
  readonly length: number;
}

/**
 * Elements of a JSON document (an array's items, or a whole object), located
 * by `spans`. Their line numbers are the input's own, not relative.
 */
export interface ElementsBatch {
  readonly kind: 'elements';
  readonly bytes: Uint8Array;
  /**
   * Four numbers per element: start and end (exclusive) in `bytes`, its line
   * in the input, and its index in the array (-1 for a document that is one
   * object). A start of -1 marks an element over the size limit, whose length
   * is then in the end slot.
   */
  readonly spans: Int32Array;
  /** Faults in the document around the elements: a missing comma, an unclosed array, text after the end. */
  readonly faults: readonly DocumentFault[];
}

/** A fault in a JSON document's structure, outside any element. */
export interface DocumentFault {
  readonly line: number;
  readonly issue: IssueInput;
  /** How many of the batch's elements come before it. */
  readonly before: number;
}

/** What a batch holds. */
export type BatchBody = LinesBatch | OversizedLineBatch | ElementsBatch;

/** A batch with its place in the run. */
export type Batch = BatchBody & {
  /** Position among all batches of the run; results are used in this order. */
  readonly seq: number;
  /** Which input it comes from (an index into the run's inputs). */
  readonly input: number;
};

/** What processing a batch gives back. Line numbers are relative when `lines` is not undefined. */
export interface BatchResult {
  readonly seq: number;
  readonly input: number;
  /**
   * For batches of lines: how many lines it covered, blank ones included.
   * Their findings are numbered from 1 at the batch's first line, and the
   * main thread adds the lines of earlier batches. Undefined where the line
   * numbers are already the input's own.
   */
  readonly lines: number | undefined;
  /** Bytes of input the batch covered, for progress. */
  readonly bytes: number;
  readonly tally: TallyCounts;
  /** Invalid records (validate) in input order. */
  readonly findings: readonly Finding[];
  /** Records that could not be upcast (upcast) in input order. */
  readonly rejects: readonly Reject[];
  /** The upcast records, one JSON text per line (upcast). */
  readonly output: string;
}

/** Default size of a batch: big enough that handing it to a worker costs little, small enough to keep memory low. */
export const BATCH_BYTES = 2 * 1024 * 1024;

/** The memory a batch owns, to transfer it to a worker. */
export function transferList(batch: Batch): ArrayBuffer[] {
  if (batch.kind === 'oversized-line') return [];
  const list = [batch.bytes.buffer as ArrayBuffer];
  if (batch.kind === 'elements') list.push(batch.spans.buffer as ArrayBuffer);
  return list;
}
