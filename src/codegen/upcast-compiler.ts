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
 * What the operations mean is worked out in `upcast-plan.ts`, which refuses a
 * declaration that would lose data (a property of version N-1 that N lacks,
 * with no `remove` to say so) or leave a required property of N unfilled;
 * this module only writes the plan as code. TypeScript then checks the
 * function against both versions' types.
 */
import ts from 'typescript';
import type { UpcastOperation } from '../catalogue/model.js';
import { isInheritedName } from '../runtime/own-properties.js';
import { call, id, json, localConst, member, object, str, typeRef } from './ts.js';
import { type PlanEntry, type PlanSource, type PlanVersion, planUpcast } from './upcast-plan.js';

const f = ts.factory;

export interface UpcastInput {
  /** The upcast file, for errors. */
  readonly file: string;
  readonly functionName: string;
  readonly from: UpcastVersion;
  readonly to: UpcastVersion;
  readonly operations: readonly UpcastOperation[];
}

export interface UpcastVersion extends PlanVersion {
  readonly typeName: string;
}

export interface CompiledUpcast {
  readonly statements: readonly ts.Statement[];
  /** Helpers used from `runtime/upcast-helpers`. */
  readonly helpers: ReadonlySet<string>;
}

export function compileUpcast(input: UpcastInput): CompiledUpcast {
  const plan = planUpcast({ file: input.file, from: input.from, to: input.to, operations: input.operations });
  const helpers = new Set<string>();
  const consts: ts.Statement[] = [];
  // Optional properties are assigned after the literal, each where its source is present.
  const conditionals: ts.Statement[] = [];

  const literal = (entries: readonly PlanEntry[], target: ts.Expression, targetType: ts.TypeNode): ts.Expression => {
    const properties: Array<[string, ts.Expression]> = [];
    for (const entry of entries) {
      const type = f.createIndexedAccessTypeNode(targetType, f.createLiteralTypeNode(str(entry.name)));
      if (entry.when === undefined) {
        const value =
          entry.source.kind === 'object' ? literal(entry.source.entries, member(target, entry.name), type) : expression(entry.name, entry.source, type);
        properties.push([entry.name, value]);
        continue;
      }
      const when = entry.when;
      const owned = isInheritedName(when.at(-1) as string) || isInheritedName(entry.name);
      // Object.hasOwn does not narrow, so a read of the tested source is asserted present.
      const value =
        entry.source.kind === 'object'
          ? literal(entry.source.entries, member(target, entry.name), type)
          : expression(entry.name, entry.source, type, owned ? when : undefined);
      conditionals.push(owned ? setOwnIfOwn(target, entry.name, value, when) : assignIfDefined(target, entry.name, value, readData(when)));
      if (owned) helpers.add('setOwn');
    }
    const out = object(properties, true);
    // TypeScript reads a property an object type lacks from Object's members (`isPrototypeOf` is a function), so a
    // literal without an optional property named like one is checked against the type without it; a conditional sets it.
    const inherited = entries.filter((entry) => entry.when !== undefined && isInheritedName(entry.name)).map((entry) => entry.name);
    if (inherited.length === 0) return out;
    const omitted = f.createUnionTypeNode(inherited.map((name) => f.createLiteralTypeNode(str(name))));
    return f.createAsExpression(f.createSatisfiesExpression(out, typeRef('Omit', [targetType, omitted])), targetType);
  };

  const constNames = new Set<string>();
  const expression = (name: string, source: Exclude<PlanSource, { kind: 'object' }>, targetType: ts.TypeNode, present?: readonly string[]): ts.Expression => {
    const read = (path: readonly string[]): ts.Expression =>
      present !== undefined && samePath(path, present) ? f.createNonNullExpression(readData(path)) : readData(path);
    switch (source.kind) {
      case 'copy':
        return read(source.from);
      case 'value':
        return json(source.value);
      case 'envelope':
        if (source.always) return f.createPropertyAccessExpression(f.createPropertyAccessExpression(id('context'), 'envelope'), source.field);
        helpers.add('requireEnvelopeField');
        return f.createAsExpression(call('requireEnvelopeField', [id('context'), str(source.field)]), targetType);
      case 'context':
        if ('default' in source) {
          helpers.add('contextValue');
          return f.createAsExpression(call('contextValue', [id('context'), str(source.name), json(source.default)]), targetType);
        }
        helpers.add('requireContextValue');
        return f.createAsExpression(call('requireContextValue', [id('context'), str(source.name)]), targetType);
      case 'date-in-zone':
        helpers.add('dateInZone');
        return call('dateInZone', [read(source.from), str(source.timeZone)]);
      case 'map-enum': {
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
                Object.entries(source.map).map(([k, v]) => [k, str(v)]),
                true,
              ),
              typeRef('const'),
            ),
          ),
        );
        return f.createElementAccessExpression(id(constName), read(source.from));
      }
    }
  };

  const body = literal(plan.entries, id('out'), typeRef(input.to.typeName));
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
    f.createBlock([localConst('out', body, typeRef(input.to.typeName)), ...conditionals, f.createReturnStatement(id('out'))], true),
  );
  return { statements: [...consts, fn], helpers };
}

/** `data.a.b`: the earlier data at a path. */
const readData = (path: readonly string[]): ts.Expression => path.reduce<ts.Expression>((expression, token) => member(expression, token), id('data'));

const samePath = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((token, i) => token === b[i]);

/**
 * `if (Object.hasOwn(data.a, "toString")) setOwn(out, "toString", value);`: for
 * a name every object inherits, present means an own property, and it is
 * written as one, so that `__proto__` stays data and never sets the prototype.
 */
function setOwnIfOwn(target: ts.Expression, name: string, value: ts.Expression, when: readonly string[]): ts.Statement {
  const present = call(f.createPropertyAccessExpression(id('Object'), 'hasOwn'), [readData(when.slice(0, -1)), str(when.at(-1) as string)]);
  return f.createIfStatement(present, f.createExpressionStatement(call('setOwn', [target, str(name), value])));
}

function assignIfDefined(target: ts.Expression, name: string, value: ts.Expression, test: ts.Expression): ts.Statement {
  return f.createIfStatement(
    f.createBinaryExpression(test, ts.SyntaxKind.ExclamationEqualsEqualsToken, id('undefined')),
    f.createExpressionStatement(f.createAssignment(member(target, name), value)),
  );
}
