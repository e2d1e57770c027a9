/**
 * Reusing `schemas/_shared/`: an imported component whose assertions are
 * exactly those of a shared schema (annotations aside, `$ref`s followed)
 * becomes a `$ref` to it, since it accepts the same documents. A component
 * with the same properties and required list but other constraints is only
 * pointed out: swapping it would change what is valid.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isRecord } from '../runtime/own-properties.js';
import { SCHEMA_ID_BASE } from '../runtime/schema-id.js';
import { ANNOTATIONS } from '../schema/keywords.js';

export interface SharedSchemaFile {
  /** File name in `_shared/`, such as `staff-member.schema.json`. */
  readonly name: string;
  readonly title: string;
  /** The schema with annotations removed and `$ref`s inlined. */
  readonly normal: unknown;
  /** The schema as written, and its `$id`, for validating examples against schemas that refer to it. */
  readonly json: Record<string, unknown>;
  readonly id: string;
}

/** Reads the shared schemas of the catalogue in `schemasDir`. */
export function readSharedSchemas(schemasDir: string): SharedSchemaFile[] {
  const dir = join(schemasDir, '_shared');
  if (!existsSync(dir)) return [];
  const raw = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.schema.json'))) {
    try {
      const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
      if (isRecord(json)) raw.set(name, json);
    } catch {
      // An unreadable shared file is the catalogue's problem, reported by generate and check; it just is not reused.
    }
  }
  const resolve = (ref: string) => raw.get(ref.replace(/^(?:\.\.\/_shared\/|\.\/)/u, ''));
  return [...raw].map(([name, json]) => ({
    name,
    title: String(json.title ?? name),
    normal: normalise(json, resolve),
    json,
    id: typeof json.$id === 'string' ? json.$id : `${SCHEMA_ID_BASE}_shared/${name}`,
  }));
}

/** The schema's assertions only, with every `$ref` replaced by what `resolve` gives for it. */
export function normalise(node: unknown, resolve: (ref: string) => unknown, depth = 0): unknown {
  if (Array.isArray(node)) return node.map((item) => normalise(item, resolve, depth));
  if (!isRecord(node)) return node;
  if (typeof node.$ref === 'string' && depth < 32) {
    const target = resolve(node.$ref);
    if (target !== undefined) return normalise(target, resolve, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node).sort()) {
    if (ANNOTATIONS.has(key)) continue;
    out[key] = key === 'properties' && isRecord(node.properties) ? normaliseProperties(node.properties, resolve, depth) : normalise(node[key], resolve, depth);
  }
  if (Array.isArray(out.required)) out.required = [...(out.required as string[])].sort();
  return out;
}

function normaliseProperties(properties: Record<string, unknown>, resolve: (ref: string) => unknown, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(properties).sort()) out[name] = normalise(properties[name], resolve, depth);
  return out;
}

export type SharedMatch =
  | { readonly kind: 'same'; readonly shared: SharedSchemaFile }
  | { readonly kind: 'near'; readonly shared: SharedSchemaFile }
  | undefined;

/** The shared schema that `normal` (a normalised converted schema) matches, exactly or by shape only. */
export function matchShared(normal: unknown, shared: readonly SharedSchemaFile[]): SharedMatch {
  const same = shared.find((s) => isDeepStrictEqual(s.normal, normal));
  if (same) return { kind: 'same', shared: same };
  const shape = (n: unknown) =>
    isRecord(n) && isRecord(n.properties) ? JSON.stringify([Object.keys(n.properties), n.required ?? [], n.additionalProperties ?? true]) : undefined;
  const wanted = shape(normal);
  const near = wanted === undefined ? undefined : shared.find((s) => shape(s.normal) === wanted);
  return near ? { kind: 'near', shared: near } : undefined;
}
