/**
 * Translates JSON Schema into a plain check function (see
 * `runtime/checks.ts`): straight-line code that tests a parsed value keyword
 * by keyword and reports the issues the zod validators report, with no
 * library between the value and the test. Objects, arrays and their
 * properties are checked inline; a `$ref` calls the check of what it names;
 * each branch of an `anyOf` is a function of its own.
 *
 * It runs after the zod emitter has accepted the schema, so it does not
 * judge the schema again. The code is written as text: every value from a
 * schema enters it through `JSON.stringify` (strings, numbers, property
 * names) and every name it binds is one this file makes from a counter, so no
 * schema can change what the code does; the text is then parsed and printed
 * like the rest of the module.
 */
import type { JsonSchema, JsonSchemaObject } from '../catalogue/model.js';
import { jsonTypeBit, oneOf } from '../runtime/checks.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { isInheritedName } from '../runtime/own-properties.js';
import type { InstanceType } from '../schema/keywords.js';
import { deref, findDiscriminator, requiredOf, typesOf } from './zod-emitter.js';

/** What the check emitter needs from the module it writes into. */
export interface CheckScope {
  /** The schema file, for error messages. */
  readonly file: string;
  /** The name of the check function a `$ref` at `pointer` names, defining or importing it, and the schema it names. */
  resolveCheck(ref: string, pointer: string): { readonly schema: JsonSchema; readonly name: string };
  /** Records a function imported from the runtime (`runtime/checks` or a format), and returns its name. */
  checkHelper(name: string): string;
}

/** Properties of an object whose checks the caller supplies: `checkEnvelope`'s `eventType`, `version` and `additionalInformation`. */
export interface Hooks {
  /** The parameter holding the checks, by property name. */
  readonly parameter: string;
  readonly names: ReadonlySet<string>;
}

/** The format functions, by JSON Schema format. */
const FORMAT_FUNCTIONS: Readonly<Record<string, string>> = {
  uuid: 'isUuid',
  'date-time': 'isDateTime',
  date: 'isDate',
  time: 'isTime',
  uri: 'isUri',
  email: 'isEmail',
};

/** Bits of the JSON types a value can have, as `runtime/checks.ts` numbers them for `anyOf` (`jsonTypeBit`). */
const TYPE_BITS: Readonly<Record<InstanceType, number>> = { null: 1, boolean: 2, number: 4, integer: 4, string: 8, array: 16, object: 32 };
const ANY_TYPE = 63;

const lit = (value: unknown): string => JSON.stringify(value);
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/u;

/** A JSON Pointer as code: a parameter, then literal tokens and array indices. */
class Path {
  private constructor(private readonly parts: readonly string[]) {}
  static of(parameter: string): Path {
    return new Path([parameter]);
  }
  key(name: string): Path {
    return new Path([...this.parts, lit(`/${escapePointer(name)}`)]);
  }
  index(variable: string): Path {
    return new Path([...this.parts, lit('/'), variable]);
  }
  toString(): string {
    // Adjacent literals are joined into one.
    const out: string[] = [];
    for (const part of this.parts) {
      const last = out[out.length - 1];
      if (part.startsWith('"') && last?.startsWith('"')) out[out.length - 1] = lit(JSON.parse(last) + JSON.parse(part));
      else out.push(part);
    }
    return out.join(' + ');
  }
}

/** One function being written, and the module-level declarations it needs. */
class Writer {
  readonly lines: string[] = [];
  private counter = 0;
  constructor(
    /** The function's name, which prefixes every module-level name it adds. */
    readonly name: string,
    readonly scope: CheckScope,
    /** Module-level declarations: constants and branch functions, shared by every function of the module. */
    readonly hoisted: string[],
    readonly names: { next: number },
    readonly hooks?: Hooks,
  ) {}
  /** A fresh local name. */
  local(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }
  /** A fresh module-level name. */
  global(): string {
    return `${this.name}$${this.names.next++}`;
  }
  line(text: string): void {
    this.lines.push(text);
  }
  helper(name: string): string {
    return this.scope.checkHelper(name);
  }
}

/**
 * The code of the check function `name` for `schema`, found at `pointer` in
 * `scope.file`, and of the module-level declarations it needs (first).
 * `hooks` name properties whose checks the caller passes in.
 */
