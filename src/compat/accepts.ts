/**
 * Whether a normal schema accepts a JSON value, with the meaning JSON Schema
 * 2020-12 gives each keyword (lengths in code points, `uniqueItems` by value,
 * formats as the generated validators check them), and if not, where and why.
 * The engine uses it where a schema lists values (`enum`, `const`): a listed
 * value is accepted by the other side or it is not, so that question is
 * always decided. `check` uses it to hold valid examples to their schema.
 *
 * A part that could not be normalised accepts everything here; the
 * normaliser has already reported it, and the engine compares it as undecided.
 */

import { codePointLength, jsonEqual } from '../runtime/checks.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { STRING_FORMATS } from '../runtime/string-formats.js';
import { acceptsType, type NormalSchema, type TypedSchema } from './normal-schema.js';

/** Why a value is rejected: a JSON Pointer into the value, and what is wrong there. */
export interface Rejection {
  readonly path: string;
  readonly message: string;
}

/** Is `value` valid under `schema`? */
export function accepts(schema: NormalSchema, value: unknown): boolean {
  return rejection(schema, value) === undefined;
}

/** The first reason `schema` rejects `value`, or undefined when it accepts it; `path` is where `value` is, and starts the reason's path. */
export function rejection(schema: NormalSchema, value: unknown, path = ''): Rejection | undefined {
  const found = rejectionBelow(schema, value);
  return found === undefined || path === '' ? found : { path: `${path}${found.path}`, message: found.message };
}

/** As {@link rejection}, with the path relative to `value`: built only for a rejection, since most values pass. */
function rejectionBelow(schema: NormalSchema, value: unknown): Rejection | undefined {
  switch (schema.kind) {
    case 'unknown':
      return undefined;
    case 'values':
      return schema.values.some((v) => jsonEqual(v, value)) ? undefined : { path: '', message: `must be one of ${list(schema.values)}` };
    case 'anyOf': {
      if (schema.branches.some((b) => rejectionBelow(b, value) === undefined)) return undefined;
      // Where one branch alone is picked by a constant property (a discriminator, such as an identifier's type), its reason is the reason.
      const picked = schema.branches.filter((b) => picks(b, value));
      return picked.length === 1 ? rejectionBelow(picked[0] as NormalSchema, value) : { path: '', message: 'matches no anyOf branch' };
    }
    case 'typed':
      return typedRejection(schema, value);
  }
}

/** `inner`, found at `token` below the value. */
const below = (token: string | number, inner: Rejection): Rejection => ({ path: `/${escapePointer(token)}${inner.path}`, message: inner.message });

function typedRejection(schema: TypedSchema, value: unknown): Rejection | undefined {
  const at = (message: string, where = ''): Rejection => ({ path: where, message });
  const wrongType = () => at(`must be ${schema.types.join(' or ')}`);
  if (value === null) return acceptsType(schema, 'null') ? undefined : wrongType();
  if (typeof value === 'boolean') return acceptsType(schema, 'boolean') ? undefined : wrongType();
  if (typeof value === 'number') {
    if (!(acceptsType(schema, 'number') || (Number.isInteger(value) && acceptsType(schema, 'integer')))) return wrongType();
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema.number;
    if (minimum !== undefined && value < minimum) return at(`must be at least ${minimum}`);
    if (maximum !== undefined && value > maximum) return at(`must be at most ${maximum}`);
    if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) return at(`must be more than ${exclusiveMinimum}`);
    if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) return at(`must be less than ${exclusiveMaximum}`);
    return undefined;
  }
  if (typeof value === 'string') {
    if (!acceptsType(schema, 'string')) return wrongType();
    const { minLength, maxLength, pattern, format } = schema.string;
    const length = codePointLength(value);
    const check = format === undefined ? undefined : STRING_FORMATS[format as keyof typeof STRING_FORMATS];
    if (minLength !== undefined && length < minLength) return at(`must be at least ${minLength} characters long`);
    if (maxLength !== undefined && length > maxLength) return at(`must be at most ${maxLength} characters long`);
    if (pattern !== undefined && !patternOf(pattern).test(value)) return at(`must match /${pattern}/`);
    if (check && !check(value)) return at(`must be a ${format}`);
    return undefined;
  }
  if (Array.isArray(value)) {
    if (!acceptsType(schema, 'array')) return wrongType();
    const { items, minItems, maxItems, uniqueItems } = schema.array;
    if (minItems !== undefined && value.length < minItems) return at(`must have at least ${minItems} items`);
    if (maxItems !== undefined && value.length > maxItems) return at(`must have at most ${maxItems} items`);
    for (const [i, item] of value.entries()) {
      const inner = items && rejectionBelow(items, item);
      if (inner) return below(i, inner);
      if (uniqueItems && value.findIndex((other) => jsonEqual(other, item)) !== i) return at('repeats an earlier item', `/${i}`);
    }
    return undefined;
  }
  if (typeof value === 'object') {
    if (!acceptsType(schema, 'object')) return wrongType();
    const { properties, required, additionalProperties } = schema.object;
    const record = value as Record<string, unknown>;
    const missing = required.find((name) => !Object.hasOwn(record, name));
    if (missing !== undefined) return at(`is required`, `/${escapePointer(missing)}`);
    for (const name of Object.keys(record)) {
      const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
      const inner = property ? rejectionBelow(property, record[name]) : additionalProperties ? undefined : at('is not allowed (additionalProperties: false)');
      if (inner) return below(name, inner);
    }
    return undefined;
  }
  return at('is not a JSON value');
}

const patterns = new Map<string, RegExp>();

/** A pattern compiled once: `check` tests the same few patterns on many values. */
function patternOf(pattern: string): RegExp {
  let compiled = patterns.get(pattern);
  if (!compiled) {
    compiled = new RegExp(pattern, 'u');
    patterns.set(pattern, compiled);
  }
  return compiled;
}

/** Whether `value` is an object that has a property `branch` fixes to a list of values, with one of them. */
function picks(branch: NormalSchema, value: unknown): boolean {
  if (branch.kind !== 'typed' || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(branch.object.properties).some(
    ([name, property]) => property.kind === 'values' && Object.hasOwn(record, name) && property.values.some((v) => jsonEqual(v, record[name])),
  );
}

function list(values: readonly unknown[]): string {
  const shown = values.slice(0, 5).map((v) => JSON.stringify(v));
  return values.length === 0 ? 'nothing' : `${shown.join(', ')}${values.length > 5 ? ', …' : ''}`;
}
