/**
 * zod building blocks with JSON Schema's meaning, for the generated
 * validators. Where a zod built-in means something else, these replace it:
 *
 * - `integer`: JSON Schema's integer is any number with no fractional part;
 *   `z.int()` also caps it at 2^53 - 1.
 * - string lengths: JSON Schema counts Unicode code points; zod counts UTF-16
 *   code units, so "😀" would be 2 long.
 * - `uniqueItems`: JSON Schema compares items by value, deeply.
 * - formats: see `string-formats.ts`.
 *
 * Every custom check carries the JSON Schema keyword it enforces in its
 * params, so an issue can be reported in the schema's own terms.
 */
import * as z from 'zod/mini';
import { isEmail } from './mailbox-syntax.js';
import { isDate, isDateTime, isTime, isUuid } from './string-formats.js';
import { isUri } from './uri-syntax.js';

/** Params carried by a custom check: the keyword, and its limit where it has one. */
export interface KeywordParams {
  readonly keyword: 'integer' | 'minLength' | 'maxLength' | 'uniqueItems';
  readonly limit?: number;
}

const keyword = (params: KeywordParams) => ({ params: { ...params } });

export const uuid = z.stringFormat('uuid', isUuid);
export const dateTime = z.stringFormat('date-time', isDateTime);
export const date = z.stringFormat('date', isDate);
export const time = z.stringFormat('time', isTime);
export const uri = z.stringFormat('uri', isUri);
export const email = z.stringFormat('email', isEmail);

/** `type: integer`. */
export const integer = z.number().check(z.refine(Number.isInteger, keyword({ keyword: 'integer' })));

/** Length in Unicode code points, counted as Ajv's `ucs2length` does (a lone surrogate counts as one). */
export function codePointLength(value: string): number {
  const units = value.length;
  let length = 0;
  let pos = 0;
  while (pos < units) {
    length++;
    const unit = value.charCodeAt(pos++);
    if (unit >= 0xd800 && unit <= 0xdbff && pos < units && (value.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

/** `minLength: n`, in code points. A string has at least as many code units as code points. */
export const minLength = (limit: number) =>
  z.refine<string>((s) => s.length >= limit && (s.length >= 2 * limit || codePointLength(s) >= limit), keyword({ keyword: 'minLength', limit }));

/** `maxLength: n`, in code points. */
export const maxLength = (limit: number) => z.refine<string>((s) => s.length <= limit || codePointLength(s) <= limit, keyword({ keyword: 'maxLength', limit }));

/** JSON Schema equality: by value for arrays and objects, regardless of key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.hasOwn(b, key) || !jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** `uniqueItems: true`. */
export const uniqueItems = () =>
  z.refine<unknown[]>(
    (items) => {
      for (let i = 1; i < items.length; i++) {
        for (let j = 0; j < i; j++) if (jsonEqual(items[i], items[j])) return false;
      }
      return true;
    },
    keyword({ keyword: 'uniqueItems' }),
  );
