/**
 * Which JSON Schema keywords the generator understands, and for which
 * instance types. Anything else stops generation: a keyword that is dropped
 * silently would make the generated validator accept what the schema rejects.
 */
import { escapePointer } from '../runtime/json-pointer.js';

/** Keywords that only annotate; they never change what is valid. */
export const ANNOTATIONS: ReadonlySet<string> = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'deprecated',
  'default',
  'readOnly',
  'writeOnly',
]);

export type InstanceType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';
export const INSTANCE_TYPES: ReadonlySet<string> = new Set<InstanceType>(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);

/** Assertion keywords that apply to one kind of instance, by that kind. */
const TYPE_KEYWORDS: Readonly<Record<string, readonly InstanceType[]>> = {
  minLength: ['string'],
  maxLength: ['string'],
  pattern: ['string'],
  format: ['string'],
  minimum: ['number', 'integer'],
  maximum: ['number', 'integer'],
  exclusiveMinimum: ['number', 'integer'],
  exclusiveMaximum: ['number', 'integer'],
  properties: ['object'],
  required: ['object'],
  additionalProperties: ['object'],
  items: ['array'],
  minItems: ['array'],
  maxItems: ['array'],
  uniqueItems: ['array'],
};

/** Keywords that apply whatever the instance's type. */
const GENERAL = new Set(['type', 'enum', 'const', '$ref', 'anyOf', '$defs']);

/** Is this keyword one the generator can translate? (A keyword named `constructor` is not, whatever every object inherits.) */
export const isSupported = (keyword: string): boolean => ANNOTATIONS.has(keyword) || GENERAL.has(keyword) || Object.hasOwn(TYPE_KEYWORDS, keyword);

/** The instance types a type-specific keyword applies to, or undefined for a general keyword. */
export const appliesTo = (keyword: string): readonly InstanceType[] | undefined => (Object.hasOwn(TYPE_KEYWORDS, keyword) ? TYPE_KEYWORDS[keyword] : undefined);

/**
 * Why `pattern` is not a regular expression JSON Schema can use, or undefined
 * when it is. Patterns are ECMA-262 with the `u` flag, which refuses escapes
 * and classes that the flag-free syntax lets through.
 */
export function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const DEPENDENT_VARIANTS =
  'model the variants with anyOf: one branch whose "properties" leave the property out, and one that has it and lists the properties it needs in "required"';

/** Keywords known to JSON Schema 2020-12 that the generator deliberately does not translate, with a hint. */
export const UNSUPPORTED_HINTS: Readonly<Record<string, string>> = {
  $dynamicRef: 'dynamic references cannot be resolved ahead of time',
  $dynamicAnchor: 'dynamic references cannot be resolved ahead of time',
  $recursiveRef: 'a draft 2019-09 keyword; recursive schemas are not supported',
  oneOf: 'use anyOf with branches that cannot both match (for example a const discriminator)',
  allOf: 'merge the subschemas into one',
  not: 'say what is allowed instead (enum, pattern)',
  if: 'model the variants with anyOf',
  // biome-ignore lint/suspicious/noThenProperty: "then" is a JSON Schema keyword, named here as data.
  then: 'model the variants with anyOf',
  else: 'model the variants with anyOf',
  patternProperties: 'list the properties',
  propertyNames: 'list the properties',
  dependentRequired: DEPENDENT_VARIANTS,
  dependentSchemas: DEPENDENT_VARIANTS,
  dependencies: `a draft-07 keyword, which 2019-09 split into dependentRequired and dependentSchemas; neither is supported: ${DEPENDENT_VARIANTS}`,
  unevaluatedProperties: 'use additionalProperties: false',
  unevaluatedItems: 'use items',
  prefixItems: 'tuples are not supported',
  contains: 'not supported',
  minContains: 'not supported',
  maxContains: 'not supported',
  minProperties: 'not supported',
  maxProperties: 'not supported',
  multipleOf: 'zod and JSON Schema round fractional multiples differently',
  nullable: 'an OpenAPI 3.0 keyword; use "type": ["string", "null"]',
  definitions: 'a draft-07 keyword; use $defs',
  $anchor: 'anchors are not supported; keep the subschema in $defs and refer to it by JSON Pointer, "$ref": "#/$defs/<name>"',
  contentEncoding: 'not supported',
  contentMediaType: 'not supported',
  contentSchema: 'not supported',
};

/**
 * Why an `$id` below the root of a schema file is refused where it matters,
 * and what to write instead. A nested `$id` starts a new document: the
 * `$ref`s inside it, and those that name it, would resolve against it, and
 * nothing here does that. (With neither, it changes nothing, and is let be.)
 *
 * @param pointer where the `$id` is declared; an entry of `$defs` is named in the advice.
 */
export function nestedIdProblem(pointer?: string): string {
  const definition = pointer !== undefined && /^\/\$defs\/[^/]+$/u.test(pointer) ? `"#${pointer}"` : '"#/$defs/<name>"';
  return `an "$id" below the root of a schema file is not supported ($refs would resolve against it, as against a document of its own); remove it, keep the subschema in "$defs" and refer to it with "$ref": ${definition}, or give it its own file in schemas/_shared/`;
}

/**
 * Why a `$ref` is one the generator and the compatibility engine do not
 * follow, with what to write instead; undefined when it is one they follow.
 * `#` is the whole document, so a reference to it inside the document is
 * recursive; `#name` is an anchor (`$anchor`), which neither resolves.
 *
 * @param root the document the `$ref` is written in, to point at the definition an anchor names.
 */
export function unsupportedRef(ref: string, root?: Readonly<Record<string, unknown>>): string | undefined {
  const hash = ref.indexOf('#');
  if (hash === -1) return undefined;
  const fragment = ref.slice(hash + 1);
  const local = hash === 0;
  if (local && fragment === '') {
    return `$ref "#" refers to the whole schema it is written in, which makes the schema recursive; recursive schemas are not supported: write the nested shape out, with each part that repeats in "$defs", referred to as "$ref": "#/$defs/<name>"`;
  }
  if (fragment === '' || fragment.startsWith('/')) return undefined;
  const where = local ? definitionWithAnchor(root, decodeURIComponent(fragment)) : undefined;
  const instead = local
    ? `refer to the definition by JSON Pointer: "$ref": "#/$defs/${where === undefined ? '<name>' : escapePointer(where)}"${where === undefined ? ', after moving it into "$defs"' : ''}`
    : 'refer to a shared schema file as a whole, by its path, as "$ref": "../../_shared/<name>.schema.json"';
  return `$ref ${JSON.stringify(ref)} names an anchor ("$anchor"); anchors are not supported: ${instead}`;
}

/** The `$defs` entry of `root` that declares `$anchor: anchor`, by name. */
function definitionWithAnchor(root: Readonly<Record<string, unknown>> | undefined, anchor: string): string | undefined {
  const defs = root?.$defs;
  if (typeof defs !== 'object' || defs === null) return undefined;
  return Object.entries(defs).find(([, schema]) => typeof schema === 'object' && schema !== null && (schema as { $anchor?: unknown }).$anchor === anchor)?.[0];
}
