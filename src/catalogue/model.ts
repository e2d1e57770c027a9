/**
 * The catalogue as read from `schemas/`: every event type with its metadata,
 * versions, upcast declarations and examples. Paths are relative to the
 * repository root and use forward slashes, so output built from them is the
 * same on every machine.
 */

/** A JSON Schema document or subschema, as parsed from disk. */
export type JsonSchema = boolean | JsonSchemaObject;
export interface JsonSchemaObject {
  readonly [keyword: string]: unknown;
}

/** A schema file, with the `$id` it declares. */
export interface SchemaFile {
  /** Repository-relative path, e.g. `schemas/_shared/premises.schema.json`. */
  readonly file: string;
  readonly id: string;
  readonly json: JsonSchemaObject;
}

/** A shared definition from `schemas/_shared/`, reached by `$ref`. */
export interface SharedSchema extends SchemaFile {
  /** The TypeScript type name, taken from the schema's `title`. */
  readonly typeName: string;
}

/** A consumer of an event, optionally narrowed to one component of a service. */
export interface Consumer {
  readonly service: string;
  readonly component?: string;
}

/** The contents of `<event.type>/event.json`. */
export interface EventMetadata {
  readonly eventType: string;
  readonly title: string;
  readonly description: string;
  readonly owner: string;
  readonly producers: readonly string[];
  readonly consumers: readonly Consumer[];
  readonly status: 'draft' | 'active' | 'deprecated' | 'retired';
  readonly detailUrl?: string;
  /** Timeline templates keyed by the first version they apply to. */
  readonly timeline: Readonly<Record<string, string>>;
}

/** One declarative upcast operation; see `schemas/_meta/upcast.schema.json`. */
export type UpcastOperation =
  | { readonly op: 'add'; readonly path: string; readonly value: unknown }
  | { readonly op: 'add'; readonly path: string; readonly fromEnvelope: EnvelopeSource }
  | { readonly op: 'add'; readonly path: string; readonly fromContext: string; readonly default?: unknown }
  | { readonly op: 'rename'; readonly from: string; readonly path: string }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'date-in-zone'; readonly from: string; readonly path: string; readonly timeZone: string }
  | { readonly op: 'map-enum'; readonly path: string; readonly map: Readonly<Record<string, string>> };

/** Envelope fields an upcast may copy into the data. */
export type EnvelopeSource = 'id' | 'occurredAt' | 'publishedAt' | 'eventType' | 'producer' | 'detailUrl' | 'description';

/** The contents of `vN.upcast.json`. */
export type UpcastDeclaration =
  | { readonly kind: 'transform'; readonly description: string; readonly operations: readonly UpcastOperation[] }
  | { readonly kind: 'meaning-only'; readonly description: string }
  | { readonly kind: 'typed'; readonly description: string };

export interface UpcastSource {
  readonly file: string;
  readonly declaration: UpcastDeclaration;
}

/** An example envelope under `examples/`, named `vN.<name>.(valid|invalid).json`. */
export interface ExampleSource {
  readonly file: string;
  readonly version: number;
  readonly name: string;
  readonly expect: 'valid' | 'invalid';
  readonly json: unknown;
}

export interface VersionSource {
  readonly version: number;
  readonly schema: SchemaFile;
  /** How the previous version becomes this one; absent for version 1 or when not declared. */
  readonly upcast?: UpcastSource;
  readonly examples: readonly ExampleSource[];
}

export interface EventTypeSource {
  readonly type: string;
  /** Repository-relative folder, e.g. `schemas/approved-premises.booking.cancelled`. */
  readonly dir: string;
  readonly metadataFile: string;
  readonly metadata: EventMetadata;
  /** Sorted by version, ascending. */
  readonly versions: readonly VersionSource[];
}

export interface Catalogue {
  /** Repository-relative schemas folder, normally `schemas`. */
  readonly dir: string;
  readonly envelope: SchemaFile;
  readonly shared: readonly SharedSchema[];
  /** Sorted by event type. */
  readonly events: readonly EventTypeSource[];
}
