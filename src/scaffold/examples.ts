/**
 * Example envelopes for scaffolded versions: a valid one, and an invalid one
 * made from it by breaking exactly one rule of the version's schema.
 */
import type { JsonSchemaObject } from '../catalogue/model.js';
import { kebab } from '../codegen/names.js';
import { isObject } from '../compat/schema-walk.js';

/** A whole envelope around `data`, as the catalogue's examples are. */
export function exampleEnvelope(eventType: string, version: number, producer: string, description: string, data: unknown): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    producer,
    eventType,
    version,
    description,
    occurredAt: '2025-01-01T12:00:00Z',
    publishedAt: '2025-01-01T12:00:01Z',
    additionalInformation: data,
  };
}

/**
 * An invalid twin of a valid example: with a property the schema does not
 * list when the data is a closed object, or else without its first required
 * property. Undefined when the schema allows neither to break it.
 */
export function invalidTwin(valid: Record<string, unknown>, schema: JsonSchemaObject): { name: string; example: Record<string, unknown> } | undefined {
  const data = isObject(valid.additionalInformation) ? valid.additionalInformation : {};
  if (schema.additionalProperties === false) {
    return { name: 'unknown-property', example: { ...valid, additionalInformation: { ...data, propertyNotInTheSchema: true } } };
  }
  const required = Array.isArray(schema.required) ? schema.required.find((r): r is string => typeof r === 'string' && r in data) : undefined;
  if (required === undefined) return undefined;
  const { [required]: _dropped, ...rest } = data;
  return { name: `missing-${kebab(required) || 'property'}`, example: { ...valid, additionalInformation: rest } };
}
