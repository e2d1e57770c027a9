/**
 * JSON objects have own properties only. A JavaScript object also answers
 * for the members it inherits: `{}.toString` is a function and
 * `"constructor" in {}` is true, and writing `o.__proto__ = v` sets its
 * prototype instead of adding a property. These are the names where that
 * matters for every plain object.
 */

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
