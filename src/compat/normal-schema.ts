/**
 * The normal form the compatibility engine compares: a JSON Schema with every
 * `$ref` followed, annotations dropped, and each keyword parsed into the
 * constraint it places on one kind of instance. Two schemas that accept the
 * same documents through different spellings (a `$ref` or the schema inline,
 * `const` or a one-value `enum`) have the same normal form.
 */
import type { InstanceType } from '../schema/keywords.js';

/** Where a part of a normal schema was written: a schema file and a JSON Pointer inside it. */
export interface Source {
  readonly file: string;
  readonly pointer: string;
}

/** Instance types a typed node can accept; `integer` is folded into `number` when both are allowed. */
export const ALL_TYPES: readonly InstanceType[] = ['null', 'boolean', 'object', 'array', 'number', 'string'];

export interface StringConstraints {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
}

export interface NumberConstraints {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

export interface ObjectConstraints {
  readonly properties: Readonly<Record<string, NormalSchema>>;
  readonly required: readonly string[];
  /** `false` closes the object (`additionalProperties: false`); `true` leaves it open, the JSON Schema default. */
  readonly additionalProperties: boolean;
}

export interface ArrayConstraints {
  /** The schema every item must match; absent, items may be anything. */
  readonly items?: NormalSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems: boolean;
}

/**
 * Instances of the listed types, each held to the constraints for its kind.
 * `true` and `{}` are a typed node with every type and no constraints.
 */
export interface TypedSchema {
  readonly kind: 'typed';
  readonly source: Source;
  readonly types: readonly InstanceType[];
  readonly string: StringConstraints;
  readonly number: NumberConstraints;
  readonly object: ObjectConstraints;
  readonly array: ArrayConstraints;
}

/** Exactly these values (`enum`, `const`); `false` is the empty list. */
export interface ValuesSchema {
  readonly kind: 'values';
  readonly source: Source;
  readonly values: readonly unknown[];
}

/** Any one of the branches (`anyOf`). */
export interface AnyOfSchema {
  readonly kind: 'anyOf';
  readonly source: Source;
  readonly branches: readonly NormalSchema[];
}

/**
 * A part the engine cannot reason about: an unsupported keyword, a `$ref`
 * that does not resolve, keywords beside `$ref` or `anyOf`. Comparing it
 * always gives an undecided reason, so the change counts as breaking.
 */
export interface UnknownSchema {
  readonly kind: 'unknown';
  readonly source: Source;
  readonly reason: string;
}

export type NormalSchema = TypedSchema | ValuesSchema | AnyOfSchema | UnknownSchema;

/** A node that accepts every JSON value. */
export function anything(source: Source): TypedSchema {
  return {
    kind: 'typed',
    source,
    types: ALL_TYPES,
    string: {},
    number: {},
    object: { properties: {}, required: [], additionalProperties: true },
    array: { uniqueItems: false },
  };
}

/** Does this node accept every JSON value, so that nothing can break against it? */
export function isAnything(node: NormalSchema): boolean {
  if (node.kind !== 'typed' || node.types.length !== ALL_TYPES.length) return false;
  const { string: s, number: n, object: o, array: a } = node;
  return (
    Object.keys(s).length === 0 &&
    Object.keys(n).length === 0 &&
    o.additionalProperties &&
    o.required.length === 0 &&
    Object.values(o.properties).every(isAnything) &&
    a.minItems === undefined &&
    a.maxItems === undefined &&
    !a.uniqueItems &&
    (a.items === undefined || isAnything(a.items))
  );
}

/** Does a typed node accept instances of `type`? `integer` is accepted by `number`. */
export function acceptsType(node: TypedSchema, type: InstanceType): boolean {
  return node.types.includes(type) || (type === 'integer' && node.types.includes('number'));
}
