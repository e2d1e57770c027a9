/**
 * The registry: every event type by name, for parsers that accept any event.
 */
import type { JsonSchemaObject } from '../catalogue/model.js';
import type { BuildOptions } from './event-type.js';
import type { EventRuntime, Lookup } from './parse.js';

/** What the registry needs of an event type; every generated event type object has it. */
export interface RegisteredEventType {
  readonly type: string;
  readonly title: string;
  readonly description: string;
  readonly latest: number;
  readonly versions: readonly number[];
  readonly timeline: Readonly<Record<string, string>>;
  readonly runtime: EventRuntime;
  build(input: never, options?: BuildOptions): unknown;
  schema(version?: never): JsonSchemaObject;
}

export interface Registry {
  /** Every event type's name, sorted. */
  readonly types: readonly string[];
  /** The event type's object, or undefined for an unknown type. */
  get(eventType: string): RegisteredEventType | undefined;
  readonly lookup: Lookup;
}

export function createRegistry(eventTypes: readonly RegisteredEventType[]): Registry {
  const byName = new Map(eventTypes.map((e) => [e.type, e] as const));
  if (byName.size !== eventTypes.length) throw new Error('two event types share a name');
  const types = [...byName.keys()].sort();
  return {
    types,
    get: (eventType) => byName.get(eventType),
    lookup: { find: (eventType) => byName.get(eventType)?.runtime, known: () => types },
  };
}
