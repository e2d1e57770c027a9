/**
 * Translates JSON Schema draft 2020-12 into zod/mini code that accepts and
 * rejects exactly what the schema does. It works keyword by keyword and stops
 * with a {@link ConfigError} naming the file and JSON Pointer wherever it
 * cannot be faithful; see `keywords.ts` for what it understands.
 */
import ts from 'typescript';
import type { JsonSchema, JsonSchemaObject } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { isInheritedName } from '../runtime/own-properties.js';
import { appliesTo, INSTANCE_TYPES, type InstanceType, isSupported, nestedIdProblem, patternProblem, UNSUPPORTED_HINTS } from '../schema/keywords.js';
import { idScopesRefs } from '../schema/ref.js';
import { call, id, json, object, pure, str, withChecks, z } from './ts.js';

/** A resolved `$ref`: the schema it points at, and the expression naming its validator. */
export interface ResolvedRef {
  readonly schema: JsonSchema;
  readonly expression: ts.Expression;
}

/** What the emitter needs from the module it writes into. */
export interface EmitScope {
  /** The schema file, for error messages. */
  readonly file: string;
  /** Resolves a `$ref` found at `pointer`, recording any import the module needs. */
  resolve(ref: string, pointer: string): ResolvedRef;
  /** Records a helper imported from `runtime/schema-checks`. */
  helper(name: string): ts.Expression;
  /**
   * Whether this is the open variant, which readers use: an object with
   * `additionalProperties: false` accepts properties it does not name (the
   * reader reports them as warnings, from the closed variant's verdict).
   */
  readonly open?: boolean;
}

const FORMAT_HELPERS: Readonly<Record<string, string>> = {
  uuid: 'uuid',
  'date-time': 'dateTime',
  date: 'date',
  time: 'time',
  uri: 'uri',
  email: 'email',
};

/** Emits the validator expression for `schema`, found at `pointer` in `scope.file`. */
export function emitZod(schema: JsonSchema, pointer: string, scope: EmitScope): ts.Expression {
  if (schema === true) return z('unknown');
  if (schema === false) return z('never');
  const node = asObject(schema, pointer, scope);
  const assertions = checkKeywords(node, pointer, scope);

  if ('$ref' in node) {
    only(assertions, ['$ref'], pointer, scope, 'move it into the referenced schema');
    return scope.resolve(stringAt(node, '$ref', pointer, scope), `${pointer}/$ref`).expression;
  }
  if ('anyOf' in node) {
    only(assertions, ['anyOf'], pointer, scope, 'move it into each anyOf branch');
    return emitAnyOf(node, pointer, scope);
  }
  if ('const' in node || 'enum' in node) return emitValues(node, assertions, pointer, scope);

  const types = typesOf(node, pointer, scope);
  if (types === undefined) {
    if (assertions.length > 0)
      fail(scope, pointer, `add a "type": without one, ${assertions.map((k) => `"${k}"`).join(', ')} would let values of every other type through`);
    return z('unknown');
  }
  for (const keyword of assertions) {
    const kinds = appliesTo(keyword);
    if (kinds && !kinds.some((k) => types.includes(k))) {
      fail(scope, `${pointer}/${escapePointer(keyword)}`, `"${keyword}" has no effect on type ${types.join(' or ')}; remove it or fix the type`);
    }
  }
  const branches = types.map((type) => emitTyped(type, node, pointer, scope));
  return branches.length === 1 ? (branches[0] as ts.Expression) : z('union', arrayOf(branches));
}

/**
 * The shape (property map) of an object schema, for callers that extend it.
 * A shape is checked by zod alone, so a property named as a member every
 * object inherits is refused here; {@link emitZod} checks those itself.
 */
export function emitObjectShape(node: JsonSchemaObject, pointer: string, scope: EmitScope): ts.ObjectLiteralExpression {
  const { shape, inherited } = emitProperties(node, pointer, scope);
  const [first] = [...inherited.required, ...inherited.optional];
  if (first) {
    fail(
      scope,
      `${pointer}/properties/${escapePointer(first[0])}`,
      `"${first[0]}" is a name every object inherits, which a zod shape cannot check as data; rename it`,
    );
  }
  return object(shape, true);
}

type Entry = [string, ts.Expression];

/**
 * The validators of an object schema's properties: those zod's object checks
 * (`shape`, optional ones wrapped), and those whose names every object
 * inherits (`toString`, `__proto__`…), which zod would read from the
 * prototype when they are absent, so `ownProperties` checks them.
 */
