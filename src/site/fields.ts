/**
 * The fields of a version's data, flattened for a table: one row per
 * property, nested ones as dotted paths (`premises.name`, items of a list as
 * `characteristics[]`), with `$ref`s to shared shapes followed and named. The
 * site lists them, diffs them between versions, and searches their names.
 */
import type { JsonSchemaObject, SchemaFile } from '../catalogue/model.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { ANNOTATIONS } from '../schema/keywords.js';
import { followRefs, type SchemaDocuments } from '../schema/ref.js';
import { isObject } from '../schema/walk.js';

export interface FieldRow {
  /** Dotted path from the data's root: `premises.name`, `characteristics[]`. */
  readonly path: string;
  /** How deep the field is nested; 0 for the data's own properties. */
  readonly depth: number;
  /** The type in words: `string`, `integer or null`, `list of string`, `object`. */
  readonly type: string;
  /** The shared definition (`schemas/_shared/`) the field is, or lists, by title: `StaffMember`. */
  readonly shared?: string;
  /** Under `anyOf`, which branch the field belongs to: its title, or its number from 1. */
  readonly variant?: string;
  /** Required in the object that holds it. */
  readonly required: boolean;
  /** The string format: `date-time`, `uuid`… (of the items, for a list). */
  readonly format?: string;
  /** The regular expression a string must match (of the items, for a list). */
  readonly pattern?: string;
  /** The values allowed, from `enum` or `const` (of the items, for a list). */
  readonly values?: readonly unknown[];
  readonly description?: string;
  readonly deprecated: boolean;
}

interface Place {
  readonly node: unknown;
  readonly doc: SchemaFile;
  readonly pointer: string;
}

/** How deep nesting is followed; the catalogue's shapes are far shallower. */
const MAX_DEPTH = 8;

/** Every field of `schema`, in document order, parents before their children. */
export function fieldRows(schema: SchemaFile, documents: SchemaDocuments): FieldRow[] {
  const rows: FieldRow[] = [];
  const onPath = new Set<string>();

  /** The fields under `node`, a place whose `$ref`s are already followed. */
  const fieldsOf = (node: Place, prefix: string, depth: number, variant?: string): void => {
    const json = node.node;
    if (!isObject(json) || depth > MAX_DEPTH) return;
    const key = `${node.doc.id}#${node.pointer}`;
    if (onPath.has(key)) return;
    onPath.add(key);
    if (Array.isArray(json.anyOf)) {
      json.anyOf.forEach((branch, i) => {
        const target = follow({ node: branch, doc: node.doc, pointer: `${node.pointer}/anyOf/${i}` }, documents).node;
        fieldsOf(target, prefix, depth, (isObject(target.node) ? text(target.node.title) : undefined) ?? String(i + 1));
      });
    }
    if (isObject(json.items))
      fieldsOf(follow({ node: json.items, doc: node.doc, pointer: `${node.pointer}/items` }, documents).node, `${prefix}[]`, depth, variant);
    const properties = isObject(json.properties) ? json.properties : {};
    const required = Array.isArray(json.required) ? json.required : [];
    for (const [name, child] of Object.entries(properties)) {
      const childPlace: Place = { node: child, doc: node.doc, pointer: `${node.pointer}/properties/${escapePointer(name)}` };
      const path = prefix === '' ? name : `${prefix}.${name}`;
      const followed = follow(childPlace, documents);
      rows.push(row(childPlace, followed, path, depth, required.includes(name), documents, variant));
      fieldsOf(followed.node, path, depth + 1, variant);
    }
    onPath.delete(key);
  };

  fieldsOf(follow({ node: schema.json, doc: schema, pointer: '' }, documents).node, '', 0);
  return rows;
}

/** The row of the field at `place`, which leads to `followed` once its `$ref`s are followed. */
function row(
  place: Place,
  { node, shared }: { node: Place; shared?: string },
  path: string,
  depth: number,
  required: boolean,
  documents: SchemaDocuments,
  variant: string | undefined,
): FieldRow {
  const own = isObject(place.node) ? place.node : {};
  const json: JsonSchemaObject = isObject(node.node) ? node.node : {};
  const items = isObject(json.items) ? follow({ node: json.items, doc: node.doc, pointer: `${node.pointer}/items` }, documents) : undefined;
  const itemJson: JsonSchemaObject = items && isObject(items.node.node) ? items.node.node : {};
  const description = text(own.description) ?? text(json.description);
  const format = text(json.format) ?? text(itemJson.format);
  const pattern = text(json.pattern) ?? text(itemJson.pattern);
  const values = valuesOf(json) ?? valuesOf(itemJson);
  const sharedName = shared ?? items?.shared;
  return {
    path,
    depth,
    type: typeOf(json, itemJson),
    ...(sharedName ? { shared: sharedName } : {}),
    ...(variant ? { variant } : {}),
    required,
    ...(format ? { format } : {}),
    ...(pattern ? { pattern } : {}),
    ...(values ? { values } : {}),
    ...(description ? { description } : {}),
    deprecated: own.deprecated === true || json.deprecated === true,
  };
}

/**
 * Follows `$ref`s that stand alone (beside annotations only) to what they
 * name, and says which shared definition it is, when one is reached.
 */
function follow(place: Place, documents: SchemaDocuments): { node: Place; shared?: string } {
  const standalone = (json: JsonSchemaObject) => Object.keys(json).every((k) => k === '$ref' || ANNOTATIONS.has(k));
  const { place: reached, trail } = followRefs({ value: place.node, doc: place.doc, pointer: place.pointer }, documents, { standalone, limit: 16 });
  let shared: string | undefined;
  for (const step of trail) if (step.pointer === '' && step.doc.file.includes('/_shared/')) shared = text(step.doc.json.title) ?? shared;
  const node = { node: reached.value, doc: reached.doc, pointer: reached.pointer };
  return shared ? { node, shared } : { node };
}

function typeOf(json: JsonSchemaObject, items?: JsonSchemaObject): string {
  if (Array.isArray(json.anyOf)) return `one of ${json.anyOf.length} shapes`;
  const types = Array.isArray(json.type) ? json.type.filter((t): t is string => typeof t === 'string') : typeof json.type === 'string' ? [json.type] : [];
  if (types.length === 0) {
    const values = valuesOf(json);
    if (values) return [...new Set(values.map((v) => (v === null ? 'null' : typeof v)))].join(' or ');
    return isObject(json.properties) ? 'object' : 'any';
  }
  return types.map((t) => (t === 'array' ? `list of ${items ? typeOf(items) : 'any'}` : t)).join(' or ');
}

function valuesOf(json: JsonSchemaObject): readonly unknown[] | undefined {
  if (Array.isArray(json.enum)) return json.enum;
  return 'const' in json ? [json.const] : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
