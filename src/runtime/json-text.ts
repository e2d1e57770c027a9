/**
 * Reading JSON text safely: a size limit, `JSON.parse` that never throws out,
 * and one scan over the text that finds duplicate keys (which `JSON.parse`
 * resolves silently, last one wins, while other parsers may keep the first)
 * and nesting deeper than the limit.
 */
import type { IssueInput } from './errors.js';
import { escapePointer } from './json-pointer.js';

/** Limits on what a parser will read. */
export interface Limits {
  /** Largest input, in UTF-8 bytes. Default 1 MiB (1,048,576), the SQS message limit. */
  readonly maxBytes: number;
  /** Deepest nesting of arrays and objects. Default 64. */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = { maxBytes: 1_048_576, maxDepth: 64 };

/** How duplicate keys in JSON text are treated. */
export type DuplicateKeys = 'reject' | 'last-wins';

export type Decoded = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issue: IssueInput };

/** UTF-8 length of a string, without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Parses JSON text within the limits. `path` locates the text itself (for JSON nested in a string field). */
export function decodeJson(text: string, limits: Limits, duplicates: DuplicateKeys, path = ''): Decoded {
  // Every UTF-16 unit is at least one UTF-8 byte and at most three, so most inputs need no count.
  if (text.length > limits.maxBytes || (text.length * 3 > limits.maxBytes && utf8Length(text) > limits.maxBytes)) {
    return { ok: false, issue: { code: 'input_too_large', path, expected: `${limits.maxBytes} bytes`, received: `${utf8Length(text)} bytes` } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issue: { code: 'invalid_json', path, detail: (error as Error).message } };
  }
  const found = scan(text, limits.maxDepth, duplicates === 'reject');
  if (found === 'too-deep') return { ok: false, issue: { code: 'input_too_deep', path, expected: String(limits.maxDepth) } };
  if (found) {
    return {
      ok: false,
      issue: { code: 'invalid_json', path: path + found.path, detail: `the key ${JSON.stringify(found.key)} appears more than once in one object` },
    };
  }
  return { ok: true, value };
}

/** Depth of a value's nesting, stopping once it passes `limit`; safe on cycles. */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

interface Frame {
  readonly object: boolean;
  readonly keys: string[];
  index: number;
}

/**
 * Scans text that `JSON.parse` has already accepted. Returns the first
 * duplicate key with its path, `'too-deep'`, or undefined.
 */
function scan(text: string, maxDepth: number, findDuplicates: boolean): { path: string; key: string } | 'too-deep' | undefined {
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c /* \ */) {
          escaped = true;
          i++;
        }
      }
      if (expectKey && findDuplicates) {
        const frame = stack[stack.length - 1] as Frame;
        const raw = text.slice(start + 1, i);
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : raw;
        if (frame.keys.includes(key)) return { path: pathOf(stack, key), key };
        frame.keys.push(key);
      }
      expectKey = false;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) return 'too-deep';
      stack.push({ object: c === 0x7b, keys: [], index: 0 });
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const frame = stack[stack.length - 1] as Frame;
      frame.index++;
      expectKey = frame.object;
    }
  }
  return undefined;
}

function pathOf(stack: readonly Frame[], key: string): string {
  let path = '';
  for (let d = 0; d < stack.length - 1; d++) {
    const frame = stack[d] as Frame;
    path += `/${escapePointer(frame.object ? (frame.keys[frame.keys.length - 1] as string) : frame.index)}`;
  }
  return `${path}/${escapePointer(key)}`;
}
