/**
 * The reference validator: Ajv for JSON Schema draft 2020-12, loaded with
 * every schema of a catalogue. Its formats are this package's own functions
 * by default, given to Ajv with `addFormat`: they are tested on their own
 * (test/runtime), so a differential test compares what the generator makes
 * of the keywords, not two implementations of the format RFCs. ajv-formats'
 * modes are there for the benchmark's baselines. Where a schema names a
 * property as a member every object inherits, the verdict JSON semantics
 * give, which Ajv's own is not.
 */
import type { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Catalogue, JsonSchema, JsonSchemaObject } from '../../src/catalogue/model.js';
import { STRING_FORMATS } from '../../src/runtime/string-formats.js';

export type Reference = Ajv2020;

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (ajv: Reference, options: { mode: 'full' | 'fast' }) => void;

/** How the reference validator is set up. */
export interface ReferenceOptions {
  /** Collect every error rather than stop at the first. Default true: the differential tests compare whole verdicts. */
  readonly allErrors?: boolean;
  /** Whose format functions: `package` (the default), this package's; ajv-formats' `full` mode, or its looser `fast` mode. */
  readonly formats?: 'package' | 'full' | 'fast';
}

/** Gives Ajv this package's string formats, for strings only, as JSON Schema applies formats. */
export function addPackageFormats(ajv: Ajv): void {
  for (const [name, validate] of Object.entries(STRING_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
}

/** Ajv as {@link referenceValidator} sets it up, with no schema loaded; `strict` (default true) is Ajv's strict mode. */
export function bareReference(options: ReferenceOptions & { readonly strict?: boolean } = {}): Reference {
  const ajv = new Ajv2020({ strict: options.strict ?? true, allErrors: options.allErrors ?? true });
  const mode = options.formats ?? 'package';
  if (mode === 'package') addPackageFormats(ajv);
  else addFormats(ajv, { mode });
  return ajv;
}

export function referenceValidator(catalogue: Catalogue, options: ReferenceOptions = {}): Reference {
  const ajv = bareReference(options);
  for (const shared of catalogue.shared) ajv.addSchema(shared.json);
  ajv.addSchema(catalogue.envelope.json);
  for (const event of catalogue.events) for (const contract of event.contracts) for (const version of contract.versions) ajv.addSchema(version.schema.json);
  return ajv;
}

/** Ajv's verdict on whole envelopes of `eventType` at `version`, as this package defines validity, with the schemas looked up once. */
export function envelopeVerdict(ajv: Reference, catalogue: Catalogue, eventType: string, version: number): (document: unknown) => boolean {
  const envelope = ajv.getSchema(catalogue.envelope.id);
  const data = ajv.getSchema(catalogue.events.find((e) => e.type === eventType)?.notification?.versions[version - 1]?.schema.id ?? '');
  if (!envelope || !data) throw new Error(`no schema for ${eventType} v${version}`);
  return (document) => {
    if (!envelope(document)) return false;
    const d = document as { eventType: unknown; version?: unknown; additionalInformation: unknown };
    return d.eventType === eventType && (d.version ?? 1) === version && Boolean(data(d.additionalInformation));
  };
}

/** Ajv's verdict on a whole envelope of `eventType` at `version`, as this package defines validity. */
export function referenceEnvelopeVerdict(ajv: Reference, catalogue: Catalogue, document: unknown, eventType: string, version: number): boolean {
  return envelopeVerdict(ajv, catalogue, eventType, version)(document);
}

/**
 * Ajv reads the members every object inherits: for a property named
 * `constructor` it tests `data.constructor !== undefined`, which `{}` passes,
 * and it never checks a property named `__proto__`. JSON has own properties
 * only. Prefixing every property name (`toString` becomes `p:toString`), in
 * the schema and in the value alike, asks the same question with names no
 * object inherits: JSON Schema compares names only with each other, so the
 * answer is the same, and Ajv gets it right. That answer is the verdict JSON
 * semantics give.
 */
export function ajvOwnPropertyVerdict(ajv: Reference, schema: JsonSchema): (value: unknown) => boolean {
  const validate = ajv.compile(prefixedSchema(schema) as object);
  return (value) => Boolean(validate(prefixedKeys(value)));
}

/** Whether `schema` names, as a property anywhere, a member every object inherits: where Ajv's verdict may be wrong. */
export function namesInheritedMember(schema: JsonSchema): boolean {
  if (typeof schema !== 'object') return false;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return (
    Object.keys(properties).some((name) => name in Object.prototype || name === '__proto__') ||
    Object.values(properties).some(namesInheritedMember) ||
    (schema.items !== undefined && namesInheritedMember(schema.items as JsonSchema)) ||
    (Array.isArray(schema.anyOf) && (schema.anyOf as JsonSchema[]).some(namesInheritedMember))
  );
}

const PREFIX = 'p:';
const own = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

function prefixedSchema(schema: JsonSchema): JsonSchema {
  if (typeof schema !== 'object') return schema;
  const out: JsonSchemaObject = {};
  for (const [keyword, value] of Object.entries(schema)) {
    let mapped = value;
    if (keyword === 'properties') {
      mapped = {};
      for (const [name, sub] of Object.entries(value as Record<string, JsonSchema>)) own(mapped as object, PREFIX + name, prefixedSchema(sub));
    } else if (keyword === 'required') mapped = (value as string[]).map((name) => PREFIX + name);
    else if (keyword === 'items') mapped = prefixedSchema(value as JsonSchema);
    else if (keyword === 'anyOf') mapped = (value as JsonSchema[]).map(prefixedSchema);
    own(out, keyword, mapped);
  }
  return out;
}

function prefixedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prefixedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) own(out, PREFIX + key, prefixedKeys(item));
  return out;
}