export function emitCheck(
  name: string,
  schema: JsonSchema,
  pointer: string,
  scope: CheckScope,
  options: { doc?: string; exported?: boolean; hooks?: Hooks } = {},
): string {
  const hoisted: string[] = [];
  const main = emitFunction(name, schema, pointer, scope, hoisted, { next: 0 }, options.hooks);
  const doc = options.doc ? `/** ${options.doc.replaceAll('*/', '*\\/')} */\n` : '';
  return [...hoisted, `${doc}${options.exported === false ? '' : 'export '}${main}`].join('\n\n');
}

function emitFunction(name: string, schema: JsonSchema, pointer: string, scope: CheckScope, hoisted: string[], names: { next: number }, hooks?: Hooks): string {
  const w = new Writer(name, scope, hoisted, names, hooks);
  emitNode(schema, pointer, 'v', Path.of('p'), w);
  const extra = hooks ? `, ${hooks.parameter}: Readonly<Record<${[...hooks.names].map(lit).join(' | ')}, ${scope.checkHelper('Check')}>>` : '';
  return functionCode(w, extra);
}

/** The code of the function `w` wrote, with the parameters every check takes and any `extra`. */
function functionCode(w: Writer, extra = ''): string {
  const body = w.lines.length === 0 ? ['return 0;'] : ['let s = 0;', ...w.lines, 'return s;'];
  return `function ${w.name}(v: any, p: string, o: ${w.helper('IssueInput')}[], open: boolean${extra}): number {\n${body.join('\n')}\n}`;
}

/** Writes the checks of `schema` on the value in variable `x`, at `path`, adding to `s`. */
function emitNode(schema: JsonSchema, pointer: string, x: string, path: Path, w: Writer): void {
  if (schema === true) return;
  if (schema === false) {
    w.line(`s += ${w.helper('typeIssue')}(o, ${x}, ${path}, "never");`);
    return;
  }
  const node = schema;
  if (typeof node.$ref === 'string') {
    const target = w.scope.resolveCheck(node.$ref, `${pointer}/$ref`);
    w.line(`s += ${target.name}(${x}, ${path}, o, open);`);
    return;
  }
  if (Array.isArray(node.anyOf)) {
    emitAnyOf(node, pointer, x, path, w);
    return;
  }
  if ('const' in node || 'enum' in node) {
    emitValues(node, x, path, w);
    return;
  }
  const types = typesOf(node, pointer, w.scope);
  if (types === undefined) return;
  if (types.length === 1) {
    emitTyped(types[0] as InstanceType, node, pointer, x, path, w);
    return;
  }
  // Several types: a union of one branch per type, in the order the schema lists them.
  const branches = types.map((type) => branchFunction(w, (bw) => emitTyped(type, node, pointer, 'v', Path.of('p'), bw)));
  emitUnion(
    branches,
    types.map((t) => TYPE_BITS[t]),
    x,
    path,
    w,
  );
}

function emitTyped(type: InstanceType, node: JsonSchemaObject, pointer: string, x: string, path: Path, w: Writer): void {
  switch (type) {
    case 'string':
      emitString(node, x, path, w);
      return;
    case 'number':
    case 'integer':
      emitNumber(type, node, x, path, w);
      return;
    case 'boolean':
      w.line(`if (typeof ${x} !== "boolean") s += ${w.helper('typeIssue')}(o, ${x}, ${path}, "boolean");`);
      return;
    case 'null':
      w.line(`if (${x} !== null) s += ${w.helper('typeIssue')}(o, ${x}, ${path}, "null");`);
      return;
    case 'object':
      emitObject(node, pointer, x, path, w);
      return;
    case 'array':
      emitArray(node, pointer, x, path, w);
      return;
  }
}

