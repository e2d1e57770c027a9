/**
 * Runs an upcast plan (`codegen/upcast-plan.ts`) on a value, as the function
 * the compiler writes from the same plan runs: the same helpers, the same
 * reads, and the same order (the properties always written first, then the
 * optional ones, each where its source is present). `check` uses it to run
 * declarative upcasts without compiling them.
 */
import type { PlanEntry, PlanSource, UpcastPlan } from '../codegen/upcast-plan.js';
import type { UpcastContext } from '../runtime/upcast.js';
import { contextValue, dateInZone, requireContextValue, requireEnvelopeField } from '../runtime/upcast-helpers.js';

/** Version N+1 data from version N `data`; throws where the compiled function would (a missing input, a value it cannot read). */
export function runUpcastPlan(plan: UpcastPlan, data: unknown, context: UpcastContext): unknown {
  const conditionals: (() => void)[] = [];

  const build = (entries: readonly PlanEntry[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const entry of entries) {
      const { when, name, source } = entry;
      if (when === undefined) assign(out, name, produce(source));
      else conditionals.push(() => (read(data, when) !== undefined ? assign(out, name, produce(source)) : undefined));
    }
    return out;
  };

  const produce = (source: PlanSource): unknown => {
    switch (source.kind) {
      case 'object':
        return build(source.entries);
      case 'copy':
        return read(data, source.from);
      case 'value':
        return fresh(source.value);
      case 'envelope':
        return source.always ? context.envelope[source.field] : requireEnvelopeField(context, source.field);
      case 'context':
        return 'default' in source ? contextValue(context, source.name, fresh(source.default)) : requireContextValue(context, source.name);
      case 'date-in-zone':
        return dateInZone(read(data, source.from) as string, source.timeZone);
      case 'map-enum': {
        const value = read(data, source.from) as string;
        return Object.hasOwn(source.map, value) ? source.map[value] : undefined;
      }
    }
  };

  const out = build(plan.entries);
  for (const conditional of conditionals) conditional();
  return out;
}

/**
 * `data.a.b`, as the compiled function reads it: a property of undefined or
 * null throws, and only own properties are data (`toString` is absent from
 * `{}`, as the compiled function's `Object.hasOwn` test finds it).
 */
function read(data: unknown, path: readonly string[]): unknown {
  let current = data;
  for (const token of path) {
    if (current === undefined || current === null) throw new TypeError(`Cannot read properties of ${current} (reading '${token}')`);
    current = Object.hasOwn(current as object, token) ? (current as Record<string, unknown>)[token] : undefined;
  }
  return current;
}

/** A copy of a JSON value, as the literal in compiled code is a new value on every call. */
const fresh = (value: unknown): unknown => (typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value);

/** Sets a property as an object literal would, so a key named "__proto__" stays data. */
function assign(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
