/**
 * Helpers that generated upcasters call. They are pure and do no I/O, and
 * they read own properties only: a context value named `toString` is one the
 * caller passed, not what every object inherits.
 */
import { ownValue } from './own-properties.js';
import { type UpcastContext, UpcastInputMissing } from './upcast.js';

export { setOwn } from './own-properties.js';
export { dateInZone, instantOf } from './zoned-date.js';

/** A value the caller passed in upcast context, or `fallback` where there is none. */
export function contextValue(context: UpcastContext, name: string, fallback: unknown): unknown {
  const value = ownValue(context.values, name);
  return value === undefined ? fallback : value;
}

/** A value the caller must pass in upcast context; its absence fails the step. */
export function requireContextValue(context: UpcastContext, name: string): unknown {
  const value = ownValue(context.values, name);
  if (value === undefined) throw new UpcastInputMissing(`the upcast needs context.${name}, and none was given`, `context.${name}`);
  return value;
}

/** An envelope field the step reads, which this envelope does not have. */
export function requireEnvelopeField(context: UpcastContext, name: keyof UpcastContext['envelope']): unknown {
  const value = ownValue(context.envelope, name);
  if (value === undefined) throw new UpcastInputMissing(`the upcast needs the envelope's ${name}, and the envelope has none`, `/${name}`);
  return value;
}

/** The step of a version whose meaning changed but whose shape did not: the data is carried over as it is. */
export const carryOver = <T>(data: T): T => data;
