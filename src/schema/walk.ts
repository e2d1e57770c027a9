/**
 * Visits every subschema of a raw JSON Schema document that the catalogue's
 * keyword set can hold (`properties`, `$defs`, `items`, `additionalProperties`,
 * `anyOf`), with its JSON Pointer. `$ref`s are not followed: each file is
 * walked on its own, so each problem is reported once, where it is written.
 */
import type { JsonSchemaObject } from '../catalogue/model.js';
import { escapePointer } from '../runtime/json-pointer.js';

/** Keywords whose value is a map of subschemas. */
const SCHEMA_MAPS = ['properties', '$defs'] as const;
/** Keywords whose value is one subschema. */
const SCHEMA_VALUES = ['items', 'additionalProperties'] as const;

/** Calls `visit` on `schema` and each of its subschemas that is an object. */
export function walkSchema(schema: unknown, visit: (node: JsonSchemaObject, pointer: string) => void, pointer = ''): void {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const keyword of SCHEMA_MAPS) {
    const map = schema[keyword];
    if (!isObject(map)) continue;
    for (const [name, child] of Object.entries(map)) walkSchema(child, visit, `${pointer}/${keyword}/${escapePointer(name)}`);
  }
  for (const keyword of SCHEMA_VALUES) walkSchema(schema[keyword], visit, `${pointer}/${keyword}`);
  const anyOf = schema.anyOf;
  if (Array.isArray(anyOf)) {
    for (const [i, branch] of anyOf.entries()) walkSchema(branch, visit, `${pointer}/anyOf/${i}`);
  }
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonSchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
