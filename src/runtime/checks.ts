/**
 * What the generated check functions share. A check function is emitted for
 * every schema (each contract version, shared definition and the envelope):
 *
 *     function checkThing(v: any, p: string, o: IssueInput[], open: boolean): number
 *
 * It checks the parsed value `v`, found at the JSON Pointer `p`, pushes an
 * issue onto `o` for each problem, and returns its {@link Tally}: 0 when the
 * value is valid. With `open`, an object with `additionalProperties: false`
 * accepts properties it does not name (readers report them as warnings from
 * the closed verdict). Nothing is allocated for a valid value: paths and
 * issues are made only for problems.
 *
 * The issues are those this package has always reported, in the same order:
 * the zod validators it also exports report the same ones (the differential
 * tests hold the two together), down to which branch of an `anyOf` is
 * reported when none matches.
 */
import type { IssueInput } from './errors.js';
import { escapePointer } from './json-pointer.js';
import { describeValue, typeName } from './messages.js';
import { isRecord } from './own-properties.js';

export type { IssueInput } from './errors.js';
export { isEmail } from './mailbox-syntax.js';
export { describeValue } from './messages.js';
export { isDate, isDateTime, isTime, isUuid } from './string-formats.js';
export { isUri } from './uri-syntax.js';

/**
 * What a check found, in one number: how many problems (an `anyOf` that
 * matched nothing, or a list of unknown properties, is one), plus
 * {@link ABORTED} for each that stopped the checking of its value (a value of
 * the wrong type, a value not in an enum). An `anyOf` chooses which branch's
 * issues to report from the two.
 */
export type Tally = number;

/** Added to a {@link Tally} by a problem that stops its value being checked further; below it, the count. */
export const ABORTED = 2 ** 20;
/** A problem after which the value is not checked further. */
const STOP = ABORTED + 1;

/** How many problems a tally counts. */
export const problems = (tally: Tally): number => tally % ABORTED;
/** Whether a tally holds a problem that stopped its value's checking. */
export const stopped = (tally: Tally): boolean => tally >= ABORTED;

/** The signature of every generated check. */
export type Check = (value: unknown, path: string, out: IssueInput[], open: boolean) => Tally;

/**
 * Where a check run by {@link issuesOf} or {@link accepts} pushes its issues:
 * a valid value pushes none, so the common case allocates no array. A check
 * never runs either of them itself, so one array serves every run.
 */
const PENDING: IssueInput[] = [];

/** The issues of `value` under `check`, or undefined when it is valid. */
export function issuesOf(check: Check, value: unknown, open = false, path = ''): IssueInput[] | undefined {
  PENDING.length = 0;
  return check(value, path, PENDING, open) === 0 ? undefined : PENDING.splice(0);
}

/** Whether `check` accepts `value`. */
export function accepts(check: Check, value: unknown, open = false): boolean {
  PENDING.length = 0;
  return check(value, '', PENDING, open) === 0;
}

/** Issues of a type mismatch, so that an `anyOf` can tell them from the rest. */
const TYPE_ISSUES = new WeakSet<IssueInput>();

/**
 * A value of the wrong type, or a required property that is missing (the
 * value is undefined: JSON has no undefined). `expected` is the type.
 */
export function typeIssue(out: IssueInput[], value: unknown, path: string, expected: string): Tally {
  const issue: IssueInput = value === undefined ? { code: 'required', path, expected } : { code: 'invalid_type', path, expected, received: received(value) };
  TYPE_ISSUES.add(issue);
  out.push(issue);
  return STOP;
}

/** A value not among those allowed (`enum`, `const`); `expected` lists them. */
export function valueIssue(out: IssueInput[], value: unknown, path: string, expected: string): Tally {
  out.push({ code: 'invalid_value', path, expected, received: describeValue(value) });
  return STOP;
}

/** A problem after which the value is still checked: a format, a pattern, a length, a bound. */
export function issue(out: IssueInput[], code: IssueInput['code'], path: string, expected: string | undefined, received: string | undefined): Tally {
  const found: { -readonly [K in keyof IssueInput]: IssueInput[K] } = { code, path };
  if (expected !== undefined) found.expected = expected;
  if (received !== undefined) found.received = received;
  out.push(found);
  return 1;
}

/** The `received` of a type mismatch: the type, and the value where it is short. */
export function received(value: unknown): string {
  const type = typeName(value);
  return type === 'object' || type === 'array' || type === 'nothing' || type === 'null' ? type : `${type} ${describeValue(value)}`;
}

/** Values as an issue's `expected` lists them: `"a" | "b"`. */
export const oneOf = (values: readonly unknown[]): string => values.map((v) => describeValue(v)).join(' | ');

/** A plain object: not null, not an array ({@link isRecord}). Its properties are read as the checks read them, untyped. */
// biome-ignore lint/suspicious/noExplicitAny: the generated checks read parsed JSON of any shape
export const isObject: (value: unknown) => value is Record<string, any> = isRecord;

/**
 * The own properties of `value` that `known` does not name, as one problem
 * (one issue each). It does not stop the value's checking, unless `stops`.
 */
