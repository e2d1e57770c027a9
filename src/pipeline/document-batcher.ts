/**
 * Cuts a JSON document (a `.json` file: one event, or an array of events)
 * into batches of elements as it streams by, so an array of any length is
 * read in bounded memory. It does not parse: it follows strings, escapes and
 * brackets just enough to find where each element starts and ends, and on
 * which line. Each element is then parsed, and validated, on its own.
 *
 * Faults between the elements (a missing or extra comma, an array that is
 * never closed, text after the end) are reported with their line; a fault
 * inside an element is left to the parser, which reports it for that element.
 */
import type { IssueInput } from '../runtime/errors.js';
import type { DocumentFault, ElementsBatch } from './batch.js';

/** Sizes, in bytes. */
export interface DocumentBatcherOptions {
  /** Capacity of a batch buffer. Default 2 MiB. */
  readonly batchBytes: number;
  /** Largest element kept; a larger one is skipped and reported. Must be less than `batchBytes`. Default 1 MiB. */
  readonly maxElementBytes: number;
}

// Bytes the scanner looks at.
const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN_SQUARE = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;

/** Where the scanner is in the document. */
type Place = 'start' | 'array' | 'object' | 'rest' | 'end' | 'ignored';
/** What the array expects next. */
type Expect = 'element-or-close' | 'comma-or-close' | 'element';
/** The element being read: a container, a string, or a bare word (number, literal, or junk). */
type ElementKind = 'container' | 'string' | 'bare';

const isSpace = (c: number) => c === SPACE || c === NEWLINE || c === RETURN || c === TAB;
const fault = (detail: string): IssueInput => ({ code: 'invalid_json', path: '', detail });

