/**
 * Reading JSON text safely: a size limit, `JSON.parse` that never throws out,
 * and a check for duplicate keys (which `JSON.parse` resolves silently, last
 * one wins, while other parsers may keep the first) and nesting deeper than
 * the limit.
 *
 * The check is on every read, so it is done cheaply, by counting the keys
 * `JSON.parse` kept and comparing them with the keys in the text. First the
 * colons that follow a quote are counted, jumping from colon to colon: every
 * key is one of them, so there are never fewer of them than keys, and as many
 * as the keys kept means none was lost. Strings with a quote before a colon in
 * them make the count larger; then a pass that jumps from quote to quote
 * counts the keys exactly. Only when that count differs too does a third,
 * slower scan find the duplicate and its path.
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
  // Walk the value when its depth is safe to recurse into, else leave depth to the text pass.
  const keptKeys = limits.maxDepth > MAX_RECURSION ? undefined : typeof value === 'object' && value !== null ? countKeys(value, limits.maxDepth) : 0;
  if (keptKeys === TOO_DEEP) return tooDeep(limits, path);
  if (duplicates === 'last-wins' && keptKeys !== undefined) return { ok: true, value };
  // An enumerable property on Object.prototype is counted in every object, and could make up for a lost key.
  const counted = keptKeys !== undefined && !prototypeEnumerable();
  if (counted && colonsAfterQuotes(text) === keptKeys) return { ok: true, value };
  const keysInText = countKeysInText(text, limits.maxDepth);
  if (keysInText === TOO_DEEP) return tooDeep(limits, path);
  if (duplicates === 'last-wins' || (counted && keysInText === keptKeys)) return { ok: true, value };
  const found = scan(text);
  if (found) {
    return {
      ok: false,
      issue: { code: 'invalid_json', path: path + found.path, detail: `the key ${JSON.stringify(found.key)} appears more than once in one object` },
    };
  }
  return { ok: true, value };
}

const tooDeep = (limits: Limits, path: string): Decoded => ({ ok: false, issue: { code: 'input_too_deep', path, expected: String(limits.maxDepth) } });

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

const TOO_DEEP = -1;
/** Deepest limit at which a value is walked by recursion; deeper limits are checked on the text alone. */
const MAX_RECURSION = 1000;

/**
 * The number of keys written in text that `JSON.parse` has accepted, or
 * {@link TOO_DEEP}. Strings are skipped with `indexOf`; a string followed by
 * `:` is a key.
 */
function countKeysInText(text: string, maxDepth: number): number {
  let keys = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = text.indexOf('"', i + 1);
      while (isEscaped(text, end)) end = text.indexOf('"', end + 1);
      i = end + 1;
      while (isJsonSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 0x3a /* : */) keys++;
      else i--;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return TOO_DEEP;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return keys;
}

/**
 * The colons in `text` that follow a quote, white space aside. In JSON text
 * every key is followed by one; other such colons are inside strings.
 */
function colonsAfterQuotes(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    while (isJsonSpace(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) === 0x22 /* " */) count++;
  }
  return count;
}

/** Whether the quote at `at` is escaped: an odd run of backslashes before it. */
function isEscaped(text: string, at: number): boolean {
  let i = at - 1;
  while (text.charCodeAt(i) === 0x5c /* \ */) i--;
  return (at - 1 - i) % 2 === 1;
}

const isJsonSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Whether `Object.prototype` has a property `for…in` would list. */
function prototypeEnumerable(): boolean {
  for (const _ in EMPTY) return true;
  return false;
}
const EMPTY = {};

/**
 * The keys of every object in a parsed value (inherited enumerable ones too),
 * or {@link TOO_DEEP} when it nests more than `depthLeft` levels. `value` is
 * an object or an array; only those are recursed into.
 */
function countKeys(value: object, depthLeft: number): number {
  if (depthLeft === 0) return TOO_DEEP;
  let keys = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null) continue;
      const inner = countKeys(item, depthLeft - 1);
      if (inner === TOO_DEEP) return TOO_DEEP;
      keys += inner;
    }
    return keys;
  }
  for (const key in value) {
    keys++;
    const item: unknown = (value as Record<string, unknown>)[key];
    if (typeof item !== 'object' || item === null) continue;
    const inner = countKeys(item, depthLeft - 1);
    if (inner === TOO_DEEP) return TOO_DEEP;
    keys += inner;
  }
  return keys;
}

interface Frame {
  readonly object: boolean;
  readonly keys: string[];
  index: number;
}

/**
 * Scans text that `JSON.parse` has already accepted and whose depth
 * {@link countKeysInText} has checked, keeping every key of every open
 * object. Returns the first duplicate key with its path, or undefined.
 */
function scan(text: string): { path: string; key: string } | undefined {
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
      if (expectKey) {
        const frame = stack[stack.length - 1] as Frame;
        const raw = text.slice(start + 1, i);
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : raw;
        if (frame.keys.includes(key)) return { path: pathOf(stack, key), key };
        frame.keys.push(key);
      }
      expectKey = false;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
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
