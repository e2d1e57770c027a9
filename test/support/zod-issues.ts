/**
 * What the exported zod validators say of a value, in this package's terms:
 * zod's issues turned into JSON Pointer paths from the document root, stable
 * codes in JSON Schema's terms, and `expected` / `received` that say what was
 * wrong. The generated check functions report exactly these, which the
 * differential tests hold them to.
 */
import * as z from 'zod/mini';
import { oneOf, received } from '../../src/runtime/checks.js';
import type { IssueInput } from '../../src/runtime/errors.js';
import { toPointer, valueAt } from '../../src/runtime/json-pointer.js';
import { describeValue } from '../../src/runtime/messages.js';
import type { KeywordParams } from '../../src/runtime/schema-checks.js';

type ZodIssue = z.core.$ZodIssue;

/**
 * The issues of `value` under `validator`, or undefined when it is valid. The
 * check is `z.validate`, which builds nothing, so a valid value costs no more
 * than that; only a value it refuses is parsed again, by {@link issuesOf}, for
 * zod's issues. `fallback` and `prefix` are as there.
 */
export function findIssues(validator: z.ZodMiniType, value: unknown, fallback?: IssueInput, prefix?: readonly PropertyKey[]): IssueInput[] | undefined {
  return z.validate(validator, value) ? undefined : issuesOf(validator, value, fallback, prefix);
}

/**
 * The issues of a value `validator` refused (with `z.validate`), from its
 * `safeParse`; `fallback` only where that accepts the value after all.
 * `prefix` is prepended to every path.
 */
export function issuesOf(
  validator: z.ZodMiniType,
  value: unknown,
  fallback: IssueInput = { code: 'invalid_value', path: '' },
  prefix: readonly PropertyKey[] = [],
): IssueInput[] {
  const result = validator.safeParse(value);
  return result.success ? [fallback] : fromZodIssues(result.error.issues, value, prefix);
}

/**
 * Converts the issues zod found in `root`. `prefix` is prepended to every
 * path, for data validated apart from its envelope.
 */
export function fromZodIssues(issues: readonly ZodIssue[], root: unknown, prefix: readonly PropertyKey[] = []): IssueInput[] {
  const out: IssueInput[] = [];
  for (const issue of withoutStrayLengths(issues)) convert(issue, root, prefix, out);
  return out;
}

/**
 * zod's issues less the length issues it reports of a value of the wrong type:
 * zod runs its length checks (`minLength`, `maxItems`…) on anything with a
 * `length`, so an array where a string belongs can also be "too short", which
 * JSON Schema never says (a length keyword applies to its own type only).
 * Inside an `anyOf`, they would also change which branch came closest.
 */
function withoutStrayLengths(issues: readonly ZodIssue[]): ZodIssue[] {
  const mistyped = new Set(issues.filter((i) => i.code === 'invalid_type').map((i) => toPointer(i.path)));
  return issues
    .filter((i) => !((i.code === 'too_small' || i.code === 'too_big') && mistyped.has(toPointer(i.path))))
    .map((i) => (i.code === 'invalid_union' ? ({ ...i, errors: i.errors.map(withoutStrayLengths) } as ZodIssue) : i));
}

function convert(issue: ZodIssue, root: unknown, prefix: readonly PropertyKey[], out: IssueInput[]): void {
  const at = [...prefix, ...issue.path];
  const path = toPointer(at);
  const value = valueAt(root, toPointer(issue.path));
  switch (issue.code) {
    case 'invalid_type': {
      if (isMissing(root, issue.path)) out.push({ code: 'required', path, expected: issue.expected });
      else out.push({ code: 'invalid_type', path, expected: issue.expected, received: received(value) });
      return;
    }
    case 'unrecognized_keys':
      for (const key of issue.keys) out.push({ code: 'unknown_property', path: toPointer([...at, key]), received: JSON.stringify(key) });
      return;
    case 'invalid_value':
      out.push({ code: 'invalid_value', path, expected: oneOf(issue.values), received: describeValue(value) });
      return;
    case 'invalid_format':
      if (issue.format === 'regex')
        out.push({ code: 'pattern', path, expected: patternSource((issue as { pattern?: string }).pattern), received: describeValue(value) });
      else out.push({ code: 'invalid_format', path, expected: issue.format, received: describeValue(value) });
      return;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? (issue.inclusive === false ? '>' : '>=') : issue.inclusive === false ? '<' : '<=';
      const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      out.push({ code: issue.code, path, ...sized(issue.origin, bound, limit, value) });
      return;
    }
    case 'invalid_union':
      convertUnion(issue, root, prefix, out);
      return;
    case 'custom':
      convertKeyword(issue, path, value, out);
      return;
    default:
      out.push({ code: 'invalid_value', path, received: describeValue(value), detail: issue.message });
  }
}

