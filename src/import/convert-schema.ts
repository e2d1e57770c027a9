/**
 * Converts a schema from an AsyncAPI payload or an OpenAPI 3.0 component into
 * what this repository's generator takes: JSON Schema 2020-12 with only the
 * keywords it supports, and closed objects. What is safe to convert is
 * converted (`nullable`, `example`, boolean `exclusiveMinimum`, mergeable
 * `allOf`, disjoint `oneOf`); defects known in real specs are converted the
 * way they are meant and reported as warnings; anything else is an error at
 * the JSON Pointer into the source, and the event is not written.
 *
 * `$ref`s to other schemas in the file become `$defs` of the version schema,
 * or `$ref`s to `_shared/` where the schema is exactly a shared one.
 */
import type { JsonSchemaObject } from '../catalogue/model.js';
import { isRecord } from '../runtime/own-properties.js';
import { STRING_FORMATS } from '../runtime/string-formats.js';
import { patternProblem } from '../schema/keywords.js';
import { pascal as pascalCase } from '../schema/names.js';
import { mergeAllOf } from './all-of.js';
import { article, fittedExample, jsonType } from './example-values.js';
import type { Findings } from './findings.js';
import { matchShared, normalise, type SharedSchemaFile } from './shared-match.js';
import { at, child, type SourceKind } from './source.js';

const SUPPORTED_FORMATS: ReadonlySet<string> = new Set(Object.keys(STRING_FORMATS));
const NUMBER_FORMATS = new Set(['int32', 'int64', 'float', 'double']);
/** Keywords copied as they are, in the order they are written. */
const KEPT = [
  'description',
  'type',
  'format',
  'enum',
  'const',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
] as const;
/** Annotations of OpenAPI or AsyncAPI with no JSON Schema meaning; dropped with a notice. */
const DROPPED = new Set(['xml', 'externalDocs', 'discriminator', '$schema', '$id', 'title', 'definitions', '$defs']);
const HANDLED = new Set([
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
  'nullable',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'example',
  'examples',
  ...KEPT,
]);

export interface ConvertOptions {
  readonly document: unknown;
  readonly kind: SourceKind;
  readonly findings: Findings;
  readonly shared: readonly SharedSchemaFile[];
  /** Type names already taken (shared titles, the event's own names), so `$defs` titles stay unique. */
  readonly reserved: ReadonlySet<string>;
  /** The event's PascalCase base name, to prefix a `$defs` title that would clash. */
  readonly base: string;
  /**
   * Where an embedded payload schema starts (AsyncAPI). A `#/…` reference
   * that names nothing in the document is tried from there, as the schema
   * would read on its own.
   */
  readonly schemaRoot?: string;
  /** Definitions that several imported events use, which go to `_shared/` once: the `$ref` to write for each, by source pointer. */
  readonly sharedDefinitions?: {
    has(target: string): boolean;
    refTo(target: string): string | undefined;
    /** The converted source schema behind a `$ref` that `refTo` gave (with the source's examples). */
    schemaOf(ref: string): JsonSchemaObject | undefined;
  };
}

export interface ConvertedData {
  /** The data schema, without `$schema`, `$id` and `title`. */
  readonly schema: JsonSchemaObject;
  readonly defs: Readonly<Record<string, JsonSchemaObject>>;
  /** The converted source schema a `$ref` in the output names, including one replaced by a shared schema (whose source examples it keeps). */
  resolve(ref: string): JsonSchemaObject | undefined;
}

/** Converts a definition on its own (one that goes to `_shared/`), `$ref`s and all. Undefined when an error was reported. */
export function convertDefinition(target: string, options: ConvertOptions): ConvertedData | undefined {
  const converter = new SchemaConverter(options);
  const mark = options.findings.list.length;
  const schema = converter.convert(at(options.document, target), target);
  if (schema === undefined || options.findings.errorsSince(mark) > 0) return undefined;
  return { schema, defs: converter.defs(), resolve: (ref) => converter.converted(ref) ?? options.sharedDefinitions?.schemaOf(ref) };
}

