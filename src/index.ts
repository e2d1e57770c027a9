/**
 * @probation/domain-events: typed contracts for probation domain events.
 *
 * Producers `build` events; consumers `safeParse` (or `parse`) them, upcast
 * to the latest version. Every event type also has its own object, such as
 * `cas1BookingCancelled`, importable on its own from
 * `@probation/domain-events/events/<event.type>`.
 *
 * @packageDocumentation
 */
import { type AnyDetailDocument, type AnyVersionEvent, type DomainEvent, type EventTypeName, type EventTypes, eventTypes } from '../generated/index.js';
import { type DescribeOptions, describeWith } from './runtime/describe.js';
import {
  type BuildDetailOptions,
  buildDetailWith,
  type DetailParseFailure,
  type DetailParseOptions,
  type DetailParseResult,
  safeParseDetailWith,
  unwrapDetail,
} from './runtime/detail.js';
import type { EnvelopeLike } from './runtime/envelope.js';
import { contractError } from './runtime/errors.js';
import type { BuildInput, BuildOptions } from './runtime/event-type.js';
import { type DetailSource, type FetchDetailOptions, fetchDetailWith } from './runtime/fetch-detail.js';
import { ENCODERS } from './runtime/formats/encoders.js';
import { type FormatName, isFormatName } from './runtime/formats/index.js';
import { type ParseFailure, type ParseOptions, type ParseResult, safeParseWith, unwrap } from './runtime/parse.js';
import { createRegistry } from './runtime/registry.js';
import { lookupsOf } from './runtime/runtimes.js';

/** Every event type, by name. */
export const registry = createRegistry(eventTypes);
/** The registry's contracts by event type, as the readers below use them: looked up once, not on every read. */
const lookups = lookupsOf(registry);

/** The event types that are published as notifications (every type but those with status `not-emitted`). */
export type NotificationEventTypeName = { [K in EventTypeName]: EventTypes[K] extends { readonly notification: unknown } ? K : never }[EventTypeName];
type LatestData<T extends NotificationEventTypeName> = EventTypes[T] extends { build(input: BuildInput<infer D>): unknown } ? D : never;
type LatestEnvelope<T extends NotificationEventTypeName> = EventTypes[T] extends { build(...args: never[]): infer E } ? E : never;

/**
 * Builds an event of type `eventType` at its latest version. Fills in `id`
 * (a random UUID), `occurredAt` and `publishedAt` (now) and `version` where
 * they are not given, and `personReference` from the data's CRN and NOMS
 * number where the data has them.
 *
 * @throws ContractError (`invalid_event`) listing every problem, when the result is not valid.
 */
export function build<T extends NotificationEventTypeName>(eventType: T, input: BuildInput<LatestData<T>>, options?: BuildOptions): LatestEnvelope<T> {
  const notification = registry.get(eventType)?.notification;
  if (!notification) {
    throw contractError('unknown_event_type', [{ code: 'unknown_event_type', path: '', received: JSON.stringify(eventType) }]);
  }
  return notification.build(input as never, options) as LatestEnvelope<T>;
}

/**
 * Reads any event in the catalogue from a string (JSON) or a value, and
 * upcasts it to its latest version (or to `options.to`). Never throws: the
 * result is `{ success: true, event, upgradedFrom? }` or
 * `{ success: false, error, format?, eventType?, version? }`, where `error` is
 * a {@link ContractError} and the rest is what was learned before it failed
 * (see {@link ParseFailure}).
 *
 * The event is a union discriminated by `eventType`, so checking the type
 * narrows the data.
 */
export function safeParse(input: unknown, options?: ParseOptions<'latest'>): ParseResult<DomainEvent>;
export function safeParse(input: unknown, options: ParseOptions<number>): ParseResult<AnyVersionEvent>;
export function safeParse(input: unknown, options?: ParseOptions): ParseResult<AnyVersionEvent>;
export function safeParse(input: unknown, options?: ParseOptions): ParseResult<DomainEvent | AnyVersionEvent> {
  return safeParseWith(lookups.notification, input, options) as ParseResult<DomainEvent>;
}

/**
 * As {@link safeParse}, but returns the event and throws
 * {@link ContractError} when the input is not a valid event.
 */
export function parse(input: unknown, options?: ParseOptions<'latest'>): DomainEvent;
export function parse(input: unknown, options: ParseOptions<number>): AnyVersionEvent;
export function parse(input: unknown, options?: ParseOptions): AnyVersionEvent;
export function parse(input: unknown, options?: ParseOptions): DomainEvent | AnyVersionEvent {
  return unwrap(safeParseWith(lookups.notification, input, options)) as DomainEvent;
}

/** The event types whose producer serves detail documents. */
export type DetailEventTypeName = { [K in EventTypeName]: EventTypes[K] extends { readonly detail: unknown } ? K : never }[EventTypeName];
type LatestDetails<T extends DetailEventTypeName> = EventTypes[T] extends { buildDetail(eventDetails: infer D, ...rest: never[]): unknown } ? D : never;
type LatestDetailDocument<T extends DetailEventTypeName> = EventTypes[T] extends { buildDetail(...args: never[]): infer D } ? D : never;

/**
 * Builds a detail document of `eventType` at its latest detail version, for
 * the producer to store and serve at `detailUrl`. Fills in `id` (a random
 * UUID) and `timestamp` (now) where they are not given. Strict: the details
 * must be exactly what the contract says.
 *
 * @throws ContractError (`invalid_event`) listing every problem, when the document is not valid.
 */
