/**
 * The registry: every event type by name, for parsers that accept any event.
 */
import type { BuildOptions } from './event-type.js';
import { attachLookups, type ContractRuntimes, runtimesOf } from './runtimes.js';

/** What the registry needs of an event type; every generated event type object has it. */
export interface RegisteredEventType {
  readonly type: string;
  readonly title: string;
  readonly description: string;
  readonly timeline: Readonly<Record<string, string>>;
  readonly notification?: { build(input: never, options?: BuildOptions): unknown };
}

export interface Registry {
  /** Every event type's name, sorted. */
  readonly types: readonly string[];
  /** The event type's object, or undefined for an unknown type. */
  get(eventType: string): RegisteredEventType | undefined;
}

export function createRegistry(eventTypes: readonly RegisteredEventType[]): Registry {
  const byName = new Map(eventTypes.map((e) => [e.type, e] as const));
  if (byName.size !== eventTypes.length) throw new Error('two event types share a name');
  const types = [...byName.keys()].sort();
  // Looked up once here: find runs on every parse.
  const runtimes = new Map(eventTypes.map((e) => [e.type, runtimesOf(e)] as const));
  const runtimeOf = (eventType: string): ContractRuntimes => runtimes.get(eventType) ?? {};
  const notified = types.filter((t) => runtimeOf(t).notification);
  const detailed = types.filter((t) => runtimeOf(t).detail);
  const registry: Registry = { types, get: (eventType) => byName.get(eventType) };
  attachLookups(registry, {
    notification: {
      find: (eventType) => runtimeOf(eventType).notification,
      known: () => notified,
      otherContract: (eventType) =>
        runtimeOf(eventType).detail
          ? 'it is never published as a notification: its producer stores and serves detail documents of it only; read those with safeParseDetail'
          : undefined,
    },
    detail: {
      find: (eventType) => runtimeOf(eventType).detail,
      known: () => detailed,
      otherContract: (eventType) =>
        runtimeOf(eventType).notification
          ? "its producer serves no detail documents: the event's data is in the notification's additionalInformation"
          : undefined,
    },
  });
  return registry;
}
