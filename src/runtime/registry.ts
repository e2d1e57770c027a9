/**
 * The registry: every event type by name, for parsers that accept any event.
 */
import type { DetailRuntime } from './detail.js';
import type { BuildOptions } from './event-type.js';
import type { EventRuntime, Lookup } from './parse.js';

/** What the registry needs of an event type; every generated event type object has it. */
export interface RegisteredEventType {
  readonly type: string;
  readonly title: string;
  readonly description: string;
  readonly timeline: Readonly<Record<string, string>>;
  readonly runtime: { readonly notification?: EventRuntime; readonly detail?: DetailRuntime };
  readonly notification?: { build(input: never, options?: BuildOptions): unknown };
}

export interface Registry {
  /** Every event type's name, sorted. */
  readonly types: readonly string[];
  /** The event type's object, or undefined for an unknown type. */
  get(eventType: string): RegisteredEventType | undefined;
  /** Notification contracts by event type. */
  readonly lookup: Lookup<EventRuntime>;
  /** Detail contracts by event type. */
  readonly detailLookup: Lookup<DetailRuntime>;
}

export function createRegistry(eventTypes: readonly RegisteredEventType[]): Registry {
  const byName = new Map(eventTypes.map((e) => [e.type, e] as const));
  if (byName.size !== eventTypes.length) throw new Error('two event types share a name');
  const types = [...byName.keys()].sort();
  const notified = types.filter((t) => byName.get(t)?.runtime.notification);
  const detailed = types.filter((t) => byName.get(t)?.runtime.detail);
  return {
    types,
    get: (eventType) => byName.get(eventType),
    lookup: {
      find: (eventType) => byName.get(eventType)?.runtime.notification,
      known: () => notified,
      otherContract: (eventType) =>
        byName.get(eventType)?.runtime.detail
          ? 'it is never published as a notification: its producer stores and serves detail documents of it only; read those with safeParseDetail'
          : undefined,
    },
    detailLookup: {
      find: (eventType) => byName.get(eventType)?.runtime.detail,
      known: () => detailed,
      otherContract: (eventType) =>
        byName.get(eventType)?.runtime.notification
          ? "its producer serves no detail documents: the event's data is in the notification's additionalInformation"
          : undefined,
    },
  };
}
