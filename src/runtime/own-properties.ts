/**
 * JSON objects have own properties only. A JavaScript object also answers
 * for the members it inherits: `{}.toString` is a function and
 * `"constructor" in {}` is true, and writing `o.__proto__ = v` sets its
 * prototype instead of adding a property. Code that reads or writes a
 * property the data may name goes through these helpers, so a property named
 * `toString`, `constructor` or `__proto__` is data like any other.
 */

/** Is this a JSON object: not null, not an array? */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/**
 * The names every plain object inherits: the own properties of
 * `Object.prototype` (a test holds the two lists equal). They are fixed here,
 * not read at run time, so that generated code does not depend on the
 * machine that generated it.
 */
export const INHERITED_NAMES: ReadonlySet<string> = new Set([
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

/** Whether every plain object answers for `name` without having it: see {@link INHERITED_NAMES}. */
export const isInheritedName = (name: string): boolean => INHERITED_NAMES.has(name);

/** The property `key` of `value` itself, or undefined where it has none (inherited members are not data). */
export function ownValue(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** Sets `target[key]` as an own data property: a key named `__proto__` stays data instead of setting the prototype. */
export function setOwn<T extends object, K extends keyof T & string>(target: T, key: K, value: T[K]): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
