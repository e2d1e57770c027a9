/**
 * Test helpers: schemas written inline in a test as schema files, and the
 * real catalogue's files, with the documents their `$ref`s reach.
 */
import type { ContractKind, JsonSchemaObject, SchemaFile } from '../../src/catalogue/model.js';
import type { NormalSchema } from '../../src/compat/normal-schema.js';
import { normalise } from '../../src/compat/normalise.js';
import { indexCatalogue } from '../../src/schema/catalogue-index.js';
import type { SchemaDocuments } from '../../src/schema/ref.js';
import { repoCatalogue } from '../support/repo.js';

export const TEST_BASE = 'https://example.test/schemas/';

/** A schema written in a test, as a file with its own `$id`. */
export function inline(json: JsonSchemaObject, name = 'inline'): SchemaFile {
  return { file: `test/${name}.schema.json`, id: `${TEST_BASE}${name}.schema.json`, json };
}

/** Documents for `$ref`s between inline schemas: `shared` is reachable as `shared.schema.json`. */
export function documentsOf(...files: SchemaFile[]): SchemaDocuments {
  return new Map(files.map((f) => [f.id, f]));
}

/** The repository's own catalogue, and every schema in it by `$id`. */
export const catalogue = repoCatalogue();
export const catalogueDocuments: SchemaDocuments = indexCatalogue(catalogue).all;

/** A contract version's schema file from the repository's catalogue. */
export function versionFile(eventType: string, version: number, kind: ContractKind = 'notification'): SchemaFile {
  const found = catalogue.events
    .find((e) => e.type === eventType)
    ?.contracts.find((c) => c.kind === kind)
    ?.versions.find((v) => v.version === version);
  if (!found) throw new Error(`no ${eventType} ${kind} v${version} in the catalogue`);
  return found.schema;
}

/** An inline schema, normalised (with `shared` reachable by `$ref`). */
export function normal(json: JsonSchemaObject | boolean, ...shared: SchemaFile[]): NormalSchema {
  return normalise(inline(json as JsonSchemaObject), documentsOf(...shared)).schema;
}
