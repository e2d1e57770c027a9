/**
 * Merging `allOf` into one schema, which the generator needs. In the specs
 * teams keep, `allOf` composes objects (a base plus more properties, or a
 * `$ref` plus `nullable` or a description). Merging is safe when the
 * branches never disagree: properties are united (the same property twice
 * only with the same schema), `required` lists are united, and any other
 * keyword must have the same value wherever it appears. A disagreement is an
 * `allof-conflict` at the branch that disagrees (the event is then not
 * written, but the rest of its schema is still checked).
 */
import { isDeepStrictEqual } from 'node:util';
import { isRecord } from '../runtime/own-properties.js';
import type { Findings } from './findings.js';
import { at, child } from './source.js';

/** A merged schema, and the source pointer of each property (they come from different branches). */
export interface Merged {
  readonly schema: Record<string, unknown>;
  readonly propertyPointers: ReadonlyMap<string, string>;
}

const ANNOTATIONS = new Set([
  'title',
  'description',
  'example',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'externalDocs',
  'xml',
]);

/**
 * Merges `node` (which has `allOf`) with its branches, following local
 * `$ref`s. The node's own keywords come first, so its description and
 * `nullable` win over a referenced schema's. Returns undefined after
 * reporting a conflict.
 */
export function mergeAllOf(document: unknown, node: Record<string, unknown>, pointer: string, findings: Findings, depth = 0): Merged | undefined {
  const schema: Record<string, unknown> = {};
  const propertyPointers = new Map<string, string>();
  const { allOf, ...own } = node;
  if (!Array.isArray(allOf) || allOf.length === 0) {
    findings.error('unsupported-keyword', child(pointer, 'allOf'), 'allOf must be a non-empty array');
    return undefined;
  }
  const branches: Array<[unknown, string]> = [[own, pointer], ...allOf.map((b, i): [unknown, string] => [b, child(child(pointer, 'allOf'), i)])];
  for (const [raw, rawPointer] of branches) {
    let branch = raw;
    let branchPointer = rawPointer;
    for (let hops = 0; isRecord(branch) && typeof branch.$ref === 'string' && hops < 16; hops++) {
      if (!branch.$ref.startsWith('#')) {
        findings.error(
          'external-ref',
          child(branchPointer, '$ref'),
          `cannot follow ${JSON.stringify(branch.$ref)}: only references inside the file are supported`,
        );
        return undefined;
      }
      const target = branch.$ref.slice(1);
      const resolved = at(document, target);
      if (resolved === undefined) {
        findings.error('unresolved-ref', child(branchPointer, '$ref'), `${JSON.stringify(branch.$ref)} points at nothing`);
        return undefined;
      }
      branch = resolved;
      branchPointer = target;
    }
    if (!isRecord(branch)) {
      findings.error('allof-conflict', branchPointer, 'an allOf branch must be a schema object');
      return undefined;
    }
    let merged: Record<string, unknown> = branch;
    if (branch.allOf !== undefined) {
      if (depth > 16) {
        findings.error('recursive-ref', branchPointer, 'allOf nests too deep (is it recursive?)');
        return undefined;
      }
      const inner = mergeAllOf(document, branch, branchPointer, findings, depth + 1);
      if (!inner) return undefined;
      for (const [name, p] of inner.propertyPointers) if (!propertyPointers.has(name)) propertyPointers.set(name, p);
      merged = inner.schema;
    }
    mergeInto(schema, merged, branchPointer, propertyPointers, findings);
  }
  return { schema, propertyPointers };
}

function mergeInto(
  schema: Record<string, unknown>,
  branch: Record<string, unknown>,
  pointer: string,
  propertyPointers: Map<string, string>,
  findings: Findings,
): void {
  for (const [key, value] of Object.entries(branch)) {
    if (key === 'properties' && isRecord(value)) {
      const properties = (schema.properties ?? {}) as Record<string, unknown>;
      for (const [name, property] of Object.entries(value)) {
        const where = child(child(pointer, 'properties'), name);
        if (Object.hasOwn(properties, name) && !isDeepStrictEqual(properties[name], property)) {
          // Reported, and the first branch's schema kept, so the rest of the schema is still checked.
          findings.error('allof-conflict', where, `property ${JSON.stringify(name)} has different schemas in two allOf branches; merge them by hand`);
          continue;
        }
        properties[name] = property;
        if (!propertyPointers.has(name)) propertyPointers.set(name, where);
      }
      schema.properties = properties;
    } else if (key === 'required' && Array.isArray(value)) {
      schema.required = [...new Set([...((schema.required as unknown[]) ?? []), ...value])];
    } else if (ANNOTATIONS.has(key) || key.startsWith('x-')) {
      if (!Object.hasOwn(schema, key)) schema[key] = value;
    } else if (key === 'additionalProperties') {
      // The imported object is closed either way; a branch closing itself is how allOf was misused.
      if (value === false || value === true) continue;
      if (!Object.hasOwn(schema, key)) schema[key] = value;
    } else if (Object.hasOwn(schema, key) && !isDeepStrictEqual(schema[key], value)) {
      findings.error(
        'allof-conflict',
        child(pointer, key),
        `"${key}" is ${JSON.stringify(value)} here but ${JSON.stringify(schema[key])} in another allOf branch`,
      );
    } else schema[key] = value;
  }
}