/** Converts the data schema found at `pointer`. Undefined when an error was reported. */
export function convertData(node: unknown, pointer: string, options: ConvertOptions): ConvertedData | undefined {
  const converter = new SchemaConverter(options);
  const mark = options.findings.list.length;
  // The data itself is the version schema's root, even when the source names it with a $ref.
  const { node: target, pointer: where } = converter.follow(node, pointer);
  const schema = target === undefined ? undefined : converter.convert(target, where);
  if (schema === undefined || options.findings.errorsSince(mark) > 0) return undefined;
  if (schema.type !== 'object') {
    options.findings.error('no-data', where, 'the data must be an object schema');
    return undefined;
  }
  return { schema, defs: converter.defs(), resolve: (ref) => converter.converted(ref) ?? options.sharedDefinitions?.schemaOf(ref) };
}

class SchemaConverter {
  private readonly refs = new Map<string, { key: string; ref: string; schema?: JsonSchemaObject }>();
  private readonly visiting = new Set<string>();
  private readonly titles: Set<string>;
  private closedNoticeGiven = false;

  constructor(private readonly options: ConvertOptions) {
    this.titles = new Set(options.reserved);
  }

  defs(): Record<string, JsonSchemaObject> {
    const out: Record<string, JsonSchemaObject> = {};
    for (const { key, ref, schema } of this.refs.values()) if (schema && ref.startsWith('#/$defs/')) out[key] = schema;
    return out;
  }

  converted(ref: string): JsonSchemaObject | undefined {
    for (const entry of this.refs.values()) if (entry.ref === ref) return entry.schema;
    return undefined;
  }

  /** Follows `$ref`s from `node` to the schema they name. */
  follow(node: unknown, pointer: string): { node: unknown; pointer: string } {
    let current = node;
    let where = pointer;
    const annotation = (k: string) => k === '$ref' || k === 'description' || k.startsWith('x-');
    for (let hops = 0; isRecord(current) && typeof current.$ref === 'string' && Object.keys(current).every(annotation); hops++) {
      const target = this.target(current.$ref, child(where, '$ref'));
      if (target === undefined || hops > 16) return { node: undefined, pointer: where };
      current = at(this.options.document, target);
      where = target;
    }
    return { node: current, pointer: where };
  }