function emitProperties(node: JsonSchemaObject, pointer: string, scope: EmitScope): { shape: Entry[]; inherited: { required: Entry[]; optional: Entry[] } } {
  const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
  if (typeof properties !== 'object' || Array.isArray(properties)) fail(scope, `${pointer}/properties`, 'must be an object');
  const required = requiredOf(node, pointer, scope);
  required.forEach((name, i) => {
    if (!Object.hasOwn(properties, name)) {
      fail(
        scope,
        `${pointer}/required/${i}`,
        `"${name}" is required but has no property schema (required-without-property); add it to "properties" or remove it from "required"`,
      );
    }
  });
  const shape: Entry[] = [];
  const inherited = { required: [] as Entry[], optional: [] as Entry[] };
  for (const name of Object.keys(properties)) {
    const value = emitZod(properties[name] as JsonSchema, `${pointer}/properties/${escapePointer(name)}`, scope);
    const isRequired = required.includes(name);
    if (isInheritedName(name)) (isRequired ? inherited.required : inherited.optional).push([name, value]);
    else shape.push([name, isRequired ? value : z('exactOptional', value)]);
  }
  return { shape, inherited };
}

function emitTyped(type: InstanceType, node: JsonSchemaObject, pointer: string, scope: EmitScope): ts.Expression {
  switch (type) {
    case 'string':
      return emitString(node, pointer, scope);
    case 'number':
    case 'integer':
      return emitNumber(type, node, pointer, scope);
    case 'boolean':
      return z('boolean');
    case 'null':
      return z('null');
    case 'object':
      return emitObject(node, pointer, scope);
    case 'array':
      return emitArray(node, pointer, scope);
  }
}

function emitString(node: JsonSchemaObject, pointer: string, scope: EmitScope): ts.Expression {
  let base: ts.Expression = z('string');
  if ('format' in node) {
    const format = stringAt(node, 'format', pointer, scope);
    const helper = Object.hasOwn(FORMAT_HELPERS, format) ? FORMAT_HELPERS[format] : undefined;
    if (!helper) fail(scope, `${pointer}/format`, `format "${format}" is not supported; use one of ${Object.keys(FORMAT_HELPERS).join(', ')}`);
    base = scope.helper(helper);
  }
  const checks: ts.Expression[] = [];
  if ('minLength' in node) {
    const limit = countAt(node, 'minLength', pointer, scope);
    // For 0 and 1, counting code units and code points agree; zod's own check is faster.
    if (limit === 1) checks.push(z('minLength', json(1)));
    else if (limit > 1) checks.push(pureCall(scope.helper('minLength'), [json(limit)]));
  }
  if ('maxLength' in node) checks.push(pureCall(scope.helper('maxLength'), [json(countAt(node, 'maxLength', pointer, scope))]));
  if ('pattern' in node) {
    const source = stringAt(node, 'pattern', pointer, scope);
    const problem = patternProblem(source);
    if (problem !== undefined) fail(scope, `${pointer}/pattern`, `is not a valid regular expression with the "u" flag, as JSON Schema requires: ${problem}`);
    checks.push(z('regex', newRegExp(source)));
  }
  return withChecks(base, checks);
}

function emitNumber(type: 'number' | 'integer', node: JsonSchemaObject, pointer: string, scope: EmitScope): ts.Expression {
  const checks: ts.Expression[] = [];
  const bounds = [
    ['minimum', 'gte'],
    ['maximum', 'lte'],
    ['exclusiveMinimum', 'gt'],
    ['exclusiveMaximum', 'lt'],
  ] as const;
  for (const [keyword, check] of bounds) {
    if (!(keyword in node)) continue;
    const limit = node[keyword];
    if (typeof limit !== 'number' || !Number.isFinite(limit)) {
      fail(
        scope,
        `${pointer}/${keyword}`,
        typeof limit === 'boolean' ? 'the draft-04 boolean form is not 2020-12; give the limit as a number' : 'must be a number',
      );
    }
    checks.push(z(check, json(limit)));
  }
  return withChecks(type === 'integer' ? scope.helper('integer') : z('number'), checks);
}

function emitObject(node: JsonSchemaObject, pointer: string, scope: EmitScope): ts.Expression {
  const additional = node.additionalProperties;
  if (additional !== undefined && typeof additional !== 'boolean') {
    fail(scope, `${pointer}/additionalProperties`, 'only true or false is supported; a schema for additional properties is not');
  }
  if (additional === undefined || additional === true) {
    if ('required' in node && !('properties' in node)) fail(scope, `${pointer}/required`, 'required names need property schemas (required-without-property)');
  }
  const closed = additional === false && !scope.open;
  const { shape, inherited } = emitProperties(node, pointer, scope);
  if (inherited.required.length === 0 && inherited.optional.length === 0) return z(closed ? 'strictObject' : 'looseObject', object(shape, true));
  // The properties zod cannot check are checked beside a loose object, which then also says which properties a closed one allows.
  const definition: Entry[] = [];
  if (inherited.required.length > 0) definition.push(['required', object(inherited.required, true)]);
  if (inherited.optional.length > 0) definition.push(['optional', object(inherited.optional, true)]);
  if (closed) definition.push(['closed', ts.factory.createTrue()]);
  return pureCall(scope.helper('ownProperties'), [z('looseObject', object(shape, true)), object(definition, true)]);
}

