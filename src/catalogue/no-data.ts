/**
 * A notification version that describes no data: its schema is an object
 * with no properties. The event is told by its envelope alone, so a
 * notification of that version may leave `additionalInformation` out, as the
 * HMPPS envelope allows. The generator and `check` read the rule from here.
 */
import type { JsonSchemaObject } from './model.js';

export function describesNoData(schema: JsonSchemaObject): boolean {
  const { properties } = schema;
  return (
    schema.type === 'object' &&
    typeof properties === 'object' &&
    properties !== null &&
    Object.keys(properties).length === 0 &&
    (!Array.isArray(schema.required) || schema.required.length === 0) &&
    schema.$ref === undefined &&
    schema.anyOf === undefined
  );
}
