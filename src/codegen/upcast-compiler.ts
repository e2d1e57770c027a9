/**
 * Compiles a declarative `vN.upcast.json` into a typed TypeScript function
 * that builds version N's data as an explicit object literal:
 *
 * ```ts
 * function upcastV1ToV2(data: V1, context: UpcastContext): V2 {
 *   const out: V2 = { bookingId: data.bookingId, cancelledAtDate: dateInZone(data.cancelledAt, "Europe/London"), … };
 *   if (data.notes !== undefined) out.notes = data.notes;
 *   return out;
 * }
 * ```
 *
 * It refuses a declaration that would lose data (a property of version N-1
 * that N lacks, with no `remove` to say so) or leave a required property of
 * N unfilled. TypeScript then checks the function against both versions' types.
 */
import ts from 'typescript';
import type { EnvelopeSource, JsonSchema, JsonSchemaObject, UpcastOperation } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';
import { parsePointer } from '../runtime/json-pointer.js';
import { isInheritedName } from '../runtime/own-properties.js';
import { call, id, json, localConst, member, object, str, typeRef } from './ts.js';

const f = ts.factory;

/** Envelope fields that every valid envelope has. */
const ALWAYS_IN_ENVELOPE: ReadonlySet<EnvelopeSource> = new Set(['occurredAt', 'eventType']);

export interface UpcastInput {
  /** The upcast file, for errors. */
  readonly file: string;
  readonly functionName: string;
  readonly from: UpcastVersion;
  readonly to: UpcastVersion;
  readonly operations: readonly UpcastOperation[];
}

export interface UpcastVersion {
  readonly schema: JsonSchemaObject;
  readonly typeName: string;
  /** Follows `$ref`s found in this version's schema to the schema they name. */
  readonly deref: (schema: JsonSchema) => JsonSchemaObject;
}

export interface CompiledUpcast {
  readonly statements: readonly ts.Statement[];
  /** Helpers used from `runtime/upcast-helpers`. */
  readonly helpers: ReadonlySet<string>;
}

interface RelativeOp {
  readonly op: UpcastOperation;
  readonly index: number;
  /** Tokens of `path` left below the current level. */
  readonly rest: readonly string[];
}

interface Level {
  readonly source: ts.Expression;
  readonly target: ts.Expression;
  readonly targetType: ts.TypeNode;
  readonly from: JsonSchemaObject;
  readonly to: JsonSchemaObject;
  readonly ops: readonly RelativeOp[];
  readonly pointer: string;
}

