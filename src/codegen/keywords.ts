/**
 * Which JSON Schema keywords the generator understands, and for which
 * instance types. Anything else stops generation: a keyword that is dropped
 * silently would make the generated validator accept what the schema rejects.
 */

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
  dependentRequired: 'model the variants with anyOf',
  dependentSchemas: 'model the variants with anyOf',
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
  $anchor: 'refer to $defs by JSON Pointer',
  contentEncoding: 'not supported',
  contentMediaType: 'not supported',
  contentSchema: 'not supported',
};
