/**
 * What the site shows about one event type, worked out once and shared by
 * the index and the event's own page: its domain, and for each of its
 * contracts the field rows of every version, the changes between versions, and the words it is found by.
 */
import type { Consumer, ContractSource, EventTypeSource } from '../catalogue/model.js';
import type { SchemaDocuments } from '../schema/ref.js';
import { type FieldRow, fieldRows } from './fields.js';
import { type ForwardBreak, type VersionChange, versionChanges } from './version-changes.js';

/** What the site shows about one contract of an event type. */
export interface ContractView {
  readonly contract: ContractSource;
  /** The latest version number. */
  readonly latest: number;
  /** Field rows by version number. */
  readonly fields: ReadonlyMap<number, readonly FieldRow[]>;
  readonly steps: readonly VersionChange[];
  readonly forwardBreaks: readonly ForwardBreak[];
}

export interface EventView {
  readonly event: EventTypeSource;
  /** The first part of the event type: `approved-premises`, `intervention`. */
  readonly domain: string;
  /** Each contract the event type has, notification first. */
  readonly contracts: readonly ContractView[];
  /** Lower-case text the index's search looks in: names, description, owner, services, field paths. */
  readonly searchText: string;
  /** The page's path from the site's root. */
  readonly href: string;
}

export const domainOf = (eventType: string): string => eventType.split('.')[0] as string;

/** A consumer in words: `service`, or `service / component`. */
export const consumerName = (c: Consumer): string => (c.component ? `${c.service} / ${c.component}` : c.service);

/** What a consumer filter matches on: `service`, or `service/component`. */
export const consumerKey = (c: Consumer): string => (c.component ? `${c.service}/${c.component}` : c.service);

/** The values a consumer filter takes for this consumer, with their labels: its service, and its component within the service when it names one. */
export const consumerFilters = (c: Consumer): Array<readonly [string, string]> =>
  c.component
    ? [
        [c.service, c.service],
        [consumerKey(c), consumerName(c)],
      ]
    : [[c.service, c.service]];

/** The page of an event type, from the site's root. */
export const eventHref = (eventType: string): string => `events/${eventType}.html`;

function contractView(contract: ContractSource, documents: SchemaDocuments): ContractView {
  const fields = new Map(contract.versions.map((v) => [v.version, fieldRows(v.schema, documents)]));
  const { steps, forwardBreaks } = versionChanges(contract, documents, fields);
  return { contract, latest: contract.versions.at(-1)?.version ?? 1, fields, steps, forwardBreaks };
}

export function eventView(event: EventTypeSource, documents: SchemaDocuments): EventView {
  const contracts = event.contracts.map((c) => contractView(c, documents));
  const { metadata } = event;
  const words = [
    event.type,
    metadata.title,
    metadata.description,
    metadata.owner,
    ...metadata.producers,
    ...metadata.consumers.flatMap((c) => [c.service, c.component ?? '']),
    ...new Set(contracts.flatMap((c) => [...c.fields.values()].flatMap((rows) => rows.map((r) => r.path)))),
  ];
  return {
    event,
    domain: domainOf(event.type),
    contracts,
    searchText: words.join(' ').toLowerCase(),
    href: eventHref(event.type),
  };
}