function sized(origin: string, bound: string, limit: string, value: unknown): { expected: string; received: string } {
  if (origin === 'string') return { expected: `length ${bound} ${limit}`, received: `length ${(value as string).length}` };
  if (origin === 'array') return { expected: `${bound} ${limit} items`, received: `${(value as unknown[]).length} items` };
  return { expected: `${bound} ${limit}`, received: describeValue(value) };
}

function convertKeyword(issue: z.core.$ZodIssueCustom, path: string, value: unknown, out: IssueInput[]): void {
  const params = issue.params as KeywordParams | undefined;
  switch (params?.keyword) {
    case 'integer':
      out.push({ code: 'invalid_type', path, expected: 'integer', received: describeValue(value) });
      return;
    case 'minLength':
      out.push({ code: 'too_small', path, expected: `at least ${params.limit} characters`, received: describeValue(value) });
      return;
    case 'maxLength':
      out.push({ code: 'too_big', path, expected: `at most ${params.limit} characters`, received: describeValue(value) });
      return;
    case 'uniqueItems':
      out.push({ code: 'not_unique', path });
      return;
    default:
      out.push({ code: 'invalid_value', path, received: describeValue(value), detail: issue.message });
  }
}

function convertUnion(issue: z.core.$ZodIssueInvalidUnion, root: unknown, prefix: readonly PropertyKey[], out: IssueInput[]): void {
  const path = toPointer([...prefix, ...issue.path]);
  const discriminator = (issue as { discriminator?: string }).discriminator;
  if (discriminator !== undefined && issue.errors.length === 0) {
    const options = (issue as { options?: unknown[] }).options ?? [];
    out.push({ code: 'invalid_value', path, expected: oneOf(options), received: describeValue(valueAt(root, toPointer(issue.path))) });
    return;
  }
  const branches = issue.errors;
  // "type": ["string", "null"] and the like: every branch failed on the type alone.
  const typeOnly = branches.every((b) => b.length === 1 && b[0]?.code === 'invalid_type' && b[0].path.length === 0);
  if (typeOnly) {
    const expected = branches.map((b) => (b[0] as z.core.$ZodIssueInvalidType).expected).join(' | ');
    if (isMissing(root, issue.path)) out.push({ code: 'required', path, expected });
    else out.push({ code: 'invalid_type', path, expected, received: received(valueAt(root, toPointer(issue.path))) });
    return;
  }
  // Otherwise report the branch that came closest: the one with the fewest issues.
  const closest = [...branches].sort((a, b) => a.length - b.length)[0];
  if (!closest || closest.length === 0) {
    out.push({ code: 'no_match', path });
    return;
  }
  for (const inner of closest) convert({ ...inner, path: [...issue.path, ...inner.path] } as ZodIssue, root, prefix, out);
}

/** Whether the value at `path` is a property its object does not have, rather than one of the wrong type. */
function isMissing(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(root, toPointer(path.slice(0, -1)));
  return typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !Object.hasOwn(parent, path[path.length - 1] as PropertyKey);
}

/** The pattern as the schema wrote it: zod reports `/source/flags`. */
const patternSource = (pattern: string | undefined): string => (pattern ?? '').replace(/^\/(.*)\/[a-z]*$/su, '$1');