  convert(node: unknown, pointer: string, propertyPointers?: ReadonlyMap<string, string>): JsonSchemaObject | undefined {
    const { findings, kind } = this.options;
    if (node === true) return {};
    if (node === false) {
      findings.error('unsupported-keyword', pointer, 'the schema false accepts nothing; remove the property instead');
      return undefined;
    }
    if (typeof node === 'string') {
      findings.warning(
        'placeholder-property',
        pointer,
        `is the string ${JSON.stringify(node)}, not a schema: the converter that wrote the spec put the name where it could not type the value; read as any value`,
      );
      return {};
    }
    if (!isRecord(node)) {
      findings.error('unsupported-keyword', pointer, `a schema must be an object or a boolean, not ${JSON.stringify(node)}`);
      return undefined;
    }
    if (node.allOf !== undefined) {
      const merged = mergeAllOf(this.options.document, node, pointer, findings);
      return merged ? this.convert(merged.schema, pointer, merged.propertyPointers) : undefined;
    }
    if (typeof node.$ref === 'string') return this.reference(node, pointer);

    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      if (HANDLED.has(key)) continue;
      if (key.startsWith('x-') || DROPPED.has(key)) {
        if (!key.startsWith('x-') && key !== 'title')
          findings.notice('annotation-dropped', child(pointer, key), `"${key}" has no JSON Schema meaning here; dropped`);
      } else findings.error('unsupported-keyword', child(pointer, key), `"${key}" cannot be converted: the generator does not support it`);
    }
    for (const key of KEPT) if (Object.hasOwn(node, key)) out[key] = node[key];
    this.numbers(node, out, pointer);
    this.format(out, pointer);
    if (!this.consistent(out, pointer)) return undefined;
    if (typeof out.pattern === 'string' && patternProblem(out.pattern) !== undefined) {
      findings.error('unsupported-keyword', child(pointer, 'pattern'), 'is not a regular expression JSON Schema can use (ECMA-262 with the u flag)');
    } else if (typeof out.pattern === 'string' && !/^\^.*\$$/su.test(out.pattern)) {
      findings.notice(
        'pattern',
        child(pointer, 'pattern'),
        'is not anchored (^…$), so it matches anywhere in the value; kept as written, which is the looser reading',
      );
    }
    const examples = Object.hasOwn(node, 'examples') ? node.examples : Object.hasOwn(node, 'example') ? [node.example] : undefined;
    const exampleKey = Object.hasOwn(node, 'examples') ? 'examples' : 'example';
    if (Array.isArray(examples)) {
      const kept = examples.flatMap((example, i) =>
        fittedExample(out, example, exampleKey === 'examples' ? child(child(pointer, 'examples'), i) : child(pointer, 'example'), findings),
      );
      if (kept.length > 0) out.examples = kept;
    }
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = node[keyword];
      if (branches === undefined) continue;
      if (!Array.isArray(branches)) {
        findings.error('unsupported-keyword', child(pointer, keyword), 'must be an array');
        continue;
      }
      const converted = branches.map((b, i) => this.convert(b, child(child(pointer, keyword), i)));
      if (converted.some((c) => c === undefined)) return undefined;
      if (keyword === 'oneOf' && !disjoint(converted as JsonSchemaObject[])) {
        findings.error('oneof-overlap', child(pointer, 'oneOf'), 'cannot be converted: the branches may overlap, so anyOf would accept what oneOf rejects');
        return undefined;
      }
      out.anyOf = [...((out.anyOf as JsonSchemaObject[]) ?? []), ...(converted as JsonSchemaObject[])];
    }
    if (out.type === undefined && (node.properties !== undefined || node.additionalProperties !== undefined)) out.type = 'object';
    if (out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object'))) this.object(node, out, pointer, propertyPointers);
    if (node.items !== undefined) {
      const mark = findings.list.length;
      const items = this.items(node.items, child(pointer, 'items'));
      if (findings.errorsSince(mark) > 0) return undefined;
      if (items !== undefined) out.items = items;
      if (out.type === undefined) out.type = 'array';
    }
    if (node.nullable === true) {
      if (kind === 'asyncapi')
        findings.warning('mixed-drafts', child(pointer, 'nullable'), 'nullable is an OpenAPI 3.0 keyword, not JSON Schema; read as allowing null');
      return nullable(out, pointer, findings);
    }
    return out;
  }

  /** A `const` or `enum` value of another type than `type` allows: the source contradicts itself, and what was meant cannot be told. */
  private consistent(out: Record<string, unknown>, pointer: string): boolean {
    const types = typeof out.type === 'string' ? [out.type] : Array.isArray(out.type) ? (out.type as string[]) : undefined;
    if (types === undefined) return true;
    const values: Array<[unknown, string]> = [];
    if (Object.hasOwn(out, 'const')) values.push([out.const, child(pointer, 'const')]);
    if (Array.isArray(out.enum)) for (const [i, v] of out.enum.entries()) values.push([v, child(child(pointer, 'enum'), i)]);
    let ok = true;
    for (const [value, where] of values) {
      if (types.includes(jsonType(value)) || (jsonType(value) === 'integer' && types.includes('number'))) continue;
      this.options.findings.error(
        'contradiction',
        where,
        `${JSON.stringify(value)} is ${article(jsonType(value))}, but the schema's type is ${types.join(' or ')}: say which is meant (a ${types.join(' or ')} value, or the type of the value)`,
      );
      ok = false;
    }
    return ok;
  }

  /** `minimum` with a draft-04 boolean `exclusiveMinimum` becomes the 2020-12 number form. */
  private numbers(node: Record<string, unknown>, out: Record<string, unknown>, pointer: string) {
    for (const [exclusive, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (typeof node[exclusive] !== 'boolean') continue;
      const level = this.options.kind === 'openapi' ? 'notice' : 'warning';
      this.options.findings.add(
        level,
        'mixed-drafts',
        child(pointer, exclusive),
        `the draft-04 boolean form of ${exclusive}; written as the 2020-12 number form`,
      );
      delete out[exclusive];
      if (node[exclusive] === true && typeof node[bound] === 'number') {
        out[exclusive] = node[bound];
        delete out[bound];
      }
    }
  }

  private format(out: Record<string, unknown>, pointer: string) {
    const format = out.format;
    if (format === undefined) return;
    const types = Array.isArray(out.type) ? out.type : [out.type];
    if (types.includes('string') && SUPPORTED_FORMATS.has(String(format))) return;
    delete out.format;
    if (!types.includes('string') && NUMBER_FORMATS.has(String(format))) {
      this.options.findings.notice('format-dropped', child(pointer, 'format'), `format ${format} describes the number's size; JSON Schema does not check it`);
    } else {
      this.options.findings.warning(
        'format-dropped',
        child(pointer, 'format'),
        `format ${JSON.stringify(format)} is not supported; dropped, so the value is no longer checked against it`,
      );
    }
  }

  private object(node: Record<string, unknown>, out: Record<string, unknown>, pointer: string, propertyPointers?: ReadonlyMap<string, string>) {
    const { findings } = this.options;
    let properties = isRecord(node.properties) ? node.properties : {};
    const pointers = new Map<string, string>(propertyPointers);
    const nested = properties.properties;
    if (isNestedProperties(nested)) {
      // properties: { properties: { a: …, b: … } }: one level too deep, as a converter wrote it.
      const where = child(child(pointer, 'properties'), 'properties');
      findings.warning('nested-properties', where, '"properties" is nested twice; the inner one is read as the object\'s properties');
      const { properties: _inner, ...rest } = properties;
      properties = { ...rest, ...nested };
      for (const name of Object.keys(nested)) pointers.set(name, child(where, name));
    }
    const additional = node.additionalProperties;
    if (isRecord(additional)) {
      findings.error(
        'free-form-object',
        child(pointer, 'additionalProperties'),
        'a map (additionalProperties with a schema) cannot be converted; list its properties',
      );
    } else if (Object.keys(properties).length === 0 && !Array.isArray(node.required)) {
      findings.warning(
        'free-form-object',
        pointer,
        'an object that lists no properties: converted to an object with none named, whose properties readers keep and report as unknown; list them',
      );
    } else if (additional !== false && !this.closedNoticeGiven) {
      this.closedNoticeGiven = true;
      findings.notice(
        'closed-object',
        pointer,
        'objects are closed (additionalProperties: false), as this repository requires: data with fields the source does not list is rejected',
      );
    }
    const required = Array.isArray(node.required) ? (node.required as unknown[]) : [];
    const kept: string[] = [];
    const converted: Record<string, unknown> = {};
    const define = (name: string, value: unknown) => Object.defineProperty(converted, name, { value, enumerable: true, writable: true, configurable: true });
    for (const [name, schema] of Object.entries(properties)) {
      const value = this.convert(schema, pointers.get(name) ?? child(child(pointer, 'properties'), name));
      if (value !== undefined) define(name, value);
    }
    required.forEach((name, i) => {
      if (typeof name !== 'string') {
        findings.warning(
          'required-without-property',
          child(child(pointer, 'required'), i),
          `${JSON.stringify(name)} is not a property name; dropped from required`,
        );
        return;
      }
      if (Object.hasOwn(properties, name)) {
        kept.push(name);
        return;
      }
      // The author says messages carry it, but the spec does not describe it: the object must not be closed against it.
      define(name, { description: 'Named as required by the source spec, which gives no schema for it: any value.' });
      findings.warning(
        'required-without-property',
        child(child(pointer, 'required'), i),
        `${JSON.stringify(name)} is required but has no property; kept as an optional property that takes any value, so messages carrying it (or not) are accepted`,
      );
    });
    out.additionalProperties = false;
    if (kept.length > 0) out.required = [...new Set(kept)];
    out.properties = converted;
  }

  /**
   * `items` as a list of schemas, written by converters that turned an
   * example list into a schema per entry: a list of one schema (entries that
   * differ only in annotations such as `example` are one schema); a list of
   * any value for `[]`; a list whose items match any entry when they differ.
   */
  private items(items: unknown, pointer: string): JsonSchemaObject | undefined {
    if (!Array.isArray(items)) return this.convert(items, pointer);
    const { findings } = this.options;
    if (items.length === 0) {
      findings.warning('tuple-items', pointer, 'items is an empty list of schemas, which says nothing about the items: read as a list of any values');
      return undefined;
    }
    const distinct: number[] = [];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = JSON.stringify(withoutAnnotations(item));
      if (!seen.has(key)) {
        seen.add(key);
        distinct.push(i);
      }
    });
    const converted = distinct.map((i) => this.convert(items[i], child(pointer, i)));
    if (converted.some((c) => c === undefined)) return undefined;
    if (converted.length === 1) {
      findings.warning(
        'tuple-items',
        pointer,
        items.length === 1
          ? 'the tuple form of items with one schema: read as a list of that schema, which is what it means'
          : `the tuple form of items with ${items.length} schemas that differ only in their examples or descriptions: read as a list of that schema`,
      );
      return converted[0];
    }
    findings.warning(
      'tuple-items',
      pointer,
      `the tuple form of items with ${converted.length} different schemas: read as a list whose items each match one of them (anyOf), as the examples it was written from show`,
    );
    return { anyOf: converted as JsonSchemaObject[] };
  }

  private reference(node: Record<string, unknown>, pointer: string): JsonSchemaObject | undefined {
    const { findings } = this.options;
    const extra = Object.keys(node).filter((k) => k !== '$ref' && k !== 'description' && k !== 'nullable' && !k.startsWith('x-'));
    for (const key of extra)
      findings.warning('unsupported-keyword', child(pointer, key), `"${key}" beside $ref is ignored (as OpenAPI 3.0 and draft-07 ignore it); dropped`);
    const target = this.target(node.$ref as string, child(pointer, '$ref'));
    if (target === undefined) return undefined;
    const ref = this.define(target);
    if (ref === undefined) return undefined;
    const out: Record<string, unknown> = { $ref: ref };
    if (typeof node.description === 'string') out.description = node.description;
    if (node.nullable === true) {
      findings.warning(
        'nullable',
        child(pointer, 'nullable'),
        'nullable beside $ref is ignored by OpenAPI 3.0, but is what was meant: written as anyOf [the reference, null]',
      );
      return { anyOf: [{ $ref: ref }, { type: 'null' }], ...(typeof node.description === 'string' ? { description: node.description } : {}) };
    }
    return out;
  }

  /** The pointer a local `$ref` names, or undefined after reporting why it cannot be followed. */
  private target(ref: string, pointer: string): string | undefined {
    if (!ref.startsWith('#')) {
      this.options.findings.error(
        'external-ref',
        pointer,
        `cannot follow ${JSON.stringify(ref)}: only references inside the file are supported; bundle the spec first`,
      );
      return undefined;
    }
    const target = decodeURIComponent(ref.slice(1));
    if (at(this.options.document, target) !== undefined) return target;
    const root = this.options.schemaRoot;
    if (root !== undefined && at(this.options.document, root + target) !== undefined) {
      this.options.findings.warning(
        'unresolved-ref',
        pointer,
        `${JSON.stringify(ref)} names nothing in the document; read from the payload schema's own root, as the schema was written to stand alone`,
      );
      return root + target;
    }
    this.options.findings.error('unresolved-ref', pointer, `${JSON.stringify(ref)} points at nothing in the file`);
    return undefined;
  }

  /** Converts the schema at `target` once, as a `$defs` entry or a shared schema, and returns the `$ref` to it. */
  private define(target: string): string | undefined {
    const done = this.refs.get(target);
    if (done) return done.ref;
    const shared = this.options.sharedDefinitions;
    if (shared?.has(target)) return shared.refTo(target);
    if (this.visiting.has(target)) {
      this.options.findings.error('recursive-ref', target, 'is recursive; recursive schemas are not supported');
      return undefined;
    }
    this.visiting.add(target);
    const schema = this.convert(at(this.options.document, target), target);
    this.visiting.delete(target);
    if (schema === undefined) return undefined;
    const name = target.split('/').pop()?.replaceAll('~1', '/').replaceAll('~0', '~') ?? 'Definition';
    const match = matchShared(
      normalise(schema, (ref) => this.resolveOutput(ref)),
      this.options.shared,
    );
    if (match?.kind === 'same') {
      const ref = `../../_shared/${match.shared.name}`;
      this.options.findings.notice('shared-schema', target, `is exactly the shared ${match.shared.title}; referred to as ${ref}`);
      this.refs.set(target, { key: name, ref, schema });
      return ref;
    }
    if (match?.kind === 'near') {
      this.options.findings.notice(
        'shared-schema',
        target,
        `has the properties of the shared ${match.shared.title} but other constraints; kept as it is (consider $ref ../../_shared/${match.shared.name})`,
      );
    }
    let title = pascal(name);
    if (this.titles.has(title)) title = `${this.options.base}${title}`;
    for (let n = 2; this.titles.has(title); n++) title = `${this.options.base}${pascal(name)}${n}`;
    this.titles.add(title);
    let key = name.replace(/[^A-Za-z0-9_-]/gu, '') || 'definition';
    const keys = new Set([...this.refs.values()].map((r) => r.key));
    for (let n = 2; keys.has(key); n++) key = `${name}${n}`;
    const ref = `#/$defs/${key}`;
    this.refs.set(target, { key, ref, schema: { title, ...schema } });
    return ref;
  }

  /** A converted `$ref`'s schema, for comparing with shared schemas. */
  private resolveOutput(ref: string): unknown {
    if (ref.startsWith('../../_shared/')) return this.options.shared.find((s) => ref.endsWith(`/${s.name}`))?.normal;
    return this.converted(ref);
  }
}