function emitString(node: JsonSchemaObject, x: string, path: Path, w: Writer): void {
  const issue = w.helper('issue');
  const describe = w.helper('describeValue');
  const checks: string[] = [];
  if (typeof node.format === 'string') {
    const fn = FORMAT_FUNCTIONS[node.format] as string;
    checks.push(`if (!${w.helper(fn)}(${x})) s += ${issue}(o, "invalid_format", ${path}, ${lit(node.format)}, ${describe}(${x}));`);
  }
  if (typeof node.minLength === 'number' && node.minLength > 0) {
    const limit = node.minLength;
    // As the zod validators check it: a floor of 1 by zod's own length check, a higher one by code points.
    if (limit === 1) checks.push(`if (${x}.length < 1) s += ${issue}(o, "too_small", ${path}, "length >= 1", "length 0");`);
    else
      checks.push(
        `if (!${w.helper('hasMinLength')}(${x}, ${limit})) s += ${issue}(o, "too_small", ${path}, ${lit(`at least ${limit} characters`)}, ${describe}(${x}));`,
      );
  }
  if (typeof node.maxLength === 'number') {
    const limit = node.maxLength;
    checks.push(
      `if (!${w.helper('hasMaxLength')}(${x}, ${limit})) s += ${issue}(o, "too_big", ${path}, ${lit(`at most ${limit} characters`)}, ${describe}(${x}));`,
    );
  }
  if (typeof node.pattern === 'string') {
    const regex = w.global();
    w.hoisted.push(`const ${regex} = new RegExp(${lit(node.pattern)}, "u");`);
    // The pattern as zod reports it: the expression's own source, which escapes what a regex literal must.
    const source = String(new RegExp(node.pattern, 'u')).replace(/^\/(.*)\/[a-z]*$/su, '$1');
    checks.push(`if (!${regex}.test(${x})) s += ${issue}(o, "pattern", ${path}, ${lit(source)}, ${describe}(${x}));`);
  }
  typed(w, `typeof ${x} !== "string"`, x, path, 'string', checks);
}

function emitNumber(type: 'number' | 'integer', node: JsonSchemaObject, x: string, path: Path, w: Writer): void {
  const issue = w.helper('issue');
  const describe = w.helper('describeValue');
  const checks: string[] = [];
  if (type === 'integer') checks.push(`if (!Number.isInteger(${x})) s += ${issue}(o, "invalid_type", ${path}, "integer", ${describe}(${x}));`);
  const bounds = [
    ['minimum', '<', 'too_small', '>='],
    ['maximum', '>', 'too_big', '<='],
    ['exclusiveMinimum', '<=', 'too_small', '>'],
    ['exclusiveMaximum', '>=', 'too_big', '<'],
  ] as const;
  for (const [keyword, fails, code, bound] of bounds) {
    const limit = node[keyword];
    if (typeof limit !== 'number') continue;
    checks.push(`if (${x} ${fails} ${lit(limit)}) s += ${issue}(o, "${code}", ${path}, ${lit(`${bound} ${limit}`)}, ${describe}(${x}));`);
  }
  typed(w, `typeof ${x} !== "number" || !Number.isFinite(${x})`, x, path, 'number', checks);
}

/** `if (<wrong type>) <type issue> else { checks }`. */
function typed(w: Writer, wrong: string, x: string, path: Path, expected: string, checks: readonly string[]): void {
  w.line(`if (${wrong}) s += ${w.helper('typeIssue')}(o, ${x}, ${path}, ${lit(expected)});`);
  if (checks.length === 0) return;
  w.line('else {');
  for (const check of checks) w.line(check);
  w.line('}');
}