/** Yields batches of the document's elements. */
export async function* elementBatches(chunks: AsyncIterable<Uint8Array>, options: DocumentBatcherOptions): AsyncGenerator<ElementsBatch> {
  if (options.maxElementBytes >= options.batchBytes) throw new RangeError('maxElementBytes must be less than batchBytes');
  let buffer = Buffer.allocUnsafeSlow(options.batchBytes);
  let used = 0;
  let spans: number[] = [];
  let faults: DocumentFault[] = [];

  let line = 1;
  let place: Place = 'start';
  let expect: Expect = 'element-or-close';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let index = 0;
  // The element being read.
  let kind: ElementKind | undefined;
  let elementDepth = 0;
  let elementStart = 0;
  let elementLine = 0;
  let elementIndex = -1;
  let elementLength = 0;
  let oversized = false;

  const take = (): ElementsBatch => {
    const end = kind === undefined ? used : elementStart;
    const next = Buffer.allocUnsafeSlow(options.batchBytes);
    // The element being read moves to the next buffer.
    if (kind !== undefined && !oversized) buffer.copy(next, 0, elementStart, used);
    const batch: ElementsBatch = { kind: 'elements', bytes: buffer.subarray(0, end), spans: Int32Array.from(spans), faults };
    used = kind !== undefined && !oversized ? used - elementStart : 0;
    elementStart = 0;
    buffer = next;
    spans = [];
    faults = [];
    return batch;
  };
  /** Keeps bytes of the element being read; returns a full batch when the buffer had no room. */
  const keep = (bytes: Uint8Array): ElementsBatch | undefined => {
    elementLength += bytes.length;
    if (oversized) return undefined;
    if (elementLength > options.maxElementBytes) {
      oversized = true;
      used = elementStart;
      return undefined;
    }
    const full = used + bytes.length > buffer.length ? take() : undefined;
    buffer.set(bytes, used);
    used += bytes.length;
    return full;
  };
  const start = (at: number, as: ElementKind, arrayIndex: number) => {
    kind = as;
    elementDepth = depth;
    elementStart = used;
    elementLine = line;
    elementIndex = arrayIndex;
    elementLength = 0;
    oversized = false;
    return at;
  };
  const finish = () => {
    if (oversized) spans.push(-1, Math.min(elementLength, 0x7fffffff), elementLine, elementIndex);
    else spans.push(elementStart, used, elementLine, elementIndex);
    kind = undefined;
  };

  for await (const chunk of chunks) {
    // Where the element's bytes in this chunk begin.
    let from = 0;
    let i = 0;
    while (i < chunk.length) {
      const c = chunk[i] as number;
      if (kind !== undefined) {
        if (place === 'rest') {
          // Everything to the end belongs to this element.
        } else if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) {
            inString = false;
            if (kind === 'string') {
              const full = keep(chunk.subarray(from, i + 1));
              if (full) yield full;
              finish();
            }
          }
        } else if (kind === 'bare') {
          if (isSpace(c) || c === COMMA || c === QUOTE || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY) {
            const full = keep(chunk.subarray(from, i));
            if (full) yield full;
            finish();
            continue; // the same byte again, outside the element
          }
        } else if (c === QUOTE) inString = true;
        else if (c === OPEN_CURLY || c === OPEN_SQUARE) depth++;
        else if (c === CLOSE_CURLY || c === CLOSE_SQUARE) {
          depth--;
          if (depth === elementDepth) {
            const full = keep(chunk.subarray(from, i + 1));
            if (full) yield full;
            finish();
            if (place === 'object') place = 'end';
          }
        }
        if (c === NEWLINE) line++;
        i++;
        continue;
      }

      if (c === NEWLINE) line++;
      if (place === 'start') {
        // White space, and the bytes of a UTF-8 byte order mark.
        if (isSpace(c) || c === 0xef || c === 0xbb || c === 0xbf) {
          i++;
          continue;
        }
        if (c === OPEN_SQUARE) {
          place = 'array';
          depth = 1;
        } else if (c === OPEN_CURLY) {
          place = 'object';
          from = start(i, 'container', -1);
          depth = 1;
        } else {
          // Not a document of events: keep it all as one element, which the parser will refuse.
          place = 'rest';
          from = start(i, 'bare', -1);
        }
      } else if (place === 'array') {
        if (isSpace(c)) {
          // between elements
        } else if (c === COMMA) {
          if (expect === 'comma-or-close') expect = 'element';
          else faults.push({ line, before: spans.length / 4, issue: fault('unexpected comma in the array: an element is missing') });
        } else if (c === CLOSE_SQUARE) {
          if (expect === 'element') faults.push({ line, before: spans.length / 4, issue: fault('a comma before ] (a trailing comma) is not allowed in JSON') });
          place = 'end';
          depth = 0;
        } else if (c === CLOSE_CURLY) {
          faults.push({ line, before: spans.length / 4, issue: fault('unexpected } between the elements of the array') });
        } else {
          if (expect === 'comma-or-close')
            faults.push({ line, before: spans.length / 4, issue: fault('a comma is missing between two elements of the array') });
          expect = 'comma-or-close';
          if (c === OPEN_CURLY || c === OPEN_SQUARE) {
            from = start(i, 'container', index++);
            depth++;
          } else if (c === QUOTE) {
            from = start(i, 'string', index++);
            inString = true;
          } else from = start(i, 'bare', index++);
        }
      } else if (place === 'end' && !isSpace(c)) {
        faults.push({ line, before: spans.length / 4, issue: fault('unexpected text after the end of the JSON document') });
        place = 'ignored';
      }
      i++;
    }
    if (kind !== undefined) {
      const full = keep(from === 0 ? chunk : chunk.subarray(from));
      if (full) yield full;
    }
  }

  // The input ended.
  if (kind !== undefined)
    finish(); // a cut-off element: the parser reports it
  else if (place === 'array') faults.push({ line, before: spans.length / 4, issue: fault('the array is not closed: the input ends before its ]') });
  else if (place === 'start')
    faults.push({ line, before: spans.length / 4, issue: fault('the input is empty; expected a JSON object, or an array of objects') });
  if (spans.length > 0 || faults.length > 0) yield take();
}
