/**
 * `$ref`, resolved the way a JSON Schema validator resolves it: against the
 * `$id` of the document it is written in, to a place in that document or in
 * another of the catalogue's files. The generator, the compatibility engine,
 * the upcast planner and the catalogue site all follow references with these
 * functions, and each adds only its own policy (the generator, for one,
 * refuses a reference into the middle of a shared file).
 */
import type { JsonSchema, JsonSchemaObject, SchemaFile } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';
import { unescapePointer, valueAt } from '../runtime/json-pointer.js';
import { nestedIdProblem, unsupportedRef } from './keywords.js';
import { isObject, walkSchema } from './walk.js';

/** Schema files by `$id`, for following `$ref`s into other files. */
export type SchemaDocuments = ReadonlyMap<string, SchemaFile>;

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

/** The key of the `$defs` entry a fragment names (`/$defs/a~1b` → `a/b`), or undefined for any other fragment. */
function defsKey(fragment: string): string | undefined {
  const match = /^\/\$defs\/([^/]+)$/u.exec(fragment);
  return match?.[1] === undefined ? undefined : unescapePointer(match[1]);
}

/** The `$defs` entry of `document` a fragment names, as its own (`#/$defs/constructor` names nothing where none is defined); undefined for none. */
export function defsEntry(document: JsonSchemaObject | undefined, fragment: string): { readonly key: string; readonly schema: JsonSchema } | undefined {
  const key = defsKey(fragment);
  const defs = document?.$defs;
  if (key === undefined || !isObject(defs) || !Object.hasOwn(defs, key)) return undefined;
  return { key, schema: defs[key] as JsonSchema };
}

/** What a `$ref` points at: the document, the JSON Pointer inside it, and the value there. */
export type ResolvedRef =
  | { readonly doc: SchemaFile; readonly pointer: string; readonly value: unknown }
  | { readonly message: string; readonly unsupported?: true };

/**
 * Resolves a `$ref` written in `doc` against its `$id`, as JSON Schema does:
 * to a place in `doc` itself, or in another document of `documents`.
 */
export function resolveRef(ref: unknown, doc: SchemaFile, documents: SchemaDocuments): ResolvedRef {
  if (typeof ref !== 'string' || !URL.canParse(ref, doc.id)) return { message: `$ref ${JSON.stringify(ref)} is not a URI reference` };
  const unsupported = unsupportedRefIn(ref, doc.json, doc.id);
  if (unsupported) return { message: unsupported, unsupported: true };
  const { document, fragment } = splitRef(ref, doc.id, doc.file, '');
  const target = document === doc.id ? doc : documents.get(document);
  if (!target) return { message: `$ref ${JSON.stringify(ref)} cannot be resolved: no schema has the $id ${document}` };
  const value = valueAt(target.json, fragment);
  if (value === undefined) return { message: `$ref ${JSON.stringify(ref)} cannot be resolved: ${target.file} has nothing at ${fragment || 'its root'}` };
  return { doc: target, pointer: fragment, value };
}

/** A place in a schema file: the value there, the file, and its JSON Pointer. */
export interface SchemaPlace {
  readonly value: unknown;
  readonly doc: SchemaFile;
  readonly pointer: string;
}

/**
 * Follows `$ref`s from `place` to what they name, while each one resolves and,
 * with `standalone`, while each `$ref` stands beside annotations only (a
 * `$ref` beside other keywords is compared as written). Stops after `limit` hops.
 */
export function followRefs(
  place: SchemaPlace,
  documents: SchemaDocuments,
  options: { readonly standalone?: (node: JsonSchemaObject) => boolean; readonly limit?: number } = {},
): { readonly place: SchemaPlace; readonly trail: readonly SchemaPlace[] } {
  let current = place;
  const trail: SchemaPlace[] = [];
  for (let hops = 0; hops < (options.limit ?? 32) && isObject(current.value) && typeof current.value.$ref === 'string'; hops++) {
    if (options.standalone && !options.standalone(current.value)) break;
    const target = resolveRef(current.value.$ref, current.doc, documents);
    if ('message' in target) break;
    current = { value: target.value, doc: target.doc, pointer: target.pointer };
    trail.push(current);
  }
  return { place: current, trail };
}

/** `schema` with its `$ref`s followed, from `doc`, to the schema they name; `{}` where one names nothing. */
export function derefSchema(schema: JsonSchema, doc: SchemaFile, documents: SchemaDocuments): JsonSchemaObject {
  const { place } = followRefs({ value: schema, doc, pointer: '' }, documents);
  if (isObject(place.value) && typeof place.value.$ref === 'string') return {};
  return isObject(place.value) ? place.value : {};
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