function emitObject(node: JsonSchemaObject, pointer: string, x: string, path: Path, w: Writer): void {
  const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(requiredOf(node, pointer, w.scope));
  const names = Object.keys(properties);
  const closed = node.additionalProperties === false;
  const inherited = names.filter(isInheritedName);
  w.line(`if (!${w.helper('isObject')}(${x})) s += ${w.helper('typeIssue')}(o, ${x}, ${path}, "object");`);
  w.line('else {');
  const known = (list: readonly string[]) => {
    const set = w.global();
    w.hoisted.push(`const ${set} = new Set<string>(${lit(list)});`);
    return set;
  };
  const property = (name: string, count: string | undefined) => {
    const value = w.local('x');
    const at = `${pointer}/properties/${escapePointer(name)}`;
    const read = isInheritedName(name) ? `${w.helper('own')}(${x}, ${lit(name)})` : IDENTIFIER.test(name) ? `${x}.${name}` : `${x}[${lit(name)}]`;
    w.line(`const ${value} = ${read};`);
    if (w.hooks?.names.has(name) && pointer === '') {
      w.line(`s += ${w.hooks.parameter}.${name}(${value}, ${path.key(name)}, o, open);`);
      return;
    }
    const schema = properties[name] as JsonSchema;
    if (required.has(name)) {
      if (count) w.line(`if (${value} !== undefined) ${count}++;`);
      if (!acceptsUndefined(schema, at, w)) emitNode(schema, at, value, path.key(name), w);
      else {
        // A schema that takes a missing value still requires the property, as zod's "nonoptional".
        const before = w.local('s');
        w.line(`const ${before} = s;`);
        emitNode(schema, at, value, path.key(name), w);
        w.line(`if (${value} === undefined && s === ${before}) s += ${w.helper('typeIssue')}(o, ${value}, ${path.key(name)}, "nonoptional");`);
      }
    } else {
      w.line(`if (${value} !== undefined) {`);
      if (count) w.line(`${count}++;`);
      emitNode(schema, at, value, path.key(name), w);
      w.line('}');
    }
  };
  if (inherited.length === 0) {
    const count = closed ? w.local('n') : undefined;
    if (count) w.line(`let ${count} = 0;`);
    for (const name of names) property(name, count);
    if (count) {
      w.line(`if (!open && ${w.helper('keyCount')}(${x}) !== ${count}) s += ${w.helper('unknownProperties')}(o, ${x}, ${path}, ${known(names)});`);
    }
  } else {
    // As the zod validator checks it: the inherited names as own properties first (required, then optional), then the
    // properties' names, and only if the inherited ones passed, the other properties.
    const before = w.local('s');
    w.line(`const ${before} = s;`);
    for (const name of inherited.filter((n) => required.has(n))) property(name, undefined);
    for (const name of inherited.filter((n) => !required.has(n))) property(name, undefined);
    const inheritedPassed = w.local('ok');
    w.line(`const ${inheritedPassed} = s === ${before};`);
    // Found by the check zod runs before the object, they stop the value's checking there.
    if (closed) w.line(`if (!open) s += ${w.helper('unknownProperties')}(o, ${x}, ${path}, ${known(names)}, true);`);
    w.line(`if (${inheritedPassed}) {`);
    for (const name of names.filter((n) => !isInheritedName(n))) property(name, undefined);
    w.line(`} else s += ${w.helper('ABORTED')};`);
  }
  w.line('}');
}

/** Whether a schema accepts undefined (a missing value): one that takes anything, or an `anyOf` with such a branch. */
function acceptsUndefined(schema: JsonSchema, pointer: string, w: Writer, depth = 0): boolean {
  if (schema === true) return true;
  if (schema === false || depth > 32) return false;
  if (typeof schema.$ref === 'string') return acceptsUndefined(w.scope.resolveCheck(schema.$ref, `${pointer}/$ref`).schema, pointer, w, depth + 1);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).some((b) => acceptsUndefined(b, pointer, w, depth + 1));
  return !('const' in schema) && !('enum' in schema) && !('type' in schema);
}

function emitArray(node: JsonSchemaObject, pointer: string, x: string, path: Path, w: Writer): void {
  const issue = w.helper('issue');
  w.line(`if (!Array.isArray(${x})) s += ${w.helper('typeIssue')}(o, ${x}, ${path}, "array");`);
  // Too many items is the one problem reported, as the zod validators report it: they check no item of such an array.
  if (typeof node.maxItems === 'number') {
    const tooBig = `${issue}(o, "too_big", ${path}, ${lit(`<= ${node.maxItems} items`)}, ${x}.length + " items")`;
    w.line(`else if (${x}.length > ${node.maxItems}) s += ${w.helper('ABORTED')} + ${tooBig};`);
  }
  w.line('else {');
  const unique = node.uniqueItems === true;
  const before = unique ? w.local('s') : undefined;
  if (before) w.line(`const ${before} = s;`);
  if ('items' in node && node.items !== true) {
    const i = w.local('i');
    const item = w.local('x');
    w.line(`for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`);
    w.line(`const ${item} = ${x}[${i}];`);
    emitNode(node.items as JsonSchema, `${pointer}/items`, item, path.index(i), w);
    w.line('}');
  }
  if (typeof node.minItems === 'number')
    w.line(`if (${x}.length < ${node.minItems}) s += ${issue}(o, "too_small", ${path}, ${lit(`>= ${node.minItems} items`)}, ${x}.length + " items");`);
  // Items that stopped (a wrong type) leave duplicates unchecked, as zod leaves its refinements.
  if (before)
    w.line(`if (s - ${before} < ${w.helper('ABORTED')} && !${w.helper('unique')}(${x})) s += ${issue}(o, "not_unique", ${path}, undefined, undefined);`);
  w.line('}');
}