function emitArray(node: JsonSchemaObject, pointer: string, scope: EmitScope): ts.Expression {
  if (Array.isArray(node.items)) {
    fail(scope, `${pointer}/items`, 'the tuple form of items (an array) is draft-04; it is not supported');
  }
  const items = 'items' in node ? emitZod(node.items as JsonSchema, `${pointer}/items`, scope) : z('unknown');
  const checks: ts.Expression[] = [];
  if ('minItems' in node) checks.push(z('minLength', json(countAt(node, 'minItems', pointer, scope))));
  if ('maxItems' in node) checks.push(z('maxLength', json(countAt(node, 'maxItems', pointer, scope))));
  if (node.uniqueItems === true) checks.push(pureCall(scope.helper('uniqueItems')));
  else if ('uniqueItems' in node && node.uniqueItems !== false) fail(scope, `${pointer}/uniqueItems`, 'must be true or false');
  return withChecks(z('array', items), checks);
}

function emitValues(node: JsonSchemaObject, assertions: readonly string[], pointer: string, scope: EmitScope): ts.Expression {
  const keyword = 'const' in node ? 'const' : 'enum';
  only(assertions, [keyword, 'type'], pointer, scope, `"${keyword}" already fixes the value`);
  const values = keyword === 'const' ? [node.const] : node.enum;
  if (!Array.isArray(values)) fail(scope, `${pointer}/enum`, 'must be an array');
  const types = typesOf(node, pointer, scope);
  values.forEach((value, i) => {
    const at = keyword === 'const' ? `${pointer}/const` : `${pointer}/enum/${i}`;
    if (value !== null && typeof value === 'object')
      fail(scope, at, `"${keyword}" values must be strings, numbers, booleans or null: objects and arrays are not supported as values`);
    if (types && !types.some((t) => matchesType(value, t))) fail(scope, at, `${JSON.stringify(value)} is not of type ${types.join(' or ')}`);
  });
  if (values.length === 0) return z('never');
  if (values.every((v) => typeof v === 'string')) return z('enum', arrayOf(values.map(json)));
  return z('literal', values.length === 1 ? json(values[0]) : arrayOf(values.map(json)));
}

function emitAnyOf(node: JsonSchemaObject, pointer: string, scope: EmitScope): ts.Expression {
  const branches = node.anyOf;
  if (!Array.isArray(branches) || branches.length === 0) fail(scope, `${pointer}/anyOf`, 'must be a non-empty array');
  const options = branches.map((b, i) => emitZod(b as JsonSchema, `${pointer}/anyOf/${i}`, scope));
  const discriminator = findDiscriminator(branches as JsonSchema[], pointer, (ref, at) => scope.resolve(ref, at).schema);
  // A discriminated union reports errors from the one branch that applies; with
  // distinct const values that every branch requires, it accepts exactly what anyOf does.
  if (discriminator) return z('discriminatedUnion', str(discriminator), arrayOf(options));
  return options.length === 1 ? (options[0] as ts.Expression) : z('union', arrayOf(options));
}

/**
 * A property that every branch requires and fixes to a different const, if
 * there is one. `resolve` gives the schema a `$ref` found at a pointer names.
 */
export function findDiscriminator(branches: readonly JsonSchema[], pointer: string, resolve: (ref: string, pointer: string) => JsonSchema): string | undefined {
  const objects = branches.map((b, i) => deref(b, `${pointer}/anyOf/${i}`, resolve));
  if (branches.length < 2 || !objects.every((o) => o && o.type === 'object')) return undefined;
  // A branch with a property named as an inherited member is not a plain zod object, which a discriminated union needs.
  if (objects.some((o) => Object.keys((o?.properties ?? {}) as object).some(isInheritedName))) return undefined;
  const first = objects[0] as JsonSchemaObject;
  for (const key of Object.keys((first.properties ?? {}) as object)) {
    const seen = new Set<unknown>();
    const ok = objects.every((o) => {
      const properties = (o as JsonSchemaObject).properties as Record<string, JsonSchema> | undefined;
      const property = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
      const required = (o as JsonSchemaObject).required;
      if (typeof property !== 'object' || !('const' in property) || !Array.isArray(required) || !required.includes(key)) return false;
      const value = property.const;
      if (typeof value !== 'string' || seen.has(value)) return false;
      seen.add(value);
      return true;
    });
    if (ok) return key;
  }
  return undefined;
}

