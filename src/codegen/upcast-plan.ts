/**
 * What a declarative `vN.upcast.json` does, worked out against the two
 * versions' schemas: for each property of version N, where its value comes
 * from, and whether it is written only when the earlier data has its source.
 * The plan is the one meaning of the operations. `upcast-compiler.ts` emits it
 * as a TypeScript function; `compat/upcast-interpreter.ts` runs it, for
 * `check`, which loads no TypeScript.
 *
 * Planning refuses a declaration that cannot mean anything (a path that is
 * not a JSON Pointer, a rename across objects, an enum map that is not total),
 * and one that would lose data or leave a required property of N unfilled
 * (a gap). The compiler refuses gaps too; `check` collects them instead, runs
 * the plan as it stands, and shows what the gap does to real data.
 */
import type { EnvelopeSource, JsonSchema, JsonSchemaObject, UpcastOperation, VersionSource } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';
import { escapePointer, parsePointer } from '../runtime/json-pointer.js';
import type { SchemaIndex } from '../schema/catalogue-index.js';
import { derefSchema } from '../schema/ref.js';

/** Envelope fields that every valid envelope has. */
const ALWAYS_IN_ENVELOPE: ReadonlySet<EnvelopeSource> = new Set(['occurredAt', 'eventType']);

/** Where the value of a property of the new version comes from. Paths are tokens from the root of the earlier version's data. */
export type PlanSource =
  /** The earlier data's value at `from`, as it is. */
  | { readonly kind: 'copy'; readonly from: readonly string[] }
  /** A constant. */
  | { readonly kind: 'value'; readonly value: unknown }
  /** An envelope field; `always` where every valid envelope has it, else its absence fails the step. */
  | { readonly kind: 'envelope'; readonly field: EnvelopeSource; readonly always: boolean }
  /** A value the caller passes in upcast context; without a `default`, its absence fails the step. */
  | { readonly kind: 'context'; readonly name: string; readonly default?: unknown }
  /** The date of the date-time at `from` in a time zone. */
  | { readonly kind: 'date-in-zone'; readonly from: readonly string[]; readonly timeZone: string }
  /** The value at `from` mapped by a total map of the earlier enum's values. */
  | { readonly kind: 'map-enum'; readonly from: readonly string[]; readonly map: Readonly<Record<string, string>> }
  /** An object of the new version built from its own entries. */
  | { readonly kind: 'object'; readonly entries: readonly PlanEntry[] };

/** One property of the new version's data. */
export interface PlanEntry {
  readonly name: string;
  readonly source: PlanSource;
  /** Written only where the earlier data has a value at this path (an optional source); absent, always written. */
  readonly when?: readonly string[];
}

/** A declaration that would lose data or leave a required property of the new version unfilled. */
export interface UpcastGap {
  /** The index of the operation it is about; undefined for the declaration as a whole. */
  readonly operation?: number;
  /** JSON Pointer of the property in the data it is about. */
  readonly path: string;
  readonly message: string;
}

export interface UpcastPlan {
  /** The properties of the new version's data, in the order of its schema. */
  readonly entries: readonly PlanEntry[];
  /** Empty unless gaps were collected. */
  readonly gaps: readonly UpcastGap[];
}

/** A version's schema, and how to follow the `$ref`s found in it. */
export interface PlanVersion {
  readonly schema: JsonSchemaObject;
  /** Follows `$ref`s found in this version's schema to the schema they name. */
  readonly deref: (schema: JsonSchema) => JsonSchemaObject;
}

export interface PlanInput {
  /** The upcast file, for errors. */
  readonly file: string;
  readonly from: PlanVersion;
  readonly to: PlanVersion;
  readonly operations: readonly UpcastOperation[];
}

interface RelativeOp {
  readonly op: UpcastOperation;
  readonly index: number;
  /** Tokens of `path` left below the current level. */
  readonly rest: readonly string[];
}

interface Level {
  /** Tokens from the root of the earlier data to this level's object. */
  readonly source: readonly string[];
  readonly from: JsonSchemaObject;
  readonly to: JsonSchemaObject;
  readonly ops: readonly RelativeOp[];
  readonly pointer: string;
}

/**
 * Works out what `input.operations` do. Throws {@link ConfigError} for a
 * declaration that cannot mean anything; for a gap too when `gaps` is
 * `'refuse'` (the default), while `'collect'` lists the gaps in the plan and
 * plans what the operations say: a required property no operation fills is
 * left out, one from an optional source is written when the source is there,
 * and a property the new version lacks is carried over.
 */
