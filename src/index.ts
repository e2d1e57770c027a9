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
import { type AnyVersionEvent, type DomainEvent, type EventTypeName, type EventTypes, eventTypes } from '../generated/index.js';
import { type DescribeOptions, describeWith } from './runtime/describe.js';
import type { EnvelopeLike } from './runtime/envelope.js';
import { contractError } from './runtime/errors.js';
import type { BuildInput, BuildOptions } from './runtime/event-type.js';
import { FORMATS, type FormatName, isFormatName } from './runtime/formats/index.js';
import { type ParseOptions, type ParseResult, safeParseWith, unwrap } from './runtime/parse.js';
import { createRegistry } from './runtime/registry.js';

/** Every event type, by name. */
export const registry = createRegistry(eventTypes);

type LatestData<T extends EventTypeName> = EventTypes[T] extends { build(input: BuildInput<infer D>): unknown } ? D : never;
type LatestEnvelope<T extends EventTypeName> = ReturnType<EventTypes[T]['build']>;

/**
 * Builds an event of type `eventType` at its latest version. Fills in `id`
 * (a random UUID), `occurredAt` and `publishedAt` (now) and `version` where
 * they are not given, and `personReference` from the data's CRN and NOMS
 * number where the data has them.
 *
 * @throws ContractError (`invalid_event`) listing every problem, when the result is not valid.
 */
export function build<T extends EventTypeName>(eventType: T, input: BuildInput<LatestData<T>>, options?: BuildOptions): LatestEnvelope<T> {
  const type = registry.get(eventType);
  if (!type) {
    throw contractError('unknown_event_type', [{ code: 'unknown_event_type', path: '', received: JSON.stringify(eventType) }]);
  }
  return type.build(input as never, options) as LatestEnvelope<T>;
}

/**
 * Reads any event in the catalogue from a string (JSON) or a value, and
 * upcasts it to its latest version (or to `options.to`). Never throws: the
 * result is `{ success: true, event, upgradedFrom? }` or
 * `{ success: false, error }`, where `error` is a {@link ContractError}.
 *
 * The event is a union discriminated by `eventType`, so checking the type
 * narrows the data.
 */
export function safeParse(input: unknown, options?: ParseOptions<'latest'>): ParseResult<DomainEvent>;
export function safeParse(input: unknown, options: ParseOptions<number>): ParseResult<AnyVersionEvent>;
export function safeParse(input: unknown, options?: ParseOptions): ParseResult<AnyVersionEvent>;
export function safeParse(input: unknown, options?: ParseOptions): ParseResult<DomainEvent | AnyVersionEvent> {
  return safeParseWith(registry.lookup, input, options) as ParseResult<DomainEvent>;
}

/**
 * As {@link safeParse}, but returns the event and throws
 * {@link ContractError} when the input is not a valid event.
 */
export function parse(input: unknown, options?: ParseOptions<'latest'>): DomainEvent;
export function parse(input: unknown, options: ParseOptions<number>): AnyVersionEvent;
export function parse(input: unknown, options?: ParseOptions): AnyVersionEvent;
export function parse(input: unknown, options?: ParseOptions): DomainEvent | AnyVersionEvent {
  return unwrap(safeParseWith(registry.lookup, input, options)) as DomainEvent;
}

/**
 * Lays an event out as a string for a transport. Default format `hmpps`;
 * `sqs` writes the SNS notification an SQS queue receives, `detail` the
 * detail document, and `cloudevents` a structured CloudEvent (send it as
 * `application/cloudevents+json`). The event is not validated again: build it
 * with {@link build} or read it with {@link parse}.
 */
export function serialize(event: EnvelopeLike, format: FormatName = 'hmpps'): string {
  if (!isFormatName(format)) throw contractError('invalid_option', [{ code: 'invalid_option', path: '', detail: `unknown format ${JSON.stringify(format)}` }]);
  return JSON.stringify(FORMATS[format].encode(event));
}

/**
 * The timeline sentence for an event, such as "The booking at Hope House was
 * cancelled by John Smith: …", from the template in its event type's
 * `event.json` for the event's version (the template keyed by the highest
 * version not above it), so the wording follows the version.
 *
 * Never throws: a value the event lacks is shown as `options.missing`
 * (default `unknown`); for an unknown event type or a bad version, the result
 * is the envelope's `description`, else the empty string.
 */
export function describe(event: unknown, options?: DescribeOptions): string {
  return describeWith(event, registry, options);
}

export * from '../generated/index.js';
export type { DescribeOptions } from './runtime/describe.js';
export type { EnvelopeLike } from './runtime/envelope.js';
export { ContractError, type ErrorCode, type Issue, type IssueCode, type UpcastStep } from './runtime/errors.js';
export type { BuildInput, BuildOptions, EventEnvelope, EventType, UpcastOptions, UpcastResult, VersionMap } from './runtime/event-type.js';
export type { StructuredCloudEvent } from './runtime/formats/cloudevents.js';
export { type HttpBinaryMessage, type KafkaBinaryMessage, toHttpBinary, toKafkaBinary } from './runtime/formats/cloudevents-binary.js';
export type { FormatName } from './runtime/formats/index.js';
export { type PublishInput, type PublishOptions, type StringAttribute, toPublishInput } from './runtime/formats/sns-publish.js';
export { type NotificationOptions, type SqsNotification, toSqsNotification } from './runtime/formats/sqs.js';
export { DEFAULT_LIMITS, type DuplicateKeys, type Limits } from './runtime/json-text.js';
export type { ParseOptions, ParseResult } from './runtime/parse.js';
export type { Registry } from './runtime/registry.js';
export type { UpcastContext, Upcaster } from './runtime/upcast.js';
