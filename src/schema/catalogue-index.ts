/**
 * Every schema in the catalogue by `$id`, so a `$ref` can be resolved the way
 * a JSON Schema validator resolves it: against the `$id` of the document it
 * appears in.
 */
import type { Catalogue, SchemaFile, SharedSchema } from '../catalogue/model.js';
import { camel } from './names.js';
import { splitRef } from './ref.js';

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