export function planUpcast(input: PlanInput, gaps: 'refuse' | 'collect' = 'refuse'): UpcastPlan {
  const found: UpcastGap[] = [];
  const fail = (index: number | undefined, message: string): never => {
    throw new ConfigError(input.file, index === undefined ? '/operations' : `/operations/${index}`, message);
  };
  const gap = (index: number | undefined, path: string, message: string): void => {
    if (gaps === 'refuse') fail(index, message);
    found.push({ ...(index === undefined ? {} : { operation: index }), path, message });
  };
  const ops = input.operations.map((op, index) => ({ op, index, rest: tokens(op.path, index, fail) }));
  for (const { op, index } of ops) {
    if ('from' in op) {
      const fromParent = tokens(op.from, index, fail).slice(0, -1).join('/');
      const toParent = tokens(op.path, index, fail).slice(0, -1).join('/');
      if (op.op === 'rename' && fromParent !== toParent) fail(index, 'rename works within one object; from and path must have the same parent');
    }
  }

  const build = (level: Level): PlanEntry[] => {
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
    const dataPath = (name: string) => `${toPointerOf(level.source)}/${escapePointer(name)}`;

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

    const entries: PlanEntry[] = [];
    for (const name of Object.keys(toProps)) {
      const required = toRequired.has(name);
      const producer = producers.get(name);
      if (producer) {
        const { source, optionalSource } = produce(producer, level, fromProps, fromRequired);
        if (optionalSource === undefined) entries.push({ name, source });
        else {
          if (required)
            gap(
              producer.index,
              dataPath(name),
              `${level.pointer}/${name} is required in the new version, but ${optionalSource.pointer} may be absent in the earlier one`,
            );
          entries.push({ name, source, when: optionalSource.path });
        }
        continue;
      }
      const nested = deeper.get(name);
      if (nested) {
        if (!has(fromProps, name) || !fromRequired.has(name) || !required) {
          fail(nested[0]?.index, `operations below ${level.pointer}/${name} need it to be a required object in both versions`);
        }
        const inner = build({
          source: [...level.source, name],
          from: input.from.deref(fromProps[name] as JsonSchema),
          to: input.to.deref(toProps[name] as JsonSchema),
          ops: nested,
          pointer: `${level.pointer}/${name}`,
        });
        entries.push({ name, source: { kind: 'object', entries: inner } });
        continue;
      }
      if (has(fromProps, name) && !consumed.has(name)) {
        const from = [...level.source, name];
        if (fromRequired.has(name)) entries.push({ name, source: { kind: 'copy', from } });
        else {
          if (required)
            gap(
              undefined,
              dataPath(name),
              `${level.pointer}/${name} is required in the new version but optional in the earlier one; add an operation that fills it`,
            );
          entries.push({ name, source: { kind: 'copy', from }, when: from });
        }
        continue;
      }
      if (required) gap(undefined, dataPath(name), `${level.pointer}/${name} is required in the new version, but no operation fills it`);
    }
    for (const name of Object.keys(fromProps)) {
      if (!has(toProps, name) && !consumed.has(name)) {
        gap(
          undefined,
          dataPath(name),
          `${level.pointer}/${name} exists in the earlier version but not in the new one; add {"op": "remove", "path": "${level.pointer}/${name}"} so that dropping it is deliberate`,
        );
        const from = [...level.source, name];
        entries.push({ name, source: { kind: 'copy', from }, ...(fromRequired.has(name) ? {} : { when: from }) });
      }
    }
    return entries;
  };

  const produce = (o: RelativeOp, level: Level, fromProps: Record<string, JsonSchema>, fromRequired: ReadonlySet<string>): Produced => {
    const at: OperationContext = { input, index: o.index, rest: o.rest, level, fromProps, fromRequired, fail, read };
    switch (o.op.op) {
      case 'add':
        return planAdd(o.op);
      case 'rename':
        return planRename(o.op, at);
      case 'date-in-zone':
        return planDateInZone(o.op, at);
      case 'map-enum':
        return planMapEnum(o.op, at);
      case 'remove':
        return fail(o.index, 'a remove produces nothing');
    }
  };

  /** The path of a pointer into the earlier version's data, and whether it may be absent. */
  const read = (pointer: string, index: number): { path: string[]; optional: boolean } => {
    let schema: JsonSchemaObject = input.from.deref(input.from.schema);
    const path: string[] = [];
    let optional = false;
    for (const token of tokens(pointer, index, fail)) {
      const props = propertiesOf(schema);
      if (!has(props, token)) fail(index, `the earlier version has no ${pointer}`);
      if (optional) fail(index, `${pointer} is below an optional property; that is not supported`);
      optional = !requiredOf(schema).has(token);
      path.push(token);
      schema = input.from.deref(props[token] as JsonSchema);
    }
    return { path, optional };
  };

  const entries = build({ source: [], from: input.from.deref(input.from.schema), to: input.to.deref(input.to.schema), ops, pointer: '' });
  return { entries, gaps: found };
}

