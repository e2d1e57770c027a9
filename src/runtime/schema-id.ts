/**
 * Schema `$id`s. Every schema in the catalogue has one by convention, which
 * the loader enforces and the runtime relies on (a CloudEvent's `dataschema`
 * is the `$id` of its version's schema), so both take it from here.
 */

/** The base of every `$id` in the catalogue. */
export const SCHEMA_ID_BASE = 'https://schemas.probation.justice.gov.uk/domain-events/';

/** The `$id` of the JSON Schema of version `version` of one of `eventType`'s contracts. */
export const schemaIdOf = (eventType: string, contract: 'notification' | 'detail', version: number): string =>
  `${SCHEMA_ID_BASE}${eventType}/${contract}/v${version}.schema.json`;
