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
  /** `not-emitted`: the producer stores and serves detail documents of this type but never publishes a notification. */
  readonly status: 'draft' | 'active' | 'not-emitted' | 'deprecated' | 'retired';
  readonly detailUrl?: string;
  /** The producer files each contract was modelled from, as `owner/repo@commit:path`. */
  readonly source?: { readonly notification?: readonly string[]; readonly detail?: readonly string[] };
  /**
   * Timeline templates keyed by the first version they apply to: versions of
   * the detail contract where there is one, else of the notification contract.
   */
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

/**
 * The two contracts an event type can have: the notification's
 * `additionalInformation`, and the detail document's `eventDetails`.
 */
export type ContractKind = 'notification' | 'detail';
export const CONTRACT_KINDS: readonly ContractKind[] = ['notification', 'detail'];

/**
 * An example under `examples/`, named `<contract>.vN.<name>.(valid|invalid).json`:
 * a whole notification (the envelope) or a whole detail document.
 */
export interface ExampleSource {
  readonly file: string;
  readonly contract: ContractKind;
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

/** One contract of an event type: a versioned JSON Schema with its upcasts and examples. */
export interface ContractSource {
  /** The event type, such as `approved-premises.booking.cancelled`. */
  readonly type: string;
  readonly kind: ContractKind;
  /** Repository-relative folder, e.g. `schemas/approved-premises.booking.cancelled/detail`. */
  readonly dir: string;
  /** Sorted by version, ascending. */
  readonly versions: readonly VersionSource[];
}

export interface EventTypeSource {
  readonly type: string;
  /** Repository-relative folder, e.g. `schemas/approved-premises.booking.cancelled`. */
  readonly dir: string;
  readonly metadataFile: string;
  readonly metadata: EventMetadata;
  /** What the notification carries in `additionalInformation`; absent for types that are never published. */
  readonly notification?: ContractSource;
  /** What the detail document carries in `eventDetails`; absent where the producer serves none. */
  readonly detail?: ContractSource;
  /** The contracts present, notification first. */
  readonly contracts: readonly ContractSource[];
}

export interface Catalogue {
  /** Repository-relative schemas folder, normally `schemas`. */
  readonly dir: string;
  readonly envelope: SchemaFile;
  readonly shared: readonly SharedSchema[];
  /** Sorted by event type. */
  readonly events: readonly EventTypeSource[];
}

/** The contract an event type's timeline templates read: the detail contract where there is one, as the CAS timeline reads detail documents. */
export const timelineContract = (event: EventTypeSource): ContractSource => (event.detail ?? event.notification) as ContractSource;
