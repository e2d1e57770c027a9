/**
 * Runs a job over one batch: splits it into records, decodes their text, and
 * hands each to the job. The same code runs on the main thread and in the
 * worker threads, which is what makes their results the same.
 */
import { isUtf8 } from 'node:buffer';
import type { IssueInput } from '../runtime/errors.js';
import { DEFAULT_LIMITS } from '../runtime/json-text.js';
import type { Batch, BatchResult, ElementsBatch, LinesBatch } from './batch.js';
import type { Job } from './job.js';

const NEWLINE = 0x0a;

/** The issue of a record too long to read. */
export const tooLarge = (length: number): IssueInput => ({
  code: 'input_too_large',
  path: '',
  expected: `${DEFAULT_LIMITS.maxBytes} bytes`,
  received: `${length} bytes`,
});

const NOT_UTF8: IssueInput = { code: 'invalid_json', path: '', detail: 'the bytes are not UTF-8 text' };

/** Runs `job` over every record of `batch`. */
export function runBatch(batch: Batch, job: Job): BatchResult {
  let lines: number | undefined;
  let bytes = 0;
  if (batch.kind === 'lines') {
    lines = runLines(batch, job);
    bytes = batch.bytes.length;
  } else if (batch.kind === 'oversized-line') {
    job.unreadable(tooLarge(batch.length), 1, undefined, undefined);
    lines = 1;
    bytes = batch.length + 1;
  } else {
    runElements(batch, job);
    bytes = batch.bytes.length;
  }
  const out = job.drain();
  return { seq: batch.seq, input: batch.input, lines, bytes, tally: out.tally, findings: out.findings, rejects: out.rejects, output: out.output };
}

/** White space only, between `start` and `end`? */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** Feeds each line to the job; returns how many lines there were. */
function runLines(batch: LinesBatch, job: Job): number {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.length);
  if (!isUtf8(bytes)) return runLineBytes(bytes, batch.first, job);
  // Decoding the batch at once is much faster than line by line.
  const text = bytes.toString('utf8');
  let start = batch.first && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const stop = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    if (isBlank(text, start, stop)) job.blank();
    else job.record(text.slice(start, stop), line, undefined);
    start = end + 1;
  }
  return line;
}

/** As {@link runLines}, for a batch that is not all UTF-8: each line is checked on its own, so one bad line spoils only itself. */
function runLineBytes(bytes: Buffer, first: boolean, job: Job): number {
  let start = first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    line++;
    const stop = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
    const record = bytes.subarray(start, stop);
    if (!isUtf8(record)) job.unreadable(NOT_UTF8, line, undefined, record);
    else {
      const text = record.toString('utf8');
      if (isBlank(text, 0, text.length)) job.blank();
      else job.record(text, line, undefined);
    }
    start = end + 1;
  }
  return line;
}

/** Feeds each element of a document to the job, with the document's faults in line order. */
function runElements(batch: ElementsBatch, job: Job): void {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.length);
  const { spans, faults } = batch;
  let next = 0;
  // Faults go out in the order they were met: before the element that followed them.
  const faultsBefore = (element: number) => {
    for (let fault = faults[next]; fault !== undefined && fault.before <= element; fault = faults[++next])
      job.unreadable(fault.issue, fault.line, undefined, undefined);
  };
  for (let i = 0; i < spans.length; i += 4) {
    const start = spans[i] as number;
    const end = spans[i + 1] as number;
    const line = spans[i + 2] as number;
    const index = spans[i + 3] === -1 ? undefined : (spans[i + 3] as number);
    faultsBefore(i / 4);
    if (start === -1) {
      job.unreadable(tooLarge(end), line, index, undefined);
      continue;
    }
    const record = bytes.subarray(start, end);
    if (isUtf8(record)) job.record(record.toString('utf8'), line, index);
    else job.unreadable(NOT_UTF8, line, index, record);
  }
  faultsBefore(Number.POSITIVE_INFINITY);
}
