/**
 * How the records of an input are laid out: one per line (NDJSON), or one
 * JSON document holding an event or an array of events. The file's extension
 * says which where it can; otherwise the first bytes do.
 */
import { extname } from 'node:path';

/** `ndjson`: one record per line. `json`: one JSON document, an event or an array of events. */
export type Layout = 'ndjson' | 'json';

const BY_EXTENSION: Readonly<Record<string, Layout>> = { '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.json': 'json' };

/** The layout a file's name gives: `.ndjson` and `.jsonl` are NDJSON, `.json` is a document; other names give none. */
export function layoutOfName(path: string): Layout | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Guesses the layout from an input's first bytes. An array (`[`) is a
 * document. So is an object whose first line does not close it: a
 * pretty-printed event. Anything else is read line by line, which reports
 * each bad line on its own.
 */
export function sniffLayout(head: Uint8Array): Layout {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && isSpace(head[i])) i++;
  if (head[i] === 0x5b /* [ */) return 'json';
  if (head[i] !== 0x7b /* { */) return 'ndjson';
  const newline = head.indexOf(0x0a, i);
  if (newline < 0) return 'ndjson';
  let end = newline - 1;
  while (end > i && isSpace(head[end])) end--;
  return head[end] === 0x7d /* } */ ? 'ndjson' : 'json';
}
