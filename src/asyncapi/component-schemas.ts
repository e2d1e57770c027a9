/**
 * The catalogue's JSON Schemas as AsyncAPI `components.schemas`: the
 * envelope, the shared definitions and every version's data, each under a
 * key of its own, with every `$ref` pointed at that key inside the document.
 * The document then stands alone: nothing refers to a URL, so no tool
 * reading it goes to the network.
 *
 * AsyncAPI's schema format is a superset of JSON Schema draft 07, where a
 * `$ref` hides its sibling keywords. The catalogue's schemas are draft
 * 2020-12, where it does not, so a `$ref` that has assertions beside it is
 * moved into an `allOf` of its own, which means the same in both.
 */
import type { Catalogue, ContractKind, JsonSchemaObject, SchemaFile } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';
import { ANNOTATIONS } from '../schema/keywords.js';
import { walkSchema } from '../schema/walk.js';

export interface ComponentSchemas {
  /** `components.schemas`, by key. */
  readonly schemas: Readonly<Record<string, JsonSchemaObject>>;
  /** The key of the envelope's schema. */
  readonly envelope: string;
}

/** The key of a contract version's data schema, such as `approved-premises.booking.cancelled.detail.v2`. */
export const dataSchemaKey = (eventType: string, kind: ContractKind, version: number): string => `${eventType}.${kind}.v${version}`;

/** A reference to a component schema. */
export const schemaRef = (key: string, pointer = ''): { $ref: string } => ({ $ref: `#/components/schemas/${key}${pointer}` });

export function componentSchemas(catalogue: Catalogue): ComponentSchemas {
  const files: [string, SchemaFile][] = [
    [titleOf(catalogue.envelope, 'Envelope'), catalogue.envelope],
    ...catalogue.shared.map((s) => [s.typeName, s] as [string, SchemaFile]),
    ...catalogue.events.flatMap((e) =>
      e.contracts.flatMap((c) => c.versions.map((v) => [dataSchemaKey(e.type, c.kind, v.version), v.schema] as [string, SchemaFile])),
    ),
  ];
  const keyById = new Map(files.map(([key, file]) => [file.id, key]));
  const schemas: Record<string, JsonSchemaObject> = {};
  for (const [key, file] of files) schemas[key] = standalone(file, keyById);
  return { schemas, envelope: files[0]?.[0] as string };
}

const titleOf = (file: SchemaFile, fallback: string): string => (typeof file.json.title === 'string' ? file.json.title : fallback);

/** A copy of the schema without `$schema` and `$id`, its `$ref`s pointing into the document. */
function standalone(file: SchemaFile, keyById: ReadonlyMap<string, string>): JsonSchemaObject {
  const copy = structuredClone(file.json) as Record<string, unknown>;
  delete copy.$schema;
  delete copy.$id;
  walkSchema(copy, (node, pointer) => {
    const ref = node.$ref;
    if (typeof ref !== 'string') return;
    const target = URL.canParse(ref, file.id) ? new URL(ref, file.id) : undefined;
    const fragment = target?.hash.slice(1) ?? '';
    if (target) target.hash = '';
    const key = target ? keyById.get(target.href) : undefined;
    if (key === undefined) throw new ConfigError(file.file, `${pointer}/$ref`, `cannot resolve ${JSON.stringify(ref)} to a schema of the catalogue`);
    const mutable = node as Record<string, unknown>;
    const assertions = Object.keys(node).some((k) => k !== '$ref' && !ANNOTATIONS.has(k));
    if (assertions) {
      delete mutable.$ref;
      mutable.allOf = [schemaRef(key, fragment)];
    } else mutable.$ref = schemaRef(key, fragment).$ref;
  });
  return copy;
}
