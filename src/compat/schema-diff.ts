/**
 * Where two schemas differ in anything but annotations. `check` uses it to
 * refuse changes to released versions, naming the JSON Pointer of each
 * change. `$ref`s are followed on both sides, so moving a definition into a
 * shared file is not a change, while editing a shared file is a change to
 * every version that uses it. Annotations are the keywords that never change
 * what is valid: title, description, examples, `$comment`, and also
 * `deprecated`, `default`, `readOnly` and `writeOnly`, which JSON Schema
 * 2020-12 defines as annotations (the meta-data vocabulary).
 */
import type { SchemaFile } from '../catalogue/model.js';
import { jsonEqual } from '../runtime/checks.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { ANNOTATIONS } from '../schema/keywords.js';
import { followRefs, type SchemaDocuments, type SchemaPlace } from '../schema/ref.js';
import { isObject } from '../schema/walk.js';

/** One difference, located on the newer side: the file it is in and the JSON Pointer inside it. */
export interface SchemaDifference {
  readonly file: string;
  readonly pointer: string;
  readonly message: string;
}

/** A schema file with the documents its `$ref`s may reach. */
export interface SchemaSide {
  readonly schema: SchemaFile;
  readonly documents: SchemaDocuments;
}

/** Keywords compared as sets: their order does not change what is valid. */
const SETS = new Set(['enum', 'required', 'type']);

type Place = SchemaPlace;

/** Every non-annotation difference between `older` and `newer`, in document order. */
export function diffSchemas(older: SchemaSide, newer: SchemaSide): SchemaDifference[] {
  const out: SchemaDifference[] = [];
  const seen = new Set<string>();
  const at = (place: Place, message: string, suffix = '') => out.push({ file: place.doc.file, pointer: `${place.pointer}${suffix}`, message });

  const walk = (aIn: Place, bIn: Place): void => {
    const a = follow(aIn, older.documents);
    const b = follow(bIn, newer.documents);
    const key = `${a.doc.id}#${a.pointer} ${b.doc.id}#${b.pointer}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (!isObject(a.value) || !isObject(b.value)) {
      if (!jsonEqual(a.value, b.value)) at(b, `changed from ${show(a.value)} to ${show(b.value)}`);
      return;
    }
    const [av, bv] = [a.value, b.value];
    const keys = [...new Set([...Object.keys(av), ...Object.keys(bv)])].filter((k) => !ANNOTATIONS.has(k) && k !== '$defs').sort();
    for (const keyword of keys) {
      const suffix = `/${escapePointer(keyword)}`;
      const child = (place: Place, value: unknown, extra = ''): Place => ({ value, doc: place.doc, pointer: `${place.pointer}${suffix}${extra}` });
      if (!Object.hasOwn(av, keyword)) at(b, `"${keyword}" added: ${show(bv[keyword])}`, suffix);
      else if (!Object.hasOwn(bv, keyword)) at(b, `"${keyword}" removed (it was ${show(av[keyword])})`);
      else if (keyword === 'properties' && isObject(av.properties) && isObject(bv.properties)) {
        const [ap, bp] = [av.properties, bv.properties];
        for (const name of [...new Set([...Object.keys(ap), ...Object.keys(bp)])].sort()) {
          const extra = `/${escapePointer(name)}`;
          if (!Object.hasOwn(ap, name)) at(b, `property "${name}" added`, `${suffix}${extra}`);
          else if (!Object.hasOwn(bp, name)) at(b, `property "${name}" removed`, suffix);
          else walk(child(a, ap[name], extra), child(b, bp[name], extra));
        }
      } else if (keyword === 'items' || keyword === 'additionalProperties') walk(child(a, av[keyword]), child(b, bv[keyword]));
      else if (keyword === 'anyOf' && Array.isArray(av.anyOf) && Array.isArray(bv.anyOf) && av.anyOf.length === bv.anyOf.length) {
        const branches = bv.anyOf;
        for (const [i, branch] of av.anyOf.entries()) walk(child(a, branch, `/${i}`), child(b, branches[i], `/${i}`));
      } else if (SETS.has(keyword) ? !sameSet(av[keyword], bv[keyword]) : !jsonEqual(av[keyword], bv[keyword])) {
        at(b, `"${keyword}" ${changeOf(keyword, av[keyword], bv[keyword])}`, suffix);
      }
    }
  };

  walk({ value: older.schema.json, doc: older.schema, pointer: '' }, { value: newer.schema.json, doc: newer.schema, pointer: '' });
  return out;
}

/** Follows a `$ref` that stands alone (beside annotations only); anything else is compared as written. */
const follow = (place: Place, documents: SchemaDocuments): Place => followRefs(place, documents, { standalone: onlyRef }).place;

const onlyRef = (node: Record<string, unknown>) => '$ref' in node && Object.keys(node).every((k) => k === '$ref' || k === '$defs' || ANNOTATIONS.has(k));

/** Equal as sets; a single value counts as a list of one (`"type": "string"` is `["string"]`). */
function sameSet(x: unknown, y: unknown): boolean {
  const [a, b] = [Array.isArray(x) ? x : [x], Array.isArray(y) ? y : [y]];
  return a.length === b.length && a.every((x) => b.some((y) => jsonEqual(x, y))) && b.every((y) => a.some((x) => jsonEqual(x, y)));
}

/**
 * How a keyword's value changed. A list (`required`, `enum`, `type`, `anyOf`…)
 * is described by what was added and what was removed, each item in full,
 * since two long lists cut at the same length would hide the difference.
 */
function changeOf(keyword: string, before: unknown, after: unknown): string {
  const asList = (value: unknown) => (Array.isArray(value) ? value : SETS.has(keyword) ? [value] : undefined);
  const [a, b] = [asList(before), asList(after)];
  if (!a || !b) return `changed from ${show(before)} to ${show(after)}`;
  const added = b.filter((x) => !a.some((y) => jsonEqual(x, y)));
  const removed = a.filter((x) => !b.some((y) => jsonEqual(x, y)));
  const parts = [...(added.length > 0 ? [`added ${items(added)}`] : []), ...(removed.length > 0 ? [`removed ${items(removed)}`] : [])];
  // Same items, another order or count: only where order matters (not in SETS).
  return `changed: ${parts.length > 0 ? parts.join('; ') : `the same items, in another order or number (was ${show(before)})`}`;
}

/** Items of a list, each shown in full up to a point. */
function items(list: readonly unknown[]): string {
  const shown = list.slice(0, 20).map(show);
  return `${shown.join(', ')}${list.length > 20 ? ` and ${list.length - 20} more` : ''}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