/** The schema `schema` names, following `$ref`s. */
export function deref(schema: JsonSchema, pointer: string, resolve: (ref: string, pointer: string) => JsonSchema): JsonSchemaObject | undefined {
  let current = schema;
  for (let hops = 0; hops < 16 && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
    current = resolve(current.$ref, `${pointer}/$ref`);
  }
  return typeof current === 'object' ? current : undefined;
}

/** The types a schema's `type` names, checked; undefined where it has none. */
export function typesOf(node: JsonSchemaObject, pointer: string, scope: Pick<EmitScope, 'file'>): InstanceType[] | undefined {
  if (!('type' in node)) return undefined;
  const raw = node.type;
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) fail(scope, `${pointer}/type`, 'must name at least one type');
  list.forEach((t, i) => {
    if (typeof t !== 'string' || !INSTANCE_TYPES.has(t))
      fail(scope, Array.isArray(raw) ? `${pointer}/type/${i}` : `${pointer}/type`, `${JSON.stringify(t)} is not a JSON Schema type`);
  });
  if (new Set(list).size !== list.length) fail(scope, `${pointer}/type`, 'names a type twice');
  return list as InstanceType[];
}

function matchesType(value: unknown, type: InstanceType): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/** Rejects unknown keywords, and returns the assertion keywords present. */
function checkKeywords(node: JsonSchemaObject, pointer: string, scope: EmitScope): string[] {
  const assertions: string[] = [];
  for (const keyword of Object.keys(node)) {
    if (!isSupported(keyword)) {
      const hint = Object.hasOwn(UNSUPPORTED_HINTS, keyword) ? UNSUPPORTED_HINTS[keyword] : undefined;
      fail(
        scope,
        `${pointer}/${escapePointer(keyword)}`,
        `"${keyword}" is not supported by the generator${hint ? ` (${hint})` : ''}; it stops rather than drop a keyword silently`,
      );
    }
    if (keyword === '$defs' && pointer !== '') fail(scope, `${pointer}/$defs`, '$defs is only supported at the root of a schema file');
    if (keyword === '$id' && pointer !== '' && idScopesRefs(node)) fail(scope, `${pointer}/$id`, nestedIdProblem(pointer));
    if (!isAnnotation(keyword) && keyword !== '$defs') assertions.push(keyword);
  }
  return assertions;
}

const isAnnotation = (keyword: string) => !['type', 'enum', 'const', '$ref', 'anyOf'].includes(keyword) && appliesTo(keyword) === undefined;

function only(assertions: readonly string[], allowed: readonly string[], pointer: string, scope: EmitScope, hint: string) {
  const extra = assertions.find((k) => !allowed.includes(k));
  if (extra) fail(scope, `${pointer}/${escapePointer(extra)}`, `"${extra}" beside ${allowed[0]} is not supported; ${hint}`);
}

function asObject(schema: JsonSchema, pointer: string, scope: EmitScope): JsonSchemaObject {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) fail(scope, pointer, 'a schema must be an object or a boolean');
  return schema;
}

function stringAt(node: JsonSchemaObject, keyword: string, pointer: string, scope: EmitScope): string {
  const value = node[keyword];
  if (typeof value !== 'string') fail(scope, `${pointer}/${keyword}`, 'must be a string');
  return value;
}

function countAt(node: JsonSchemaObject, keyword: string, pointer: string, scope: EmitScope): number {
  const value = node[keyword];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(scope, `${pointer}/${keyword}`, 'must be a non-negative integer');
  return value;
}

/** The names a schema's `required` lists, checked. */
export function requiredOf(node: JsonSchemaObject, pointer: string, scope: Pick<EmitScope, 'file'>): string[] {
  if (!('required' in node)) return [];
  const required = node.required;
  if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) fail(scope, `${pointer}/required`, 'must be an array of strings');
  if (new Set(required).size !== required.length) fail(scope, `${pointer}/required`, 'lists a name twice');
  return required as string[];
}

/**
 * `new RegExp("…", "u")` from a string literal: the printer escapes the
 * source, so no pattern can end a regex literal early or inject code.
 */
const newRegExp = (source: string): ts.Expression => pure(ts.factory.createNewExpression(id('RegExp'), undefined, [str(source), str('u')]));

const arrayOf = (items: readonly ts.Expression[]) => ts.factory.createArrayLiteralExpression(items, false);

/** A call of a runtime helper that builds a validator, marked pure as `z` marks zod's. */
const pureCall = (callee: ts.Expression, args: readonly ts.Expression[] = []): ts.Expression => pure(call(callee, args));

function fail(scope: Pick<EmitScope, 'file'>, pointer: string, message: string): never {
  throw new ConfigError(scope.file, pointer, message);
}
