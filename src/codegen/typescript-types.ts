/**
 * TypeScript types from JSON Schema, by json-schema-to-typescript. A `$ref` to
 * a shared definition becomes a reference to the shared type, which is
 * declared once in the shared module and imported, not copied into every file.
 */
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import ts from 'typescript';
import type { JsonSchemaObject } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';
import type { SchemaIndex } from '../schema/catalogue-index.js';
import { splitRef } from '../schema/ref.js';
import type { DefinitionNames } from './module-names.js';
import { reprint } from './ts.js';

const OPTIONS = {
  bannerComment: '',
  format: false,
  unknownAny: true,
  ignoreMinAndMaxItems: true,
  strictIndexSignatures: true,
  declareExternallyReferenced: true,
  unreachableDefinitions: false,
  additionalProperties: true,
  enableConstEnums: false,
  $refOptions: { resolve: { external: false, file: false, http: false } },
} as const;

export interface EmittedTypes {
  /** Declarations by name, printed. */
  readonly declarations: ReadonlyMap<string, string>;
  /** Shared types referred to. */
  readonly sharedTypes: ReadonlySet<string>;
}

export interface TypeOptions {
  /** The name of each `$defs` entry's type, by key (an entry with no title takes it as its title). Default: the titles, else the keys. */
  readonly definitionNames?: DefinitionNames;
  /**
   * Drops index signatures from open objects (used for the envelope, whose
   * unknown fields are kept at run time but are not part of its type).
   * Default false.
   */
  readonly closeObjects?: boolean;
}

/** Types for one schema. */
export async function emitTypes(schema: JsonSchemaObject, file: string, index: SchemaIndex, options: TypeOptions = {}): Promise<EmittedTypes> {
  const { definitionNames = new Map(), closeObjects = false } = options;
  const baseId = schema.$id as string;
  const sharedTypes = new Set<string>();
  const prepared = prepare(titled(schema, definitionNames), baseId, file, index, sharedTypes, '') as JSONSchema;
  let source: string;
  try {
    source = await compile(prepared, String(schema.title ?? 'Schema'), { ...OPTIONS, additionalProperties: !closeObjects, cwd: '/' });
  } catch (error) {
    throw new ConfigError(file, '', `json-schema-to-typescript could not convert it: ${(error as Error).message}`);
  }
  return { declarations: declarationsOf(reprint(source.replaceAll(JSON.stringify(HAS_OWN_PROPERTY), 'hasOwnProperty'))), sharedTypes };
}

/** The schema with each untitled `$defs` entry titled with its name, so its type and validator have one name. */
function titled(schema: JsonSchemaObject, names: DefinitionNames): JsonSchemaObject {
  const defs = schema.$defs;
  if (typeof defs !== 'object' || defs === null || Array.isArray(defs)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(defs)) {
    const name = names.get(key);
    const untitled = typeof def === 'object' && def !== null && !Array.isArray(def) && typeof (def as JsonSchemaObject).title !== 'string';
    // Defined, not assigned: a key such as `__proto__` stays an entry.
    Object.defineProperty(out, key, {
      value: untitled && name !== undefined ? { ...def, title: name } : def,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { ...schema, $defs: out };
}

/**
 * What a property named `hasOwnProperty` is called while json-schema-to-typescript
 * reads the schema: it calls `hasOwnProperty` on the objects it walks, properties
 * maps among them. Its output names the property again.
 */
const HAS_OWN_PROPERTY = 'hasOwnProperty (renamed for json-schema-to-typescript)';

const renamed = (name: string): string => (name === 'hasOwnProperty' ? HAS_OWN_PROPERTY : name);

/** A copy of the schema with shared `$ref`s replaced by `tsType`, `$id`/`$schema` removed, and a property named `hasOwnProperty` renamed (see {@link HAS_OWN_PROPERTY}). */
function prepare(node: unknown, baseId: string, file: string, index: SchemaIndex, sharedTypes: Set<string>, pointer: string): unknown {
  if (Array.isArray(node)) return node.map((item, i) => prepare(item, baseId, file, index, sharedTypes, `${pointer}/${i}`));
  if (typeof node !== 'object' || node === null) return node;
  const object = node as Record<string, unknown>;
  if (typeof object.$ref === 'string') {
    const { document } = splitRef(object.$ref, baseId, file, `${pointer}/$ref`);
    const target = index.shared.get(document);
    if (document !== baseId && target) {
      sharedTypes.add(target.typeName);
      const annotations = Object.fromEntries(Object.entries(object).filter(([k]) => k === 'description' || k === 'deprecated'));
      return { ...annotations, tsType: target.typeName };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if ((key === '$id' || key === '$schema') && pointer === '') continue;
    let prepared = prepare(value, baseId, file, index, sharedTypes, `${pointer}/${key}`);
    if (key === 'required' && Array.isArray(prepared)) prepared = prepared.map((name) => (typeof name === 'string' ? renamed(name) : name));
    if (key === 'properties' && typeof prepared === 'object' && prepared !== null && Object.hasOwn(prepared, 'hasOwnProperty')) {
      prepared = Object.fromEntries(Object.entries(prepared).map(([name, schema]) => [renamed(name), schema]));
    }
    // Property names and $defs keys are data, not keywords: recurse without interpreting them.
    Object.defineProperty(out, key, { value: prepared, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Splits printed source into its top-level declarations, by name. */
function declarationsOf(source: string): Map<string, string> {
  const file = ts.createSourceFile('types.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out = new Map<string, string>();
  for (const statement of file.statements) {
    const name = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) ? statement.name.text : undefined;
    if (!name) throw new Error(`unexpected statement from json-schema-to-typescript: ${statement.getText(file).slice(0, 80)}`);
    out.set(name, statement.getFullText(file).trim());
  }
  return out;
}

/**
 * Merges declarations from several schemas of one module. The same name may
 * appear twice only with the same text.
 */
export function mergeDeclarations(file: string, parts: ReadonlyArray<EmittedTypes>): Map<string, string> {
  const merged = new Map<string, string>();
  for (const part of parts) {
    for (const [name, text] of part.declarations) {
      const existing = merged.get(name);
      if (existing !== undefined && existing !== text) {
        throw new ConfigError(file, '', `two schemas in this module declare different types named ${name}; give one of them another title`);
      }
      merged.set(name, text);
    }
  }
  return merged;
}
