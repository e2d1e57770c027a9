/**
 * Editing JSON text in place: a few values replaced, or a member added at the
 * start of an object, with every other character of the file kept (its
 * layout, its key order, its line breaks), so a copied schema differs from
 * its original only on the lines that had to change.
 */
import { escapePointer } from '../runtime/json-pointer.js';

/** Where a value is written: from `start` up to (not including) `end`. */
interface Span {
  readonly start: number;
  readonly end: number;
}

export type JsonTextEdit =
  /** The value at `pointer` becomes `value`. */
  | { readonly pointer: string; readonly value: unknown }
  /** The object at `pointer` gets `key: value` as its first member, laid out as its first member is. */
  | { readonly pointer: string; readonly insert: string; readonly value: unknown };

/**
 * `text` with the edits made, or undefined when a pointer names nothing in
 * it, or the text is not JSON. The edits must not overlap.
 */
export function editJsonText(text: string, edits: readonly JsonTextEdit[]): string | undefined {
  let spans: Map<string, Span>;
  try {
    spans = valueSpans(text);
  } catch {
    return undefined;
  }
  const changes: { at: number; end: number; text: string }[] = [];
  for (const edit of edits) {
    const span = spans.get(edit.pointer);
    if (!span) return undefined;
    if (!('insert' in edit)) {
      changes.push({ at: span.start, end: span.end, text: JSON.stringify(edit.value) });
      continue;
    }
    if (text[span.start] !== '{') return undefined;
    const inside = span.start + 1;
    let first = inside;
    while (first < span.end && isJsonSpace(text.charCodeAt(first))) first++;
    const member = `${JSON.stringify(edit.insert)}: ${JSON.stringify(edit.value)}`;
    const empty = text[first] === '}';
    changes.push({ at: inside, end: inside, text: empty ? member : `${text.slice(inside, first)}${member},` });
  }
  changes.sort((a, b) => b.at - a.at);
  let out = text;
  for (const change of changes) out = `${out.slice(0, change.at)}${change.text}${out.slice(change.end)}`;
  return out;
}

const isJsonSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The span of every value in a JSON text, by JSON Pointer. Throws on text that is not JSON. */
function valueSpans(text: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError(`unexpected character at ${i}`);
  };
  const space = () => {
    while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  };
  const expect = (char: string) => {
    space();
    if (text[i] !== char) fail();
    i++;
  };
  const string = (): string => {
    const start = i;
    if (text[i] !== '"') fail();
    for (i++; text[i] !== '"'; i++) {
      if (i >= text.length) fail();
      if (text[i] === '\\') i++;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string) => {
    space();
    const start = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) i++;
      else {
        for (let index = 0; ; index++) {
          space();
          let token: string | number = index;
          if (c === '{') {
            token = string();
            expect(':');
          }
          value(`${pointer}/${escapePointer(token)}`);
          space();
          if (text[i] === ',') {
            i++;
            continue;
          }
          expect(close);
          break;
        }
      }
    } else if (c === '"') string();
    else {
      while (i < text.length && /[-+.0-9a-zA-Z]/u.test(text[i] as string)) i++;
      if (i === start) fail();
    }
    spans.set(pointer, { start, end: i });
  };
  value('');
  space();
  if (i !== text.length) fail();
  return spans;
}