export function unknownProperties(out: IssueInput[], value: Record<string, unknown>, path: string, known: ReadonlySet<string>, stops = false): Tally {
  let found = false;
  for (const key of Object.keys(value)) {
    if (known.has(key)) continue;
    found = true;
    out.push({ code: 'unknown_property', path: `${path}/${escapePointer(key)}`, received: JSON.stringify(key) });
  }
  return found ? (stops ? STOP : 1) : 0;
}

/** The number of properties `for…in` lists: with a count of the known ones present, it tells when to look for unknown ones. */
export function keyCount(value: object): number {
  let n = 0;
  for (const _ in value) n++;
  return n;
}

/** A property `key` of `value` itself, or undefined: for names every object inherits. */
export const own = (value: Record<string, unknown>, key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);

/**
 * The JSON type of a value as a bit, as the generator numbers them for
 * `anyOf`: null 1, boolean 2, number 4, string 8, array 16, object 32.
 */
export const jsonTypeBit = (value: unknown): number => {
  switch (typeof value) {
    case 'string':
      return 8;
    case 'number':
      return 4;
    case 'boolean':
      return 2;
    case 'object':
      return value === null ? 1 : Array.isArray(value) ? 16 : 32;
    default:
      return 0;
  }
};

/**
 * An `anyOf`, or a `type` with several types. `branches` are the checks of
 * its branches and `types` the JSON types each can accept. A valid value
 * costs one run of the branch that accepts it (branches that cannot accept
 * its type are skipped). Otherwise every branch is run, and the issues
 * reported are: those of the only branch that did not stop (a value of the
 * right type but the wrong format, say); else, where every branch failed on
 * the type alone, one issue listing the types; else the issues of the branch
 * with the fewest problems, the first of those.
 */
export function anyOf(value: unknown, path: string, out: IssueInput[], open: boolean, branches: readonly Check[], types: readonly number[]): Tally {
  const bit = jsonTypeBit(value);
  for (let i = 0; i < branches.length; i++) {
    if ((types[i] as number) & bit && (branches[i] as Check)(value, path, SCRATCH, open) === 0) return 0;
    SCRATCH.length = 0;
  }
  const results = branches.map((branch) => {
    const issues: IssueInput[] = [];
    return { tally: branch(value, path, issues, open), issues };
  });
  // A branch that takes anything takes undefined too (a missing property), which has no type to skip by.
  if (results.some((r) => r.tally === 0)) return 0;
  const going = results.filter((r) => !stopped(r.tally));
  if (going.length === 1) {
    const [only] = going as [(typeof going)[0]];
    out.push(...only.issues);
    return only.tally;
  }
  if (results.every((r) => problems(r.tally) === 1 && r.issues.length === 1 && isTypeIssueAt(r.issues[0] as IssueInput, path))) {
    // Not a type issue itself: to an anyOf around this one, it is a branch that matched nothing.
    const expected = results.map((r) => (r.issues[0] as IssueInput).expected).join(' | ');
    out.push(value === undefined ? { code: 'required', path, expected } : { code: 'invalid_type', path, expected, received: received(value) });
    return STOP;
  }
  let closest = results[0] as (typeof results)[0];
  for (const r of results) if (problems(r.tally) < problems(closest.tally)) closest = r;
  // Copies: to an anyOf around this one, this is a branch that matched nothing, not a type mismatch.
  for (const found of closest.issues) out.push({ ...found });
  return STOP;
}

/** Issues of branches that are only run to see whether they accept a value. */
const SCRATCH: IssueInput[] = [];

const isTypeIssueAt = (found: IssueInput, path: string): boolean => found.path === path && TYPE_ISSUES.has(found);

/** An `anyOf` of objects told apart by a property every branch fixes to its own value: `key`'s value chooses the branch. */
export function oneOfTagged(
  value: unknown,
  path: string,
  out: IssueInput[],
  open: boolean,
  key: string,
  branches: Readonly<Record<string, Check>>,
  expected: string,
): Tally {
  if (!isObject(value)) return typeIssue(out, value, path, 'object');
  const tag = value[key];
  const branch = typeof tag === 'string' && Object.hasOwn(branches, tag) ? branches[tag] : undefined;
  if (branch) return branch(value, path, out, open);
  return valueIssue(out, tag, `${path}/${escapePointer(key)}`, expected);
}

/** JSON Schema equality: by value for arrays and objects, regardless of key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.hasOwn(b, key) || !jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Whether every item of `items` differs from every other, by value. */
export function unique(items: readonly unknown[]): boolean {
  for (let i = 1; i < items.length; i++) {
    for (let j = 0; j < i; j++) if (jsonEqual(items[i], items[j])) return false;
  }
  return true;
}

/** Length in Unicode code points, counted as Ajv's `ucs2length` does (a lone surrogate counts as one). */
export function codePointLength(value: string): number {
  const units = value.length;
  let length = 0;
  let pos = 0;
  while (pos < units) {
    length++;
    const unit = value.charCodeAt(pos++);
    if (unit >= 0xd800 && unit <= 0xdbff && pos < units && (value.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

/** `minLength: limit`, in code points. A string has at least as many code units as code points. */
export const hasMinLength = (s: string, limit: number): boolean => s.length >= limit && (s.length >= 2 * limit || codePointLength(s) >= limit);

/** `maxLength: limit`, in code points. */
export const hasMaxLength = (s: string, limit: number): boolean => s.length <= limit || codePointLength(s) <= limit;