/** The values a schema with `const` or `enum` allows. */
const allowedValues = (node: JsonSchemaObject): unknown[] => ('const' in node ? [node.const] : node.enum) as unknown[];

function emitValues(node: JsonSchemaObject, x: string, path: Path, w: Writer): void {
  const values = allowedValues(node);
  if (values.length === 0) {
    w.line(`s += ${w.helper('typeIssue')}(o, ${x}, ${path}, "never");`);
    return;
  }
  const expected = oneOf(values);
  let test: string;
  if (values.length <= 8) test = values.map((v) => `${x} !== ${lit(v)}`).join(' && ');
  else {
    const set = w.global();
    w.hoisted.push(`const ${set} = new Set<unknown>(${lit(values)});`);
    test = `!${set}.has(${x})`;
  }
  w.line(`if (${test}) s += ${w.helper('valueIssue')}(o, ${x}, ${path}, ${lit(expected)});`);
}

function emitAnyOf(node: JsonSchemaObject, pointer: string, x: string, path: Path, w: Writer): void {
  const branches = node.anyOf as JsonSchema[];
  if (branches.length === 1) {
    emitNode(branches[0] as JsonSchema, `${pointer}/anyOf/0`, x, path, w);
    return;
  }
  // A branch that is a `$ref` (with annotations at most, as the zod emitter requires) is the check it names.
  const names = branches.map((b, i) =>
    typeof b === 'object' && typeof b.$ref === 'string'
      ? w.scope.resolveCheck(b.$ref, `${pointer}/anyOf/${i}/$ref`).name
      : branchFunction(w, (bw) => emitNode(b, `${pointer}/anyOf/${i}`, 'v', Path.of('p'), bw)),
  );
  const resolve = (ref: string, at: string) => w.scope.resolveCheck(ref, at).schema;
  const discriminator = findDiscriminator(branches, pointer, resolve);
  if (discriminator) {
    const tags = branches.map((b) => {
      const target = deref(b, pointer, resolve) as JsonSchemaObject;
      return ((target.properties as Record<string, JsonSchemaObject>)[discriminator] as JsonSchemaObject).const as string;
    });
    const table = w.global();
    w.hoisted.push(`const ${table}: Record<string, ${w.helper('Check')}> = { ${tags.map((t, i) => `[${lit(t)}]: ${names[i]}`).join(', ')} };`);
    w.line(`s += ${w.helper('oneOfTagged')}(${x}, ${path}, o, open, ${lit(discriminator)}, ${table}, ${lit(oneOf(tags))});`);
    return;
  }
  emitUnion(
    names,
    branches.map((b) => typeBits(b, pointer, w)),
    x,
    path,
    w,
  );
}

function emitUnion(branches: readonly string[], bits: readonly number[], x: string, path: Path, w: Writer): void {
  const list = w.global();
  const types = w.global();
  w.hoisted.push(`const ${list} = [${branches.join(', ')}];`, `const ${types} = ${lit(bits)};`);
  w.line(`s += ${w.helper('anyOf')}(${x}, ${path}, o, open, ${list}, ${types});`);
}

/** A module-level check function for one branch of a union, written by `write`. */
function branchFunction(w: Writer, write: (bw: Writer) => void): string {
  const bw = new Writer(w.global(), w.scope, w.hoisted, w.names);
  write(bw);
  w.hoisted.push(functionCode(bw));
  return bw.name;
}

/** The JSON types a branch can accept, as bits. */
function typeBits(schema: JsonSchema, pointer: string, w: Writer, depth = 0): number {
  if (schema === true) return ANY_TYPE;
  if (schema === false) return 0;
  if (depth > 32) return ANY_TYPE;
  if (typeof schema.$ref === 'string') return typeBits(w.scope.resolveCheck(schema.$ref, `${pointer}/$ref`).schema, pointer, w, depth + 1);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).reduce((bits: number, b) => bits | typeBits(b, pointer, w, depth + 1), 0);
  if ('const' in schema || 'enum' in schema) return allowedValues(schema).reduce((bits: number, v) => bits | jsonTypeBit(v), 0);
  const types = typesOf(schema, pointer, w.scope);
  return types ? types.reduce((bits, t) => bits | TYPE_BITS[t], 0) : ANY_TYPE;
}
