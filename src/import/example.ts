/**
 * Examples for an imported event, built from its converted schema:
 * - a valid one assembled from the examples on each property (as most specs
 *   give them, field by field, rather than for a whole message), with a
 *   value derived from the schema where a required property has none (its
 *   const, first enum value, a sample of its format, the least value its
 *   bounds allow) — or no example, when no value can be told (a `pattern`
 *   with no example);
 * - an invalid twin of a valid one, which breaks one thing the schema says.
 */
import type { JsonSchemaObject } from '../catalogue/model.js';
import { isRecord } from '../runtime/own-properties.js';
import { kebab } from '../schema/names.js';

const NONE = Symbol('none');

type Resolve = (ref: string) => JsonSchemaObject | undefined;

/** The assembled data example and whether any value in it was derived rather than taken from the source; undefined when no example can be made. */
export function assembleExample(schema: JsonSchemaObject, resolve: Resolve): { value: unknown; derived: boolean } | undefined {
  const state = { derived: false };
  const value = exampleValue(schema, resolve, 0, state);
  return value === NONE ? undefined : { value, derived: state.derived };
}

/** Samples of each format, valid under the runtime's checks. */
export const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  date: '2025-01-01',
  'date-time': '2025-01-01T00:00:00Z',
  time: '00:00:00Z',
  uri: 'https://example.com/',
  email: 'someone@example.com',
};

function exampleValue(schema: unknown, resolve: Resolve, depth: number, state: { derived: boolean }): unknown {
  if (!isRecord(schema) || depth > 32) return NONE;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref);
    return target === undefined ? NONE : exampleValue(target, resolve, depth + 1, state);
  }
  if (Array.isArray(schema.anyOf)) {
    for (const branch of schema.anyOf) {
      const value = exampleValue(branch, resolve, depth + 1, state);
      if (value !== NONE) return value;
    }
    return NONE;
  }
  if (Object.hasOwn(schema, 'const')) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (isRecord(schema.properties)) {
    const required = Array.isArray(schema.required) ? schema.required : [];
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const inner = { derived: false };
      const value = exampleValue(property, resolve, depth + 1, inner);
      // An optional field is shown only with the source's own values; a required one may need derived ones.
      const needed = required.includes(name);
      if (value === NONE || (inner.derived && !needed)) {
        if (needed) return NONE;
        continue;
      }
      if (inner.derived) state.derived = true;
      Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : [];
  if (types.includes('array')) {
    const item = exampleValue(schema.items, resolve, depth + 1, state);
    if (item !== NONE) return [item];
    if (typeof schema.minItems === 'number' && schema.minItems > 0) return NONE;
    state.derived = true;
    return [];
  }
  const derived = derivedScalar(schema, types);
  if (derived !== NONE) state.derived = true;
  return derived;
}

/** A value of a scalar schema with no example, where one can be told without guessing. */
function derivedScalar(schema: Record<string, unknown>, types: readonly string[]): unknown {
  if (types.length === 0) return Object.keys(schema).every((k) => k === 'description') ? null : NONE;
  if (types.includes('string')) {
    if (typeof schema.pattern === 'string') return NONE;
    const format = typeof schema.format === 'string' ? FORMAT_SAMPLES[schema.format] : undefined;
    if (format !== undefined) return format;
    const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
    return 'x'.repeat(Math.max(min, 1));
  }
  if (types.includes('integer') || types.includes('number')) {
    if (typeof schema.minimum === 'number') return types.includes('integer') ? Math.ceil(schema.minimum) : schema.minimum;
    if (typeof schema.exclusiveMinimum === 'number') return Math.floor(schema.exclusiveMinimum) + 1;
    if (typeof schema.maximum === 'number') return Math.min(0, Math.floor(schema.maximum));
    return 0;
  }
  if (types.includes('boolean')) return false;
  if (types.includes('null')) return null;
  return NONE;
}

/**
 * An invalid twin of a valid data example: a required property removed, or
 * else a typed property given a value of another type, or else the data not
 * an object at all. `what` says which, for the file name.
 */
export function invalidData(schema: JsonSchemaObject, data: unknown, resolve: Resolve): { value: unknown; what: string } {
  const target = typeof schema.$ref === 'string' ? (resolve(schema.$ref) ?? schema) : schema;
  if (!isRecord(data) || !isRecord(target.properties)) return { value: 'not an object', what: 'data-not-an-object' };
  const required = Array.isArray(target.required) ? (target.required as unknown[]) : [];
  const missing = required.find((name): name is string => typeof name === 'string' && Object.hasOwn(data, name));
  if (missing !== undefined) {
    const { [missing]: _removed, ...rest } = data;
    return { value: rest, what: `missing-${kebab(missing) || 'property'}` };
  }
  for (const [name, property] of Object.entries(target.properties)) {
    const types = isRecord(property) ? (typeof property.type === 'string' ? [property.type] : Array.isArray(property.type) ? property.type : []) : [];
    if (types.length === 0) continue;
    const wrong = types.includes('string') ? 42 : 'not a number';
    if (types.includes(typeof wrong === 'number' ? 'number' : 'string') || (typeof wrong === 'number' && types.includes('integer'))) continue;
    return { value: { ...data, [name]: wrong }, what: `${kebab(name) || 'property'}-wrong-type` };
  }
  return { value: 'not an object', what: 'data-not-an-object' };
}
