/**
 * The compatibility engine. Given two versions of a schema, it asks the rules
 * (`rules/`) both ways round:
 * - *backward*: is every document valid under the older version valid under
 *   the newer one? (old writer, new reader) If not, old data needs an upcaster.
 * - *forward*: is every document valid under the newer version valid under
 *   the older one? (new writer, old reader) If not, consumers still on the
 *   older version reject new events, so they must upgrade first.
 *
 * The answer is `full` (both), `backward`, `forward` or `none`, with the
 * reasons for each direction that fails. Where the engine cannot decide, its
 * reason says so (`decided: false`) and the direction counts as failing.
 */
import type { SchemaFile } from '../catalogue/model.js';
import type { Problem } from '../diagnostic.js';
import type { SchemaDocuments } from '../schema/ref.js';
import { isAnything, type NormalSchema } from './normal-schema.js';
import { normalise } from './normalise.js';
import type { Reason, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';

/** How a newer version relates to an older one. */
export type Compatibility = 'full' | 'backward' | 'forward' | 'none';

export interface Classification {
  readonly compatibility: Compatibility;
  /** Why some document valid under the older version may be invalid under the newer; empty when backward compatible. */
  readonly backward: readonly Reason[];
  /** Why some document valid under the newer version may be invalid under the older; empty when forward compatible. */
  readonly forward: readonly Reason[];
}

/** Names for the two versions in reasons' messages. Default `old` and `new`. */
export interface VersionNames {
  readonly older: string;
  readonly newer: string;
}

/** How a reader treats properties a closed object does not name; see `RuleContext.tolerant`. */
export interface ReaderModel {
  /** Default false: to the letter, as building and released versions need. */
  readonly tolerant?: boolean;
}

/**
 * The reasons a document valid under `writer` may be invalid under `reader`; empty when there are none.
 *
 * @param pointer where the two schemas sit, prefixed to every reason's pointer. Default `""`, the root.
 */
export function breaks(
  writer: NormalSchema,
  reader: NormalSchema,
  names: { readonly writer: string; readonly reader: string },
  pointer = '',
  model: ReaderModel = {},
): Reason[] {
  const tolerant = model.tolerant ?? false;
  const compare = (w: NormalSchema, r: NormalSchema, pointer: string): Reason[] => {
    if (isAnything(r) || (w.kind === 'values' && w.values.length === 0)) return [];
    const node = w.kind === 'unknown' ? w : r.kind === 'unknown' ? r : undefined;
    if (node) {
      const message = `cannot compare ${node.source.file}#${node.source.pointer}: ${node.reason}; assumed incompatible`;
      return [{ code: 'undecidable', pointer, message, decided: false, source: node.source }];
    }
    const context: RuleContext = { writer: w, reader: r, pointer, names, compare, tolerant };
    return RULES.flatMap((rule) => rule(context));
  };
  return compare(writer, reader, pointer);
}

/**
 * Classifies the change from `older` to `newer`, both already normalised.
 * With `model.tolerant`, as consumers read (adding an optional property is
 * compatible both ways); without, to the letter (the same documents valid).
 */
export function classify(
  older: NormalSchema,
  newer: NormalSchema,
  names: VersionNames = { older: 'old', newer: 'new' },
  model: ReaderModel = {},
): Classification {
  const backward = breaks(older, newer, { writer: names.older, reader: names.newer }, '', model);
  const forward = breaks(newer, older, { writer: names.newer, reader: names.older }, '', model);
  return { compatibility: compatibilityOf(backward.length === 0, forward.length === 0), backward, forward };
}

/** `full`, `backward`, `forward` or `none`, from the two answers. */
export function compatibilityOf(backward: boolean, forward: boolean): Compatibility {
  if (backward) return forward ? 'full' : 'backward';
  return forward ? 'forward' : 'none';
}

/**
 * Normalises two schema files and classifies the change between them.
 *
 * @param documents schemas a `$ref` may reach, by `$id` (shared definitions).
 * @returns the classification, and any part of either file that could not be normalised.
 */
export function classifySchemas(
  older: SchemaFile,
  newer: SchemaFile,
  documents: SchemaDocuments,
  names?: VersionNames,
): Classification & { readonly problems: readonly Problem[] } {
  const a = normalise(older, documents);
  const b = normalise(newer, documents);
  return { ...classify(a.schema, b.schema, names), problems: [...a.problems, ...b.problems] };
}