/** Keywords a schema object may have; an object under `properties.properties` with none of them, whose values are schemas, is the properties nested twice. */
const SCHEMA_KEYWORDS = new Set([...KEPT, ...HANDLED, ...DROPPED, 'title']);

function isNestedProperties(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => !SCHEMA_KEYWORDS.has(k) && !k.startsWith('x-') && (isRecord(value[k]) || typeof value[k] === 'string'));
}

const ANNOTATION_KEYS = new Set(['example', 'examples', 'description', 'title', '$comment', 'default']);

/** A schema without its annotations, to tell schemas that differ only in them apart from ones that differ in what they accept. */
function withoutAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node).sort()) {
    if (ANNOTATION_KEYS.has(key)) continue;
    out[key] =
      key === 'properties' && isRecord(node[key])
        ? Object.fromEntries(Object.entries(node[key]).map(([k, v]) => [k, withoutAnnotations(v)]))
        : withoutAnnotations(node[key]);
  }
  return out;
}

/** `nullable: true`: null joins the types (and the enum). */
function nullable(out: Record<string, unknown>, pointer: string, findings: Findings): JsonSchemaObject {
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
  else if (out.type === undefined && out.anyOf === undefined && out.enum === undefined) {
    findings.notice('nullable', child(pointer, 'nullable'), 'nullable without a type: the schema already allows null');
  } else if (out.anyOf !== undefined) out.anyOf = [...(out.anyOf as unknown[]), { type: 'null' }];
  return out;
}

/** Can no value match two of these branches? True when their types, or a const or enum, never overlap. */
function disjoint(branches: readonly JsonSchemaObject[]): boolean {
  const typesOf = (b: JsonSchemaObject) => (Array.isArray(b.type) ? b.type : typeof b.type === 'string' ? [b.type] : undefined);
  const typeSets = branches.map(typesOf);
  if (typeSets.every((t) => t !== undefined)) {
    const all = typeSets.flat().map((t) => (t === 'integer' ? 'number' : t));
    if (new Set(all).size === all.length) return true;
  }
  const valuesOf = (b: JsonSchemaObject) => ('const' in b ? [b.const] : Array.isArray(b.enum) ? b.enum : undefined);
  const values = branches.map(valuesOf);
  if (values.every((v) => v !== undefined)) {
    const all = values.flat().map((v) => JSON.stringify(v));
    return new Set(all).size === all.length;
  }
  return false;
}

/** `staff_member`, `staff-member`, `staffMember` → `StaffMember`: a type name, so without leading digits. */
export const pascal = (name: string): string => pascalCase(name).replace(/^[0-9]+/u, '') || 'Definition';
