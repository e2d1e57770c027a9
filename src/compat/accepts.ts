/**
 * Whether a normal schema accepts a JSON value, with the meaning JSON Schema
 * 2020-12 gives each keyword (lengths in code points, `uniqueItems` by value,
 * formats as the generated validators check them). The engine uses it where a
 * schema lists values (`enum`, `const`): a listed value is accepted by the
 * other side or it is not, so that question is always decided.
 *
 * A part that could not be normalised accepts everything here; the
 * normaliser has already reported it, and the engine compares it as undecided.
 */
import { codePointLength, jsonEqual } from '../runtime/schema-checks.js';
import { STRING_FORMATS } from '../runtime/string-formats.js';
import { acceptsType, type NormalSchema, type TypedSchema } from './normal-schema.js';

/** Is `value` valid under `schema`? */
export function accepts(schema: NormalSchema, value: unknown): boolean {
  switch (schema.kind) {
    case 'unknown':
      return true;
    case 'values':
      return schema.values.some((v) => jsonEqual(v, value));
    case 'anyOf':
      return schema.branches.some((b) => accepts(b, value));
    case 'typed':
      return acceptsTyped(schema, value);
  }
}

function acceptsTyped(schema: TypedSchema, value: unknown): boolean {
  if (value === null) return acceptsType(schema, 'null');
  if (typeof value === 'boolean') return acceptsType(schema, 'boolean');
  if (typeof value === 'number') {
    if (!(acceptsType(schema, 'number') || (Number.isInteger(value) && acceptsType(schema, 'integer')))) return false;
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema.number;
    return (
      (minimum === undefined || value >= minimum) &&
      (maximum === undefined || value <= maximum) &&
      (exclusiveMinimum === undefined || value > exclusiveMinimum) &&
      (exclusiveMaximum === undefined || value < exclusiveMaximum)
    );
  }
  if (typeof value === 'string') {
    if (!acceptsType(schema, 'string')) return false;
    const { minLength, maxLength, pattern, format } = schema.string;
    const length = codePointLength(value);
    const check = format === undefined ? undefined : STRING_FORMATS[format as keyof typeof STRING_FORMATS];
    return (
      (minLength === undefined || length >= minLength) &&
      (maxLength === undefined || length <= maxLength) &&
      (pattern === undefined || new RegExp(pattern, 'u').test(value)) &&
      (check === undefined || check(value))
    );
  }
  if (Array.isArray(value)) {
    if (!acceptsType(schema, 'array')) return false;
    const { items, minItems, maxItems, uniqueItems } = schema.array;
    if ((minItems !== undefined && value.length < minItems) || (maxItems !== undefined && value.length > maxItems)) return false;
    if (items && !value.every((item) => accepts(items, item))) return false;
    return !uniqueItems || value.every((item, i) => value.findIndex((other) => jsonEqual(other, item)) === i);
  }
  if (typeof value === 'object') {
    if (!acceptsType(schema, 'object')) return false;
    const { properties, required, additionalProperties } = schema.object;
    const record = value as Record<string, unknown>;
    if (!required.every((name) => Object.hasOwn(record, name))) return false;
    return Object.keys(record).every((name) => {
      const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
      return property ? accepts(property, record[name]) : additionalProperties;
    });
  }
  return false;
}