export function compileUpcast(input: UpcastInput): CompiledUpcast {
  const helpers = new Set<string>();
  const consts: ts.Statement[] = [];
  const constNames = new Set<string>();
  const fail = (index: number | undefined, message: string): never => {
    throw new ConfigError(input.file, index === undefined ? '/operations' : `/operations/${index}`, message);
  };
  const ops = input.operations.map((op, index) => ({ op, index, rest: tokens(op.path, index, fail) }));
  for (const { op, index } of ops) {
    if ('from' in op) {
      const fromParent = tokens(op.from, index, fail).slice(0, -1).join('/');
      const toParent = tokens(op.path, index, fail).slice(0, -1).join('/');
      if (op.op === 'rename' && fromParent !== toParent) fail(index, 'rename works within one object; from and path must have the same parent');
    }
  }

  const conditionals: ts.Statement[] = [];
  const build = (level: Level): ts.Expression => {
    const fromProps = propertiesOf(level.from);
    const toProps = propertiesOf(level.to);
    const fromRequired = requiredOf(level.from);
    const toRequired = requiredOf(level.to);
    const here = level.ops.filter((o) => o.rest.length === 1);
    const deeper = new Map<string, RelativeOp[]>();
    for (const o of level.ops.filter((o) => o.rest.length > 1)) {
      const head = o.rest[0] as string;
      deeper.set(head, [...(deeper.get(head) ?? []), { ...o, rest: o.rest.slice(1) }]);
    }

    const consumed = new Set<string>();
    const producers = new Map<string, RelativeOp>();
    for (const o of here) {
      const name = o.rest[0] as string;
      if (o.op.op === 'remove') {
        if (!has(fromProps, name)) fail(o.index, `there is no ${level.pointer}/${name} to remove in the earlier version`);
        if (has(toProps, name)) fail(o.index, `${level.pointer}/${name} is removed, but the new version still has it`);
        consumed.add(name);
        continue;
      }
      if (!has(toProps, name)) fail(o.index, `the new version has no property ${level.pointer}/${name}`);
      if (producers.has(name)) fail(o.index, `${level.pointer}/${name} is set by two operations`);
      producers.set(name, o);
      if (o.op.op === 'rename') consumed.add(lastToken(o.op.from));
    }

    const entries: Array<[string, ts.Expression]> = [];
    for (const name of Object.keys(toProps)) {
      const required = toRequired.has(name);
      const targetType = f.createIndexedAccessTypeNode(level.targetType, f.createLiteralTypeNode(str(name)));
      const producer = producers.get(name);
      if (producer) {
        const { expression, optionalSource } = produce(producer, level, targetType, fromProps, fromRequired);
        if (optionalSource === undefined) entries.push([name, expression]);
        else if (required)
          fail(producer.index, `${level.pointer}/${name} is required in the new version, but ${optionalSource} may be absent in the earlier one`);
        else conditionals.push(assignIfPresent(level.target, name, expression, sourceOf(level.source, producer.op), helpers));
        continue;
      }
      const nested = deeper.get(name);
      if (nested) {
        if (!has(fromProps, name) || !fromRequired.has(name) || !required) {
          fail(nested[0]?.index, `operations below ${level.pointer}/${name} need it to be a required object in both versions`);
        }
        entries.push([
          name,
          build({
            source: member(level.source, name),
            target: member(level.target, name),
            targetType,
            from: input.from.deref(fromProps[name] as JsonSchema),
            to: input.to.deref(toProps[name] as JsonSchema),
            ops: nested,
            pointer: `${level.pointer}/${name}`,
          }),
        ]);
        continue;
      }
      if (has(fromProps, name) && !consumed.has(name)) {
        if (fromRequired.has(name)) entries.push([name, member(level.source, name)]);
        else if (required)
          fail(undefined, `${level.pointer}/${name} is required in the new version but optional in the earlier one; add an operation that fills it`);
        else conditionals.push(assignIfPresent(level.target, name, member(level.source, name), { parent: level.source, name }, helpers));
        continue;
      }
      if (required) fail(undefined, `${level.pointer}/${name} is required in the new version, but no operation fills it`);
    }
    for (const name of Object.keys(fromProps)) {
      if (!has(toProps, name) && !consumed.has(name)) {
        fail(
          undefined,
          `${level.pointer}/${name} exists in the earlier version but not in the new one; add {"op": "remove", "path": "${level.pointer}/${name}"} so that dropping it is deliberate`,
        );
      }
    }
    const literal = object(entries, true);
    // TypeScript reads a property an object type lacks from Object's members (`isPrototypeOf` is a function), so a
    // literal without an optional property named like one is checked against the type without it; a conditional sets it.
    const inherited = Object.keys(toProps).filter((name) => isInheritedName(name) && !toRequired.has(name));
    if (inherited.length === 0) return literal;
    const omitted = f.createUnionTypeNode(inherited.map((name) => f.createLiteralTypeNode(str(name))));
    return f.createAsExpression(f.createSatisfiesExpression(literal, typeRef('Omit', [level.targetType, omitted])), level.targetType);
  };

  const produce = (
    o: RelativeOp,
    level: Level,
    targetType: ts.TypeNode,
    fromProps: Record<string, JsonSchema>,
    fromRequired: ReadonlySet<string>,
  ): { expression: ts.Expression; optionalSource?: string } => {
    const op = o.op;
    switch (op.op) {
      case 'add':
        if ('value' in op) return { expression: json(op.value) };
        if ('fromEnvelope' in op) {
          const field = op.fromEnvelope;
          if (ALWAYS_IN_ENVELOPE.has(field))
            return { expression: f.createPropertyAccessExpression(f.createPropertyAccessExpression(id('context'), 'envelope'), field) };
          helpers.add('requireEnvelopeField');
          return { expression: f.createAsExpression(call('requireEnvelopeField', [id('context'), str(field)]), targetType) };
        }
        if ('default' in op) {
          helpers.add('contextValue');
          return { expression: f.createAsExpression(call('contextValue', [id('context'), str(op.fromContext), json(op.default)]), targetType) };
        }
        helpers.add('requireContextValue');
        return { expression: f.createAsExpression(call('requireContextValue', [id('context'), str(op.fromContext)]), targetType) };
      case 'rename': {
        const from = lastToken(op.from);
        if (!has(fromProps, from)) fail(o.index, `there is no ${level.pointer}/${from} to rename in the earlier version`);
        return { expression: member(level.source, from), ...(fromRequired.has(from) ? {} : { optionalSource: op.from }) };
      }
      case 'date-in-zone': {
        const { expression, optional } = read(op.from, o.index);
        try {
          new Intl.DateTimeFormat('en-GB', { timeZone: op.timeZone });
        } catch {
          fail(o.index, `${JSON.stringify(op.timeZone)} is not an IANA time zone`);
        }
        helpers.add('dateInZone');
        return { expression: call('dateInZone', [expression, str(op.timeZone)]), ...(optional ? { optionalSource: op.from } : {}) };
      }
      case 'map-enum': {
        const name = o.rest[0] as string;
        if (!has(fromProps, name)) fail(o.index, `there is no ${level.pointer}/${name} in the earlier version to map`);
        const map = totalMap(
          input.file,
          op.map,
          input.from.deref(fromProps[name] as JsonSchema),
          input.to.deref(propertiesOf(level.to)[name] as JsonSchema),
          o.index,
        );
        const base = `${input.functionName}${name.charAt(0).toUpperCase()}${name.slice(1).replace(/[^A-Za-z0-9]/gu, '')}Map`;
        // Names that differ only in characters an identifier cannot hold (`a-b`, `ab`), or at different depths, get one map each.
        let constName = base;
        for (let n = 2; constNames.has(constName); n++) constName = `${base}${n}`;
        constNames.add(constName);
        consts.push(
          localConst(
            constName,
            f.createAsExpression(
              object(
                Object.entries(map).map(([k, v]) => [k, str(v)]),
                true,
              ),
              typeRef('const'),
            ),
          ),
        );
        const read = member(level.source, name);
        // The conditional that uses it tests presence with Object.hasOwn, which TypeScript does not narrow on.
        const source = !fromRequired.has(name) && isInheritedName(name) ? f.createNonNullExpression(read) : read;
        return {
          expression: f.createElementAccessExpression(id(constName), source),
          ...(fromRequired.has(name) ? {} : { optionalSource: `${level.pointer}/${name}` }),
        };
      }
      case 'remove':
        return fail(o.index, 'unreachable');
    }
  };

  /** An expression reading a pointer of the earlier version's data, the object it reads it from, and whether it may be absent. */
  const read = (pointer: string, index: number): { expression: ts.Expression; parent: ts.Expression; optional: boolean } => {
    let schema: JsonSchemaObject = input.from.deref(input.from.schema);
    let expression: ts.Expression = id('data');
    let parent = expression;
    let optional = false;
    for (const token of tokens(pointer, index, fail)) {
      const props = propertiesOf(schema);
      if (!has(props, token)) fail(index, `the earlier version has no ${pointer}`);
      if (optional) fail(index, `${pointer} is below an optional property; that is not supported`);
      optional = !requiredOf(schema).has(token);
      parent = expression;
      expression = member(expression, token);
      schema = input.from.deref(props[token] as JsonSchema);
    }
    return { expression, parent, optional };
  };

  /** The property an optional source is read from, whose presence decides whether the target is set. */
  const sourceOf = (source: ts.Expression, op: UpcastOperation): Source => {
    if (op.op === 'rename') return { parent: source, name: lastToken(op.from) };
    if (op.op === 'map-enum') return { parent: source, name: lastToken(op.path) };
    if (op.op === 'date-in-zone') return { parent: read(op.from, -1).parent, name: lastToken(op.from) };
    return fail(undefined, 'unreachable');
  };

  const fromRoot = input.from.deref(input.from.schema);
  const toRoot = input.to.deref(input.to.schema);
  const literal = build({
    source: id('data'),
    target: id('out'),
    targetType: typeRef(input.to.typeName),
    from: fromRoot,
    to: toRoot,
    ops,
    pointer: '',
  });
  const fn = f.createFunctionDeclaration(
    undefined,
    undefined,
    input.functionName,
    undefined,
    [
      f.createParameterDeclaration(undefined, undefined, 'data', undefined, typeRef(input.from.typeName)),
      f.createParameterDeclaration(undefined, undefined, 'context', undefined, typeRef('UpcastContext')),
    ],
    typeRef(input.to.typeName),
    f.createBlock([localConst('out', literal, typeRef(input.to.typeName)), ...conditionals, f.createReturnStatement(id('out'))], true),
  );
  return { statements: [...consts, fn], helpers };
}

