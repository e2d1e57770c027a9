/**
 * Example documents for scaffolded versions (notifications and detail
 * documents): a valid one, and an invalid one made from it by breaking
 * exactly one rule of the version's schema.
 */
import type { JsonSchemaObject } from '../catalogue/model.js';
import { kebab } from '../schema/names.js';
import { isObject } from '../schema/walk.js';

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

/** A whole detail document around `eventDetails`, as the catalogue's detail examples are. */
export function exampleDetailDocument(eventType: string, eventDetails: unknown): Record<string, unknown> {
  return { id: crypto.randomUUID(), timestamp: '2025-01-01T12:00:00Z', eventType, eventDetails };
}

/**
 * An invalid twin of a valid example: without its data's first required
 * property, or else, when the data is a closed object, with a property the
 * schema does not list (which readers only reject when asked to reject
 * unknown properties). Undefined when the schema allows neither to break it.
 * `field` is where the data sits: `additionalInformation` in a notification,
 * `eventDetails` in a detail document.
 */
export function invalidTwin(
  valid: Record<string, unknown>,
  schema: JsonSchemaObject,
  field: 'additionalInformation' | 'eventDetails' = 'additionalInformation',
): { name: string; example: Record<string, unknown> } | undefined {
  const data = isObject(valid[field]) ? valid[field] : {};
  const required = Array.isArray(schema.required) ? schema.required.find((r): r is string => typeof r === 'string' && r in data) : undefined;
  if (required !== undefined) {
    const { [required]: _dropped, ...rest } = data;
    return { name: `missing-${kebab(required) || 'property'}`, example: { ...valid, [field]: rest } };
  }
  if (schema.additionalProperties === false) {
    return { name: 'unknown-property', example: { ...valid, [field]: { ...data, propertyNotInTheSchema: true } } };
  }
  return undefined;
}
