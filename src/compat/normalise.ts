/**
 * Normalise: turns a schema file into a {@link NormalSchema}. Every `$ref` is
 * followed, local (`#/$defs/…`) or to another file (`../_shared/…`), resolved
 * against the `$id` of the document it is written in, as `codegen/module-scope.ts`
 * and any JSON Schema validator resolve it. So a change inside a shared file is
 * seen by every version that uses it. Annotations are dropped.
 *
 * Normalising never throws: what cannot be read becomes an `unknown` node,
 * which the engine treats as undecidable, and, where the schema is broken
 * rather than merely unsupported, a problem naming the file and JSON Pointer.
 */

import type { JsonSchemaObject, SchemaFile } from '../catalogue/model.js';
import type { Problem } from '../diagnostic.js';
import { jsonEqual } from '../runtime/checks.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { setOwn } from '../runtime/own-properties.js';
import { ANNOTATIONS, INSTANCE_TYPES, type InstanceType, isSupported, nestedIdProblem, patternProblem } from '../schema/keywords.js';
import { idScopesRefs, resolveRef, type SchemaDocuments } from '../schema/ref.js';
import { accepts } from './accepts.js';
import { ALL_TYPES, type ArrayConstraints, type NormalSchema, type Source, type TypedSchema } from './normal-schema.js';

export interface Normalised {
  readonly schema: NormalSchema;
  /** The parts of the schema that could not be normalised. */
  readonly problems: readonly Problem[];
}

const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;
const COUNT_KEYWORDS = ['minLength', 'maxLength', 'minItems', 'maxItems'] as const;

/**
 * Normalises `file`, following `$ref`s into `documents`.
 *
 * @param documents every schema a `$ref` may reach, by `$id`; `file` itself need not be in it.
 */