export function buildDetail<T extends DetailEventTypeName>(
  eventType: T,
  eventDetails: LatestDetails<T>,
  options?: BuildDetailOptions,
): LatestDetailDocument<T> {
  const runtime = lookups.detail.find(eventType);
  if (!runtime) {
    throw contractError('unknown_event_type', [{ code: 'unknown_event_type', path: '', received: JSON.stringify(eventType) }]);
  }
  return buildDetailWith(runtime, eventDetails, options) as LatestDetailDocument<T>;
}

/**
 * Reads a detail document of any event type in the catalogue, from a string
 * (JSON) or a value. `options.version` is its stored schema version: `null`
 * or absent means 1, as a NULL `schema_version` column does. Its
 * `eventDetails` are upcast to the latest version (or `options.to`). Never
 * throws: the result is `{ success: true, detail, version, upgradedFrom? }`
 * or `{ success: false, error, eventType?, version? }`, with the event type
 * and stored version where the document named a type before it failed (see
 * {@link DetailParseFailure}).
 */
export function safeParseDetail(input: unknown, options?: DetailParseOptions<'latest'>): DetailParseResult<AnyDetailDocument>;
export function safeParseDetail(input: unknown, options?: DetailParseOptions): DetailParseResult<AnyDetailDocument>;
export function safeParseDetail(input: unknown, options?: DetailParseOptions): DetailParseResult<AnyDetailDocument> {
  return safeParseDetailWith(lookups.detail, input, options) as DetailParseResult<AnyDetailDocument>;
}

/** As {@link safeParseDetail}, but returns the document and throws {@link ContractError} when it is not valid. */
export function parseDetail(input: unknown, options?: DetailParseOptions): AnyDetailDocument {
  return unwrapDetail(safeParseDetailWith(lookups.detail, input, options)) as unknown as AnyDetailDocument;
}

/**
 * Fetches a notification's detail document: GETs its `detailUrl` (with the
 * platform `fetch` unless `options.fetch` is given) and reads the answer with
 * {@link safeParseDetail}, upcast to the latest version. HTTP failures come
 * back as issues with their own codes (`detail_url_missing`, `fetch_failed`,
 * `fetch_timeout`, `body_timeout`, `not_found`, `http_error`,
 * `invalid_json`), never as a throw.
 */
export function fetchDetail(event: DetailSource, options?: FetchDetailOptions): Promise<DetailParseResult<AnyDetailDocument>> {
  return fetchDetailWith(lookups.detail, event, options) as Promise<DetailParseResult<AnyDetailDocument>>;
}

/**
 * Lays an event out as a string for a transport. Default format `hmpps`;
 * `sqs` writes the SNS notification an SQS queue receives, and
 * `cloudevents` a structured CloudEvent (send it as
 * `application/cloudevents+json`). The event is not validated again: build it
 * with {@link build} or read it with {@link parse}.
 */
export function serialize(event: EnvelopeLike, format: FormatName = 'hmpps'): string {
  if (!isFormatName(format)) throw contractError('invalid_option', [{ code: 'invalid_option', path: '', detail: `unknown format ${JSON.stringify(format)}` }]);
  return JSON.stringify(ENCODERS[format](event));
}

/**
 * The timeline sentence for an event, such as "The placement at Hope House
 * was cancelled: …", from the template in its event type's `event.json` for
 * the event's version (the template keyed by the highest version not above
 * it), so the wording follows the version. For an event type with a detail
 * contract, give it the detail document (as the CAS timeline reads them) and
 * its stored version as `options.version` (null or absent: 1); otherwise the
 * notification.
 *
 * Never throws: a value the event lacks is shown as `options.missing`
 * (default `unknown`); for an unknown event type or a bad version, the result
 * is the notification's `description`, else the empty string.
 */
export function describe(event: unknown, options?: DescribeOptions): string {
  return describeWith(event, registry, options);
}

export * from '../generated/index.js';
export type { UpcastOptions, UpcastResult, VersionMap } from './runtime/contract.js';
export type { DescribeOptions } from './runtime/describe.js';
export type { BuildDetailOptions, DetailParseFailure, DetailParseOptions, DetailParseResult } from './runtime/detail.js';
export type { EnvelopeLike } from './runtime/envelope.js';
export { ContractError, type ErrorCode, type Issue, type IssueCode, type UpcastStep } from './runtime/errors.js';
export type {
  BuildInput,
  BuildOptions,
  DetailContract,
  DetailDocument,
  EventEnvelope,
  EventType,
  NotificationContract,
} from './runtime/event-type.js';
export { DEFAULT_FETCH_TIMEOUT_MS, type DetailSource, type FetchDetailOptions } from './runtime/fetch-detail.js';
export type { StructuredCloudEvent } from './runtime/formats/cloudevents.js';
export { type HttpBinaryMessage, type KafkaBinaryMessage, toHttpBinary, toKafkaBinary } from './runtime/formats/cloudevents-binary.js';
export type { FormatName } from './runtime/formats/index.js';
export { type PublishInput, type PublishOptions, type StringAttribute, toPublishInput } from './runtime/formats/sns-publish.js';
export { type NotificationOptions, type SqsNotification, toSqsNotification } from './runtime/formats/sqs.js';
export { DEFAULT_LIMITS, type DuplicateKeys, type Limits } from './runtime/json-text.js';
export type { ParseFailure, ParseOptions, ParseResult, UnknownProperties } from './runtime/parse.js';
export type { Registry } from './runtime/registry.js';
export type { UpcastContext, Upcaster } from './runtime/upcast.js';
