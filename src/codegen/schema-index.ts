/**
 * Every schema in the catalogue by `$id`, so a `$ref` can be resolved the way
 * a JSON Schema validator resolves it: against the `$id` of the document it
 * appears in.
 */
import type { Catalogue, JsonSchemaObject, SchemaFile, SharedSchema } from '../catalogue/model.js';
import { walkSchema } from '../compat/schema-walk.js';
import { ConfigError } from '../errors.js';
import { nestedIdProblem, unsupportedRef } from './keywords.js';
import { camel } from './names.js';

export interface SchemaIndex {
  /** Shared definitions by `$id`. */
  readonly shared: ReadonlyMap<string, SharedSchema>;
  /** Every schema file by `$id`: shared, envelope and event versions. */
  readonly all: ReadonlyMap<string, SchemaFile>;
}

export function indexCatalogue(catalogue: Catalogue): SchemaIndex {
  const shared = new Map(catalogue.shared.map((s) => [s.id, s]));
  const all = new Map<string, SchemaFile>([[catalogue.envelope.id, catalogue.envelope], ...shared]);
  for (const event of catalogue.events) for (const contract of event.contracts) for (const v of contract.versions) all.set(v.schema.id, v.schema);
  return { shared, all };
}

/** The name of a shared definition's zod validator: `StaffMember` → `staffMember`. */
export const validatorName = (shared: SharedSchema): string => camel(shared.typeName);

/** Splits a `$ref` into the absolute document URI and the fragment (without `#`). */
export function splitRef(ref: string, baseId: string, file: string, pointer: string): { document: string; fragment: string } {
  let url: URL;
  try {
    url = new URL(ref, baseId);
  } catch {
    throw new ConfigError(file, pointer, `$ref ${JSON.stringify(ref)} is not a URI reference`);
  }
  const fragment = decodeURIComponent(url.hash.replace(/^#/u, ''));
  url.hash = '';
  return { document: url.href, fragment };
}

/**
 * The shared definitions `schemas` reach by `$ref`, directly or through
 * other shared definitions: a module that holds those schemas may import
 * any of them.
 */
export function sharedReachedFrom(schemas: ReadonlyArray<{ readonly id: string; readonly json: unknown }>, index: SchemaIndex): SharedSchema[] {
  const reached = new Map<string, SharedSchema>();
  const visit = (node: unknown, baseId: string) => {
    if (Array.isArray(node)) for (const item of node) visit(item, baseId);
    else if (typeof node === 'object' && node !== null) {
      const ref = (node as { $ref?: unknown }).$ref;
      if (typeof ref === 'string') {
        let target: SharedSchema | undefined;
        try {
          target = index.shared.get(splitRef(ref, baseId, '', '').document);
        } catch {
          target = undefined;
        }
        if (target && !reached.has(target.id)) {
          reached.set(target.id, target);
          visit(target.json, target.id);
        }
      }
      for (const value of Object.values(node)) visit(value, baseId);
    }
  };
  for (const schema of schemas) visit(schema.json, schema.id);
  return [...reached.values()];
}

/**
 * Where in `root` (whose `$id` is `baseId`) a subschema declares the `$id`
 * `document`, if one does. Nested `$id`s are not supported, so a `$ref` naming
 * one resolves to nothing; this lets the refusal say why.
 */
export function nestedIdOf(root: JsonSchemaObject, baseId: string, document: string): string | undefined {
  let found: string | undefined;
  walkSchema(root, (node, pointer) => {
    if (found !== undefined || pointer === '' || typeof node.$id !== 'string' || !URL.canParse(node.$id, baseId)) return;
    const url = new URL(node.$id, baseId);
    url.hash = '';
    if (url.href === document) found = pointer;
  });
  return found;
}

/**
 * Why a `$ref` written in `root` (whose `$id` is `baseId`) is one the
 * generator and the compatibility engine do not follow, with what to write
 * instead: a `$ref` to `#` or to an anchor, or to the `$id` of a subschema.
 * Undefined for a `$ref` they follow, or that resolves to nothing at all.
 */
export function unsupportedRefIn(ref: string, root: JsonSchemaObject, baseId: string): string | undefined {
  const written = unsupportedRef(ref, root);
  if (written !== undefined || !URL.canParse(ref, baseId)) return written;
  const url = new URL(ref, baseId);
  url.hash = '';
  const nested = url.href === baseId ? undefined : nestedIdOf(root, baseId, url.href);
  return nested === undefined ? undefined : `$ref ${JSON.stringify(ref)} names the "$id" declared at ${nested}: ${nestedIdProblem(nested)}`;
}

/** Whether a nested `$id` on `node` would change how a `$ref` resolves: whether `node` holds one. */
export function idScopesRefs(node: JsonSchemaObject): boolean {
  let found = false;
  walkSchema(node, (inner) => {
    if (typeof inner.$ref === 'string') found = true;
  });
  return found;
}