export function normalise(file: SchemaFile, documents: SchemaDocuments): Normalised {
  const problems: Problem[] = [];
  const onStack = new Set<string>();

  const unknown = (source: Source, reason: string, broken: boolean): NormalSchema => {
    if (broken) problems.push({ file: source.file, pointer: source.pointer, message: reason });
    return { kind: 'unknown', source, reason };
  };
  const at = (source: Source, keyword: string): Source => ({ file: source.file, pointer: `${source.pointer}/${escapePointer(keyword)}` });

  const node = (schema: unknown, doc: SchemaFile, pointer: string): NormalSchema => {
    const source: Source = { file: doc.file, pointer };
    if (schema === true) return typed({}, doc, source);
    if (schema === false) return { kind: 'values', source, values: [] };
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return unknown(source, 'is not a schema (an object or a boolean)', true);
    const json = schema as JsonSchemaObject;
    const keywords = Object.keys(json).filter((k) => !ANNOTATIONS.has(k) && k !== '$defs');
    const unsupported = keywords.find((k) => !isSupported(k));
    if (unsupported) return unknown(at(source, unsupported), `"${unsupported}" is not supported`, false);
    if (pointer !== '' && '$id' in json && idScopesRefs(json)) return unknown(at(source, '$id'), nestedIdProblem(pointer), false);

    if ('$ref' in json) {
      if (keywords.length > 1) return unknown(source, '"$ref" beside other keywords is not supported', false);
      return follow(json.$ref, doc, `${pointer}/$ref`);
    }
    if ('anyOf' in json) {
      if (keywords.length > 1) return unknown(source, '"anyOf" beside other keywords is not supported', false);
      if (!Array.isArray(json.anyOf) || json.anyOf.length === 0) return unknown(at(source, 'anyOf'), 'must be a non-empty array', true);
      return { kind: 'anyOf', source, branches: json.anyOf.map((b, i) => node(b, doc, `${pointer}/anyOf/${i}`)) };
    }
    const rest = typed(json, doc, source);
    if (rest.kind !== 'typed' || !('const' in json || 'enum' in json)) return rest;
    if ('enum' in json && !Array.isArray(json.enum)) return unknown(at(source, 'enum'), 'must be an array', true);
    let values = 'enum' in json ? (json.enum as unknown[]) : [json.const];
    if ('enum' in json && 'const' in json) values = values.filter((v) => jsonEqual(v, json.const));
    // The other keywords still apply: keeping only the values they accept makes the node exactly its values.
    return { kind: 'values', source, values: values.filter((v) => accepts(rest, v)) };
  };

  const typed = (json: JsonSchemaObject, doc: SchemaFile, source: Source): NormalSchema => {
    const types = typesOf(json.type);
    if (!types) return unknown(at(source, 'type'), 'must name JSON Schema types', true);
    const limits: Record<string, number> = {};
    for (const keyword of NUMBER_KEYWORDS) {
      const value = json[keyword];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isFinite(value)) return unknown(at(source, keyword), 'must be a number', true);
      limits[keyword] = value;
    }
    for (const keyword of COUNT_KEYWORDS) {
      const value = json[keyword];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return unknown(at(source, keyword), 'must be a non-negative integer', true);
      limits[keyword] = value;
    }
    const { pattern, format } = json;
    if (pattern !== undefined && (typeof pattern !== 'string' || patternProblem(pattern) !== undefined))
      return unknown(at(source, 'pattern'), 'must be a regular expression that is valid with the "u" flag', true);
    if (format !== undefined && typeof format !== 'string') return unknown(at(source, 'format'), 'must be a string', true);
    const additional = json.additionalProperties ?? true;
    if (typeof additional !== 'boolean') return unknown(at(source, 'additionalProperties'), 'only true or false is supported', false);

    const properties: Record<string, NormalSchema> = {};
    const declared = (json.properties ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(declared)) setOwn(properties, name, node(declared[name], doc, `${source.pointer}/properties/${escapePointer(name)}`));
    const required = Array.isArray(json.required) ? json.required.filter((r): r is string => typeof r === 'string') : [];
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength, minItems, maxItems } = limits;
    const array: ArrayConstraints = {
      ...('items' in json ? { items: node(json.items, doc, `${source.pointer}/items`) } : {}),
      ...(minItems === undefined ? {} : { minItems }),
      ...(maxItems === undefined ? {} : { maxItems }),
      uniqueItems: json.uniqueItems === true,
    };
    const result: TypedSchema = {
      kind: 'typed',
      source,
      types,
      string: {
        ...(minLength === undefined ? {} : { minLength }),
        ...(maxLength === undefined ? {} : { maxLength }),
        ...(pattern === undefined ? {} : { pattern }),
        ...(format === undefined ? {} : { format }),
      },
      number: {
        ...(minimum === undefined ? {} : { minimum }),
        ...(maximum === undefined ? {} : { maximum }),
        ...(exclusiveMinimum === undefined ? {} : { exclusiveMinimum }),
        ...(exclusiveMaximum === undefined ? {} : { exclusiveMaximum }),
      },
      object: { properties, required, additionalProperties: additional },
      array,
    };
    return result;
  };

  const follow = (ref: unknown, doc: SchemaFile, pointer: string): NormalSchema => {
    const source: Source = { file: doc.file, pointer };
    const target = resolveRef(ref, doc, documents);
    // What is merely unsupported is the unsupported-keyword lint's to report.
    if ('message' in target) return unknown(source, target.message, target.unsupported !== true);
    const key = `${target.doc.id}#${target.pointer}`;
    if (onStack.has(key)) return unknown(source, `$ref ${JSON.stringify(ref)} is recursive; recursive schemas are not supported`, true);
    onStack.add(key);
    const resolved = node(target.value, target.doc, target.pointer);
    onStack.delete(key);
    return resolved;
  };

  return { schema: node(file.json, file, ''), problems };
}

/** The listed types, sorted; `integer` is dropped where `number` already allows it. Undefined when the list is not valid. */
function typesOf(raw: unknown): readonly InstanceType[] | undefined {
  if (raw === undefined) return ALL_TYPES;
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0 || !list.every((t) => typeof t === 'string' && INSTANCE_TYPES.has(t))) return undefined;
  const types = new Set(list as InstanceType[]);
  if (types.has('number')) types.delete('integer');
  return [...ALL_TYPES, 'integer' as const].filter((t) => types.has(t));
}