/** What an operation makes of one property of the new version: where its value comes from, and the source that may be absent. */
interface Produced {
  readonly source: PlanSource;
  readonly optionalSource?: { readonly pointer: string; readonly path: readonly string[] };
}

/** What an operation's handler knows of where it applies. */
interface OperationContext {
  readonly input: PlanInput;
  /** The operation's index, for errors. */
  readonly index: number;
  /** Tokens of its `path` from this level down; the last names the property. */
  readonly rest: readonly string[];
  readonly level: Level;
  readonly fromProps: Record<string, JsonSchema>;
  readonly fromRequired: ReadonlySet<string>;
  readonly fail: (index: number | undefined, message: string) => never;
  /** The path of a pointer into the earlier version's data, and whether it may be absent. */
  readonly read: (pointer: string, index: number) => { path: string[]; optional: boolean };
}

type Operation<K extends UpcastOperation['op']> = Extract<UpcastOperation, { op: K }>;

/** `add`: a constant, an envelope field or a context value. */
function planAdd(op: Operation<'add'>): Produced {
  if ('value' in op) return { source: { kind: 'value', value: op.value } };
  if ('fromEnvelope' in op) return { source: { kind: 'envelope', field: op.fromEnvelope, always: ALWAYS_IN_ENVELOPE.has(op.fromEnvelope) } };
  return { source: { kind: 'context', name: op.fromContext, ...('default' in op ? { default: op.default } : {}) } };
}

/** `rename`: a property of the same object, under a new name. */
function planRename(op: Operation<'rename'>, at: OperationContext): Produced {
  const from = lastToken(op.from);
  if (!has(at.fromProps, from)) at.fail(at.index, `there is no ${at.level.pointer}/${from} to rename in the earlier version`);
  const path = [...at.level.source, from];
  return { source: { kind: 'copy', from: path }, ...(at.fromRequired.has(from) ? {} : { optionalSource: { pointer: op.from, path } }) };
}

/** `date-in-zone`: the date of a date-time in an IANA time zone. */
function planDateInZone(op: Operation<'date-in-zone'>, at: OperationContext): Produced {
  const { path, optional } = at.read(op.from, at.index);
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: op.timeZone });
  } catch {
    at.fail(at.index, `${JSON.stringify(op.timeZone)} is not an IANA time zone`);
  }
  return { source: { kind: 'date-in-zone', from: path, timeZone: op.timeZone }, ...(optional ? { optionalSource: { pointer: op.from, path } } : {}) };
}

/** `map-enum`: the property's value mapped by a total map of the earlier enum. */
function planMapEnum(op: Operation<'map-enum'>, at: OperationContext): Produced {
  const name = at.rest[0] as string;
  if (!has(at.fromProps, name)) at.fail(at.index, `there is no ${at.level.pointer}/${name} in the earlier version to map`);
  const map = totalMap(
    at.input.file,
    op.map,
    at.input.from.deref(at.fromProps[name] as JsonSchema),
    at.input.to.deref(propertiesOf(at.level.to)[name] as JsonSchema),
    at.index,
  );
  const path = [...at.level.source, name];
  return {
    source: { kind: 'map-enum', from: path, map },
    ...(at.fromRequired.has(name) ? {} : { optionalSource: { pointer: `${at.level.pointer}/${name}`, path } }),
  };
}

/**
 * Follows the `$ref`s of a version's schema, to its own `$defs` or to a shared
 * file, to the schema they name; `{}` where one names nothing.
 */
export function derefIn(root: VersionSource, index: SchemaIndex): (schema: JsonSchema) => JsonSchemaObject {
  return (schema) => derefSchema(schema, root.schema, index.all);
}

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

/** Whether a `properties` map names `name` itself, not as a member every object inherits (`toString`, `constructor`). */
const has = (properties: Readonly<Record<string, JsonSchema>>, name: string): boolean => Object.hasOwn(properties, name);

const lastToken = (pointer: string): string => parsePointer(pointer).at(-1) as string;

const toPointerOf = (path: readonly string[]): string => path.map((t) => `/${escapePointer(t)}`).join('');
