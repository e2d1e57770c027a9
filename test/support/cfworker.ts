/**
 * The second reference validator: @cfworker/json-schema (draft 2020-12),
 * written apart from Ajv, so that the two are unlikely to share a mistake.
 * It reads own properties only, as JSON has them; Ajv reads the members
 * every object inherits (see `ajvOwnPropertyVerdict` in `ajv.ts`).
 *
 * As with Ajv, its format functions are this package's own, which
 * test/runtime holds to the RFCs and to the JSON Schema Test Suite, so that a
 * differential test compares what the generator makes of the keywords, not
 * two readings of the format RFCs.
 */
import { format, Validator } from '@cfworker/json-schema';
import type { Catalogue, JsonSchema } from '../../src/catalogue/model.js';
import { STRING_FORMATS } from '../../src/runtime/string-formats.js';

for (const [name, check] of Object.entries(STRING_FORMATS)) format[name as keyof typeof format] = check;

/** A schema as cfworker takes it: a copy (it marks the schemas it reads), with `__proto__` keys still own properties. */
const copy = <T>(schema: T): T => JSON.parse(JSON.stringify(schema)) as T;

/** cfworker's verdict on values under `schema`. */
export function cfworkerVerdict(schema: JsonSchema): (value: unknown) => boolean {
  const validator = new Validator(copy(schema) as never, '2020-12', false);
  return (value) => validator.validate(value).valid;
}

/** cfworker's verdict under each schema of a catalogue, by `$id`, with every other schema of the catalogue loaded for `$ref`s. */
export function cfworkerCatalogue(catalogue: Catalogue): (schemaId: string) => (value: unknown) => boolean {
  const all = [
    ...catalogue.shared.map((s) => s.json),
    catalogue.envelope.json,
    ...catalogue.events.flatMap((e) => e.contracts.flatMap((c) => c.versions.map((v) => v.schema.json))),
  ].map(copy);
  const byId = new Map<string, (value: unknown) => boolean>();
  return (schemaId) => {
    let verdict = byId.get(schemaId);
    if (!verdict) {
      const schema = all.find((s) => s.$id === schemaId);
      if (!schema) throw new Error(`no schema has the $id ${schemaId}`);
      const validator = new Validator(schema as never, '2020-12', false);
      for (const other of all) if (other !== schema) validator.addSchema(other as never);
      verdict = (value) => validator.validate(value).valid;
      byId.set(schemaId, verdict);
    }
    return verdict;
  };
}

/** cfworker's verdict on whole envelopes of `eventType` at `version`, as this package defines validity (as `envelopeVerdict` in `ajv.ts`). */
export function cfworkerEnvelopeVerdict(
  schemas: (schemaId: string) => (value: unknown) => boolean,
  catalogue: Catalogue,
  eventType: string,
  version: number,
): (document: unknown) => boolean {
  const envelope = schemas(catalogue.envelope.id);
  const id = catalogue.events.find((e) => e.type === eventType)?.notification?.versions[version - 1]?.schema.id;
  if (!id) throw new Error(`no schema for ${eventType} v${version}`);
  const data = schemas(id);
  return (document) => {
    if (!envelope(document)) return false;
    const d = document as { eventType: unknown; version?: unknown; additionalInformation: unknown };
    return d.eventType === eventType && (d.version ?? 1) === version && data(d.additionalInformation);
  };
}