/** An optional property of the earlier version's data: `parent[name]`. */
interface Source {
  readonly parent: ts.Expression;
  readonly name: string;
}

/**
 * `if (<source is present>) <target>.<name> = value;`. Presence is
 * `!== undefined`, except for a name every object inherits (`toString`,
 * `__proto__`), which is present only as an own property, and is written as
 * one, so that `__proto__` stays data and never sets the prototype.
 */
function assignIfPresent(target: ts.Expression, name: string, value: ts.Expression, source: Source, helpers: Set<string>): ts.Statement {
  if (isInheritedName(source.name) || isInheritedName(name)) {
    helpers.add('setOwn');
    const present = call(f.createPropertyAccessExpression(id('Object'), 'hasOwn'), [source.parent, str(source.name)]);
    return f.createIfStatement(present, f.createExpressionStatement(call('setOwn', [target, str(name), value])));
  }
  return f.createIfStatement(
    f.createBinaryExpression(member(source.parent, source.name), ts.SyntaxKind.ExclamationEqualsEqualsToken, id('undefined')),
    f.createExpressionStatement(f.createAssignment(member(target, name), value)),
  );
}

/** Whether a `properties` map names `name` itself (not as a member every object inherits). */
const has = (properties: Readonly<Record<string, JsonSchema>>, name: string): boolean => Object.hasOwn(properties, name);

