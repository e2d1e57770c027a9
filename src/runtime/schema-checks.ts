/**
 * zod building blocks with JSON Schema's meaning, for the generated
 * validators. Where a zod built-in means something else, these replace it:
 *
 * - `integer`: JSON Schema's integer is any number with no fractional part;
 *   `z.int()` also caps it at 2^53 - 1.
 * - string lengths: JSON Schema counts Unicode code points; zod counts UTF-16
 *   code units, so "😀" would be 2 long.
 * - `uniqueItems`: JSON Schema compares items by value, deeply.
 * - formats: see `string-formats.ts`.
 * - properties named as `Object.prototype`'s members (`toString`,
 *   `constructor`, `__proto__`…): zod reads `input[key]` and `key in input`,
 *   which see what every object inherits, and it never checks a key named
 *   `__proto__`. JSON Schema counts own properties only.
 *
 * Every custom check carries the JSON Schema keyword it enforces in its
 * params, so an issue can be reported in the schema's own terms.
 */
import * as z from 'zod/mini';
import { hasMaxLength, hasMinLength, unique } from './checks.js';
import { isEmail } from './mailbox-syntax.js';
import { isRecord } from './own-properties.js';
import { isDate, isDateTime, isTime, isUuid } from './string-formats.js';
import { isUri } from './uri-syntax.js';

/** Params carried by a custom check: the keyword, and its limit where it has one. */
export interface KeywordParams {
  readonly keyword: 'integer' | 'minLength' | 'maxLength' | 'uniqueItems';
  readonly limit?: number;
}

const keyword = (params: KeywordParams) => ({ params: { ...params } });

export const uuid = /*#__PURE__*/ z.stringFormat('uuid', isUuid);
export const dateTime = /*#__PURE__*/ z.stringFormat('date-time', isDateTime);
export const date = /*#__PURE__*/ z.stringFormat('date', isDate);
export const time = /*#__PURE__*/ z.stringFormat('time', isTime);
export const uri = /*#__PURE__*/ z.stringFormat('uri', isUri);
export const email = /*#__PURE__*/ z.stringFormat('email', isEmail);

/** `type: integer`. */
export const integer = /*#__PURE__*/ z.number().check(/*#__PURE__*/ z.refine(Number.isInteger, /*#__PURE__*/ keyword({ keyword: 'integer' })));

/** `minLength: n`, in code points, as the check functions test it. */
export const minLength = (limit: number) => z.refine<string>((s) => hasMinLength(s, limit), keyword({ keyword: 'minLength', limit }));

/** `maxLength: n`, in code points, as the check functions test it. */
export const maxLength = (limit: number) => z.refine<string>((s) => hasMaxLength(s, limit), keyword({ keyword: 'maxLength', limit }));

/** `uniqueItems: true`. */
export const uniqueItems = () => z.refine<unknown[]>(unique, keyword({ keyword: 'uniqueItems' }));

type Shape = Readonly<Record<string, z.ZodMiniType>>;

/** The properties {@link ownProperties} checks itself. */
export interface OwnPropertiesDefinition<R extends Shape, O extends Shape> {
  /** Properties the schema requires, by name. */
  readonly required?: R;
  /** Properties the schema allows, by name. */
  readonly optional?: O;
  /** `additionalProperties: false`: no own property but these and the object's may be present. Default false. */
  readonly closed?: boolean;
}

type OwnOutput<R extends Shape, O extends Shape> = { -readonly [K in keyof R]: z.output<R[K]> } & { -readonly [K in keyof O]?: z.output<O[K]> };

type Issue = z.core.$ZodRawIssue;

/**
 * An object schema with properties whose names every object inherits
 * (`toString`, `constructor`, `__proto__`: see `own-properties.ts`), which
 * zod cannot check: `object` checks the others, and these are checked here,
 * as own properties, before it. A property that is absent is absent, whatever
 * the prototype has, and a property named `__proto__` is data.
 *
 * With `closed` (`additionalProperties: false`), `object` must be a loose
 * object: the names this check and `object` declare together are the only
 * own properties allowed. zod's output never carries a `__proto__` key; the
 * readers return the input, which does.
 */
export function ownProperties<B extends z.ZodMiniObject, R extends Shape = Record<never, never>, O extends Shape = Record<never, never>>(
  object: B,
  definition: OwnPropertiesDefinition<R, O>,
): z.ZodMiniType<z.output<B> & OwnOutput<R, O>, unknown> {
  const required = Object.entries(definition.required ?? {});
  const optional = Object.entries(definition.optional ?? {});
  const declared = definition.closed ? new Set([...Object.keys(object.shape), ...required.map(([k]) => k), ...optional.map(([k]) => k)]) : undefined;
  const check = z.check<unknown>((payload) => {
    const input = payload.value;
    // Anything but an object is left to `object`, which says so.
    if (!isRecord(input)) return;
    for (const [key, schema] of required) {
      const present = Object.hasOwn(input, key);
      const result = z.safeParse(schema, present ? input[key] : undefined);
      if (!result.success) payload.issues.push(...prefixed(key, result.error.issues));
      // As zod reports a required key whose schema takes anything.
      else if (!present) payload.issues.push({ code: 'invalid_type', expected: 'nonoptional', input: undefined, path: [key] } as Issue);
    }
    for (const [key, schema] of optional) {
      if (!Object.hasOwn(input, key)) continue;
      const result = z.safeParse(schema, input[key]);
      if (!result.success) payload.issues.push(...prefixed(key, result.error.issues));
    }
    if (declared) {
      const unknown = Object.keys(input).filter((key) => !declared.has(key));
      if (unknown.length > 0) payload.issues.push({ code: 'unrecognized_keys', keys: unknown, input, path: [] } as Issue);
    }
  });
  return z.pipe(z.unknown().check(check), object) as unknown as z.ZodMiniType<z.output<B> & OwnOutput<R, O>, unknown>;
}

const prefixed = (key: string, issues: readonly z.core.$ZodIssue[]): Issue[] => issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }) as Issue);
