/**
 * The shape of a compatibility rule. A rule looks at one place where a
 * *writer* schema and a *reader* schema meet and lists the reasons a document
 * valid under the writer may be invalid under the reader. The engine asks it
 * both ways round: old writer and new reader for backward compatibility, new
 * writer and old reader for forward compatibility.
 */
import type { NormalSchema, Source, TypedSchema } from './normal-schema.js';

/** Stable codes of the reasons rules give; see each rule's file. */
export type ReasonCode =
  | 'type-narrowed'
  | 'value-not-accepted'
  | 'restricted-to-values'
  | 'bound-tightened'
  | 'pattern-added'
  | 'pattern-changed'
  | 'format-added'
  | 'format-changed'
  | 'object-closed'
  | 'property-removed-from-closed-model'
  | 'property-added-to-open-model'
  | 'required-added'
  | 'unique-items-added'
  | 'branch-not-accepted'
  | 'undecidable';

/** Why a document the writer accepts may be rejected by the reader. */
export interface Reason {
  readonly code: ReasonCode;
  /**
   * Where, as a JSON Pointer into the schema with every `$ref` followed, such
   * as `/properties/premises/properties/name`.
   */
  readonly pointer: string;
  /** Plain words, naming the two sides, for example "v1 allows null here, v2 does not". */
  readonly message: string;
  /**
   * `true` when the engine has shown that such a document exists; `false`
   * when it cannot decide (two different patterns, say) and assumes the worst.
   */
  readonly decided: boolean;
  /** Where the reader's side is written: a schema file and a JSON Pointer in it. */
  readonly source: Source;
}

/** What a rule is given. */
export interface RuleContext {
  /** The schema the document was written with. */
  readonly writer: NormalSchema;
  /** The schema it is read with. */
  readonly reader: NormalSchema;
  /** JSON Pointer of this place, with `$ref`s followed. */
  readonly pointer: string;
  /** Names for the two sides in messages, such as `v1` and `v2`. */
  readonly names: { readonly writer: string; readonly reader: string };
  /** Compares two subschemas further down (a property, the items, a branch). */
  compare(writer: NormalSchema, reader: NormalSchema, pointer: string): Reason[];
  /**
   * Whether the reader is tolerant, as this package's readers are: a property
   * a closed object does not name is kept, not rejected. False asks whether
   * the same documents are valid to the letter, as building and a released
   * version's schema need.
   */
  readonly tolerant: boolean;
}

/** A compatibility rule: the reasons, at this place, that the reader may reject what the writer accepts. */
export type Rule = (context: RuleContext) => Reason[];

/** A reason at the context's place, located at the reader's side. */
export function reason(context: RuleContext, code: ReasonCode, message: string, decided = true, pointer = context.pointer): Reason {
  return { code, pointer, message, decided, source: context.reader.source };
}

/** Both sides as typed nodes that accept `kind`, or undefined when the rule does not apply here. */
export function typedPair(context: RuleContext, kind: 'string' | 'number' | 'object' | 'array'): [TypedSchema, TypedSchema] | undefined {
  const { writer, reader } = context;
  if (writer.kind !== 'typed' || reader.kind !== 'typed') return undefined;
  const has = (node: TypedSchema) => node.types.includes(kind) || (kind === 'number' && node.types.includes('integer'));
  return has(writer) && has(reader) ? [writer, reader] : undefined;
}
