/**
 * What an importer finds in a source file for one event, before conversion:
 * where its event type, version and data schema are, and its examples.
 */
import { EVENT_TYPE_PATTERN } from '../catalogue/metadata.js';
import { isRecord } from '../runtime/own-properties.js';
import { mergeAllOf } from './all-of.js';
import type { Findings } from './findings.js';
import { at, child, type Source } from './source.js';

export interface FoundEvent {
  /** The file the event is described in (a service's document may name message files beside it). */
  readonly source: Source;
  /** Where the event is described, for findings about it as a whole. */
  readonly pointer: string;
  /** The name the source gives the event (an OpenAPI component's or an AsyncAPI message's), which `--event-type-map` may use. */
  readonly name?: string;
  /** The producing service as the source names it (an AsyncAPI document's `info.title`). */
  readonly producer?: string;
  readonly eventType?: string;
  readonly version?: { readonly value: unknown; readonly pointer: string };
  readonly data?: { readonly node: unknown; readonly pointer: string };
  /** Where an embedded payload schema starts, for references written relative to it (AsyncAPI). */
  readonly schemaRoot?: string;
  readonly title?: string;
  readonly description?: string;
  readonly detailUrl?: string;
  /** Whole example documents (notifications, or detail documents for OpenAPI), with where each came from. */
  readonly examples: ReadonlyArray<{ readonly name: string; readonly envelope: unknown; readonly pointer: string }>;
  /** Examples of envelope fields (`occurredAt` is a detail document's `timestamp`), for an example assembled from property examples. */
  readonly envelopeExamples: { readonly id?: unknown; readonly occurredAt?: unknown };
}

/** Where a chain of local `$ref`s (`#/…`) from `node` at `pointer` leads, in at most 16 steps. */
function followLocal(document: unknown, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let current = node;
  let where = pointer;
  for (let hops = 0; isRecord(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#') && hops < 16; hops++) {
    where = current.$ref.slice(1);
    current = at(document, where);
  }
  return { node: current, pointer: where };
}

/** An object schema's properties, after following `$ref`s and merging `allOf`, with each property's pointer. */
export function propertiesOf(document: unknown, node: unknown, pointer: string, findings: Findings): Map<string, { node: unknown; pointer: string }> {
  const out = new Map<string, { node: unknown; pointer: string }>();
  const { node: current, pointer: where } = followLocal(document, node, pointer);
  if (!isRecord(current)) return out;
  if (current.allOf !== undefined) {
    const merged = mergeAllOf(document, current, where, findings);
    if (!merged) return out;
    for (const [name, schema] of Object.entries((merged.schema.properties ?? {}) as Record<string, unknown>)) {
      out.set(name, { node: schema, pointer: merged.propertyPointers.get(name) ?? child(child(where, 'properties'), name) });
    }
    return out;
  }
  if (isRecord(current.properties)) {
    for (const [name, schema] of Object.entries(current.properties)) out.set(name, { node: schema, pointer: child(child(where, 'properties'), name) });
  }
  return out;
}

/** The single value a schema fixes (const, a one-value enum), or its example; following a local `$ref`. */
export function fixedValue(document: unknown, node: unknown): { value: unknown; all?: unknown[] } | undefined {
  const current = followLocal(document, node, '').node;
  if (!isRecord(current)) return undefined;
  if (Object.hasOwn(current, 'const')) return { value: current.const };
  if (Array.isArray(current.enum)) return current.enum.length === 1 ? { value: current.enum[0] } : { value: undefined, all: current.enum };
  if (Object.hasOwn(current, 'example')) return { value: current.example };
  if (Array.isArray(current.examples) && current.examples.length > 0) return { value: current.examples[0] };
  if (Object.hasOwn(current, 'default')) return { value: current.default };
  return undefined;
}

export const isEventType = (value: unknown): value is string => typeof value === 'string' && EVENT_TYPE_PATTERN.test(value);