/** The enum map with identity entries added for values both versions allow; refuses a map that is not total. */
function totalMap(file: string, map: Readonly<Record<string, string>>, from: JsonSchemaObject, to: JsonSchemaObject, index: number): Record<string, string> {
  const fromValues = enumOf(from);
  const toValues = new Set(enumOf(to));
  if (fromValues.length === 0 || toValues.size === 0) {
    throw new ConfigError(file, `/operations/${index}`, 'map-enum needs an enum of strings in both versions');
  }
  const out: Record<string, string> = {};
  for (const value of fromValues) {
    const mapped = Object.hasOwn(map, value) ? (map[value] as string) : value;
    if (!toValues.has(mapped)) {
      throw new ConfigError(
        file,
        `/operations/${index}/map`,
        `${JSON.stringify(value)} maps to ${JSON.stringify(mapped)}, which the new version does not allow`,
      );
    }
    out[value] = mapped;
  }
  for (const key of Object.keys(map)) {
    if (!fromValues.includes(key)) throw new ConfigError(file, `/operations/${index}/map`, `${JSON.stringify(key)} is not a value of the earlier version`);
  }
  return out;
}

const enumOf = (schema: JsonSchemaObject): string[] => (Array.isArray(schema.enum) ? schema.enum.filter((v): v is string => typeof v === 'string') : []);

function propertiesOf(schema: JsonSchemaObject): Record<string, JsonSchema> {
  const properties = schema.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, JsonSchema>) : {};
}

function requiredOf(schema: JsonSchemaObject): ReadonlySet<string> {
  return new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
}

function tokens(pointer: string, index: number, fail: (index: number, message: string) => never): string[] {
  try {
    const parts = parsePointer(pointer);
    if (parts.length === 0) fail(index, 'a path must name a property');
    return parts;
  } catch {
    return fail(index, `${JSON.stringify(pointer)} is not a JSON Pointer`);
  }
}

const lastToken = (pointer: string): string => parsePointer(pointer).at(-1) as string;
