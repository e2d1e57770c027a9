/**
 * The second reference validator: @cfworker/json-schema (draft 2020-12),
 * written apart from Ajv, so that the two are unlikely to share a mistake.
 * It reads own properties only, as JSON has them; Ajv reads the members
 * every object inherits (see `ajvOwnPropertyVerdict` in `ajv.ts`).
 *
 * Its formats are its own, and differ from ajv-formats' full mode, whose
 * meaning this package follows (`src/runtime/string-formats.ts`), in two
 * known ways. There, and only there, its verdict is overruled, and each
 * overrule is counted in {@link formatOverrules} under its reason, so a test
 * can say how often it happened:
 * - uuid: RFC 4122's `urn:uuid:` prefix, which ajv-formats takes and
 *   cfworker refuses;
 * - email: a domain of one label (`a@b`), which cfworker takes and
 *   ajv-formats refuses.
 */
import { format, Validator } from '@cfworker/json-schema';
import type { Catalogue, JsonSchema } from '../../src/catalogue/model.js';

export const FORMAT_OVERRULES = {
  uuidUrn: 'uuid: the urn:uuid: prefix RFC 4122 allows, which cfworker refuses and ajv-formats takes',
  emailDomain: 'email: a domain of one label, which cfworker takes and ajv-formats refuses',
} as const;

/** How many times each overrule changed cfworker's verdict on a format, by reason. */
export const formatOverrules = new Map<string, number>();
const overrule = (reason: string) => formatOverrules.set(reason, (formatOverrules.get(reason) ?? 0) + 1);

const own = { uuid: format.uuid as (s: string) => boolean, email: format.email as (s: string) => boolean };
format.uuid = (s) => {
  if (own.uuid(s)) return true;
  if (/^urn:uuid:/iu.test(s) && own.uuid(s.slice('urn:uuid:'.length))) {
    overrule(FORMAT_OVERRULES.uuidUrn);
    return true;
  }
  return false;
};
format.email = (s) => {
  if (!own.email(s)) return false;
  if (!s.slice(s.lastIndexOf('@') + 1).includes('.')) {
    overrule(FORMAT_OVERRULES.emailDomain);
    return false;
  }
  return true;
};

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
