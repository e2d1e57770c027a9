/**
 * What the parsers need of an event type and of a registry, kept beside the
 * objects instead of on them, so that nothing a consumer sees (or its types)
 * carries the machinery: the validators, upcast chains and lookups.
 */
import type { DetailRuntime } from './detail.js';
import type { EventRuntime, Lookup } from './parse.js';

/** An event type's contracts as the parsers use them. */
export interface ContractRuntimes {
  readonly notification?: EventRuntime;
  readonly detail?: DetailRuntime;
}

/** A registry's contracts by event type, as the parsers use them. */
export interface RegistryLookups {
  readonly notification: Lookup<EventRuntime>;
  readonly detail: Lookup<DetailRuntime>;
}

const contracts = new WeakMap<object, ContractRuntimes>();
const lookups = new WeakMap<object, RegistryLookups>();

/** Records what the parsers use of `eventType`. */
export function attachRuntimes(eventType: object, runtimes: ContractRuntimes): void {
  contracts.set(eventType, runtimes);
}

/** What the parsers use of an event type made by `defineEventType`; none for any other object. */
export const runtimesOf = (eventType: object): ContractRuntimes => contracts.get(eventType) ?? {};

/** Records a registry's lookups. */
export function attachLookups(registry: object, found: RegistryLookups): void {
  lookups.set(registry, found);
}

/** A registry's lookups; throws for an object `createRegistry` did not make. */
export function lookupsOf(registry: object): RegistryLookups {
  const found = lookups.get(registry);
  if (!found) throw new TypeError('not a registry made by createRegistry');
  return found;
}
