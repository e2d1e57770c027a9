/**
 * An example envelope assembled from the examples on a schema's properties,
 * for sources that give examples field by field (as OpenAPI specs usually
 * do) rather than for a whole message. It is built from the converted
 * schema, so it can only use values the source gave: a required field with
 * no example anywhere means there is no example.
 */
import type { JsonSchemaObject } from '../catalogue/model.js';
import { isObject } from './source.js';

const NONE = Symbol('none');

/** The data example, or undefined when a required value has no example. */
export function assembleExample(schema: JsonSchemaObject, resolve: (ref: string) => JsonSchemaObject | undefined): unknown {
  const value = exampleValue(schema, resolve, 0);
  return value === NONE ? undefined : value;
}

function exampleValue(schema: unknown, resolve: (ref: string) => JsonSchemaObject | undefined, depth: number): unknown {
  if (!isObject(schema) || depth > 32) return NONE;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref);
    return target === undefined ? NONE : exampleValue(target, resolve, depth + 1);
  }
  if (Array.isArray(schema.anyOf)) {
    for (const branch of schema.anyOf) {
      const value = exampleValue(branch, resolve, depth + 1);
      if (value !== NONE) return value;
    }
    return NONE;
  }
  if (Object.hasOwn(schema, 'const')) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (isObject(schema.properties)) {
    const required = Array.isArray(schema.required) ? schema.required : [];
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const value = exampleValue(property, resolve, depth + 1);
      if (value === NONE) {
        if (required.includes(name)) return NONE;
      } else Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'))) {
    const item = exampleValue(schema.items, resolve, depth + 1);
    return item === NONE ? [] : [item];
  }
  return NONE;
}
