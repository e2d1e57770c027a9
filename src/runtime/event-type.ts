/**
 * The object each event type exports: its notification and detail contracts,
 * with their builders, parsers and upcasters. Generated modules call
 * {@link defineEventType}; everything else in this file is shared by all
 * event types.
 */
import type { Envelope } from '../../generated/envelope.js';
import { type Check, isObject, issuesOf, typeIssue, valueIssue } from './checks.js';
import { type ContractDefinition, type ContractFunctions, type ContractTypes, defineContract, type VersionMap } from './contract.js';
import {
  type BuildDetailOptions,
  buildDetailWith,
  type DetailParseOptions,
  type DetailParseResult,
  type DetailRuntime,
  detailDocumentCheck,
  safeParseDetailWith,
  unwrapDetail,
} from './detail.js';
import type { EnvelopeLike } from './envelope.js';
import { contractError, type IssueInput } from './errors.js';
import { identifierPattern, isWellFormed } from './identifiers.js';
import { describeValue } from './messages.js';
import { ownValue } from './own-properties.js';
import { type EventRuntime, type Lookup, type ParseOptions, type ParseResult, safeParseWith, unwrap } from './parse.js';
import { attachRuntimes } from './runtimes.js';

/** An envelope whose data is version `V` of event type `T`. */
export type EventEnvelope<T extends string, V extends number, D> = Omit<Envelope, 'eventType' | 'version' | 'additionalInformation'> & {
  readonly eventType: T;
  readonly version: V;
  readonly additionalInformation: D;
};

/**
 * A detail document: what the producer stores and serves at `detailUrl`. Its
 * schema version is not in it; it travels beside it (CAS: the
 * `domain_events.schema_version` column).
 */
export interface DetailDocument<T extends string, D> {
  readonly id: string;
  /** When the event happened (RFC 3339). */
  readonly timestamp: string;
  readonly eventType: T;
  readonly eventDetails: D;
}

/** What `build` takes: the envelope less what it can fill in. */
export interface BuildInput<D> {
  readonly additionalInformation: D;
  /** Default: the CRN and NOMS number from the data's `personReference`, where it has one. */
  readonly personReference?: Envelope['personReference'];
  readonly detailUrl?: string;
  /** Default: the event type's description from its `event.json`. */
  readonly description?: string;
  readonly producer?: string;
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly traceparent?: string;
  /** Default: now. */
  readonly occurredAt?: string;
  /** Default: a new random (v4) UUID. */
  readonly id?: string;
  /** Default: now. */
  readonly publishedAt?: string;
}

/** Options for `build`, mostly for deterministic tests. */
export interface BuildOptions {
  /** The clock. Default `() => new Date()`. */
  readonly now?: () => Date;
  /** The id source. Default `crypto.randomUUID`. */
  readonly randomUUID?: () => string;
}

/** The contracts' types of one event type, as its generated module declares them. */
export interface EventContracts {
  readonly notification?: ContractTypes;
  readonly detail?: ContractTypes;
}

/** What a generated module passes to {@link defineEventType}. */
export interface EventTypeDefinition<T extends string> {
  readonly type: T;
  readonly title: string;
  readonly description: string;
  /** Timeline templates keyed by the first version they apply to (of the detail contract where there is one). */
  readonly timeline: Readonly<Record<string, string>>;
  /** The envelope's check, `checkEnvelope` from `generated/envelope.ts`. */
  readonly envelope: EnvelopeCheck;
  /** The template of the `detailUrl` the producer sends, from `event.json`; `build` requires a `detailUrl` where there is one. */
  readonly detailUrl?: string;
  readonly notification?: ContractDefinition;
  readonly detail?: ContractDefinition;
}

type VersionOf<M extends VersionMap> = keyof M & number;

/** The notification contract: `additionalInformation`, and the functions to build and read notifications. */
export interface NotificationContract<T extends string, M extends VersionMap, L extends VersionOf<M>> extends ContractFunctions<M, L> {
  readonly kind: 'notification';
  /** Builds a valid notification at the latest version, filling in id, times and version. Throws `ContractError` when the result is invalid. */
  build(input: BuildInput<M[L]>, options?: BuildOptions): EventEnvelope<T, L, M[L]>;
  /** Reads a notification of this type, upcast to the latest version. Never throws. */
  safeParse(input: unknown, options?: ParseOptions<'latest'>): ParseResult<EventEnvelope<T, L, M[L]>>;
  /** Reads a notification of this type, upcast to version `to`. Never throws. */
  safeParse<V extends VersionOf<M>>(input: unknown, options: ParseOptions<V>): ParseResult<EventEnvelope<T, V, M[V]>>;
  /** As `safeParse`, but throws `ContractError`. */
  parse(input: unknown, options?: ParseOptions<'latest'>): EventEnvelope<T, L, M[L]>;
  parse<V extends VersionOf<M>>(input: unknown, options: ParseOptions<V>): EventEnvelope<T, V, M[V]>;
}

/** The detail contract: a detail document's `eventDetails`, and the functions to build and read detail documents. */
export interface DetailContract<T extends string, M extends VersionMap, L extends VersionOf<M>> extends ContractFunctions<M, L> {
  readonly kind: 'detail';
  /** Builds a valid detail document at the latest version, for the producer to store and serve. Throws `ContractError` when it is invalid. */
  build(eventDetails: M[L], options?: BuildDetailOptions): DetailDocument<T, M[L]>;
  /** Reads a detail document of this type, its stored version given as `options.version` (null or absent: 1), upcast to the latest. Never throws. */
  safeParse(input: unknown, options?: DetailParseOptions<'latest'>): DetailParseResult<DetailDocument<T, M[L]>>;
  /** Reads a detail document of this type, upcast to version `to`. Never throws. */
  safeParse<V extends VersionOf<M>>(input: unknown, options: DetailParseOptions<V>): DetailParseResult<DetailDocument<T, M[V]>>;
  /** As `safeParse`, but throws `ContractError`. */
  parse(input: unknown, options?: DetailParseOptions<'latest'>): DetailDocument<T, M[L]>;
  parse<V extends VersionOf<M>>(input: unknown, options: DetailParseOptions<V>): DetailDocument<T, M[V]>;
}

type NotificationOf<T extends string, C extends ContractTypes> = NotificationContract<T, C['versions'], C['latest'] & VersionOf<C['versions']>>;
type DetailOf<T extends string, C extends ContractTypes> = DetailContract<T, C['versions'], C['latest'] & VersionOf<C['versions']>>;

/** The parts of an event type with a notification contract: the contract, and its functions at the top level. */
export type NotificationPart<T extends string, C extends ContractTypes> = {
  readonly notification: NotificationOf<T, C>;
  readonly build: NotificationOf<T, C>['build'];
  readonly safeParse: NotificationOf<T, C>['safeParse'];
  readonly parse: NotificationOf<T, C>['parse'];
};

/** The parts of an event type with a detail contract: the contract, and its functions at the top level. */
export type DetailPart<T extends string, C extends ContractTypes> = {
  readonly detail: DetailOf<T, C>;
  readonly buildDetail: DetailOf<T, C>['build'];
  readonly safeParseDetail: DetailOf<T, C>['safeParse'];
  readonly parseDetail: DetailOf<T, C>['parse'];
};

/** What every event type has, whichever contracts it has. */
export interface EventTypeBase<T extends string> {
  /** The event type, such as `approved-premises.booking.cancelled`. */
  readonly type: T;
  readonly title: string;
  readonly description: string;
  /** Timeline templates keyed by the first version they apply to (of the detail contract where there is one). */
  readonly timeline: Readonly<Record<string, string>>;
}

/** An event type: its contracts, and the functions to build, read and upcast them. */
export type EventType<T extends string = string, C extends EventContracts = EventContracts> = EventTypeBase<T> &
  (C['notification'] extends ContractTypes ? NotificationPart<T, C['notification']> : unknown) &
  (C['detail'] extends ContractTypes ? DetailPart<T, C['detail']> : unknown);

/** The checks of the envelope's fields that each event version fixes. */
export type EnvelopeFields = Readonly<Record<'eventType' | 'version' | 'additionalInformation', Check>>;

/** The envelope's generated check, to which each version gives the checks of the fields it fixes. */
export type EnvelopeCheck = (value: unknown, path: string, out: IssueInput[], open: boolean, fields: EnvelopeFields) => number;

/**
 * The check of a whole envelope of `type` at `version`: the envelope's
 * fields, the type and version fixed (a version 1 message may omit its
 * version), and the version's data, an object whatever its schema allows
 * (which a version that describes no data may leave out, as the HMPPS
 * envelope allows).
 */
export function envelopeCheck(envelope: EnvelopeCheck, type: string, version: number, data: Check, dataOptional = false): Check {
  const typeExpected = describeValue(type);
  const fields: EnvelopeFields = {
    eventType: (value, path, out) => (value === type ? 0 : valueIssue(out, value, path, typeExpected)),
    version: (value, path, out) => (value === version || (version === 1 && value === undefined) ? 0 : valueIssue(out, value, path, String(version))),
    // additionalInformation is an object, as the envelope schema says, whatever the version's schema would let through.
    additionalInformation: (value, path, out, open) =>
      isObject(value) ? data(value, path, out, open) : dataOptional && value === undefined ? 0 : typeIssue(out, value, path, 'object'),
  };
  return (value, path, out, open) => envelope(value, path, out, open, fields);
}

/** Creates the object for one event type. Called by generated modules. */
export function defineEventType<T extends string, C extends EventContracts>(definition: EventTypeDefinition<T>): EventType<T, C> {
  const { type } = definition;
  const eventType: Record<string, unknown> = {
    type,
    title: definition.title,
    description: definition.description,
    timeline: definition.timeline,
  };
  const runtime: { notification?: EventRuntime; detail?: DetailRuntime } = {};
  if (definition.notification) {
    const notification = notificationContract(definition, definition.notification);
    runtime.notification = notification.runtime;
    eventType.notification = notification.contract;
    eventType.build = notification.contract.build;
    eventType.safeParse = notification.contract.safeParse;
    eventType.parse = notification.contract.parse;
  }
  if (definition.detail) {
    const detail = detailContract(type, definition.detail);
    runtime.detail = detail.runtime;
    eventType.detail = detail.contract;
    eventType.buildDetail = detail.contract.build;
    eventType.safeParseDetail = detail.contract.safeParse;
    eventType.parseDetail = detail.contract.parse;
  }
  attachRuntimes(eventType, runtime);
  return eventType as unknown as EventType<T, C>;
}

function detailContract(type: string, contract: ContractDefinition): { runtime: DetailRuntime; contract: DetailContract<string, VersionMap, number> } {
  const { runtime: base, functions } = defineContract(type, contract);
  const runtime: DetailRuntime = {
    ...base,
    documentCheck: perVersion(contract.versions, (v) => detailDocumentCheck(type, v.check)),
  };
  const lookup: Lookup<DetailRuntime> = { find: (t) => (t === type ? runtime : undefined), known: () => [type] };
  const out = {
    kind: 'detail',
    latest: functions.latest,
    versions: functions.versions,
    schema: functions.schema,
    upcast: functions.upcast,
    build: (eventDetails: unknown, options?: BuildDetailOptions) => buildDetailWith(runtime, eventDetails, options),
    safeParse: (input: unknown, options?: DetailParseOptions) => safeParseDetailWith(lookup, input, options, type),
    parse: (input: unknown, options?: DetailParseOptions) => unwrapDetail(safeParseDetailWith(lookup, input, options, type)),
  };
  return { runtime, contract: out as unknown as DetailContract<string, VersionMap, number> };
}

function notificationContract(
  definition: EventTypeDefinition<string>,
  contract: ContractDefinition,
): { runtime: EventRuntime; contract: NotificationContract<string, VersionMap, number> } {
  const { type } = definition;
  const { runtime: base, functions } = defineContract(type, contract);
  const runtime: EventRuntime = {
    ...base,
    envelopeCheck: perVersion(contract.versions, (v) => envelopeCheck(definition.envelope, type, v.version, v.check, v.dataOptional)),
  };
  const lookup: Lookup = { find: (t) => (t === type ? runtime : undefined), known: () => [type] };
  const out = {
    kind: 'notification',
    latest: functions.latest,
    versions: functions.versions,
    schema: functions.schema,
    upcast: functions.upcast,
    build(input: BuildInput<unknown>, options?: BuildOptions) {
      const envelope = assemble(definition, runtime.latest, input, options);
      const issues = issuesOf(runtime.envelopeCheck(runtime.latest), envelope) ?? [];
      // An identifier the envelope schema already refused is not reported twice.
      const reported = new Set(issues.map((i) => i.path));
      issues.push(...buildProblems(envelope, definition.detailUrl).filter((i) => !reported.has(i.path)));
      if (issues.length > 0) throw contractError('invalid_event', issues);
      return envelope;
    },
    safeParse: (input: unknown, options?: ParseOptions) => safeParseWith(lookup, input, options, type),
    parse: (input: unknown, options?: ParseOptions) => unwrap(safeParseWith(lookup, input, options, type)),
  };
  return { runtime, contract: out as unknown as NotificationContract<string, VersionMap, number> };
}

/** One check per version, made on first use. */
function perVersion<V extends { readonly version: number }>(versions: readonly V[], make: (v: V) => Check): (version: number) => Check {
  const made: Array<Check | undefined> = [];
  return (version) => {
    let check = made[version - 1];
    if (check === undefined) {
      check = make(versions[version - 1] as V);
      made[version - 1] = check;
    }
    return check;
  };
}

const BUILD_FIELDS: ReadonlySet<string> = new Set([
  'additionalInformation',
  'personReference',
  'detailUrl',
  'description',
  'producer',
  'requestId',
  'correlationId',
  'traceparent',
  'occurredAt',
  'id',
  'publishedAt',
]);

/** The envelope `build` returns, written field by field in the usual order. */
function assemble(definition: EventTypeDefinition<string>, version: number, input: BuildInput<unknown>, options: BuildOptions | undefined): EnvelopeLike {
  if (typeof input !== 'object' || input === null) {
    throw contractError('invalid_option', [{ code: 'invalid_option', path: '', detail: 'build takes an object with additionalInformation' }]);
  }
  for (const key of Object.keys(input)) {
    if (!BUILD_FIELDS.has(key)) {
      throw contractError('invalid_option', [
        { code: 'invalid_option', path: `/${key}`, detail: `build does not take ${JSON.stringify(key)}; it takes ${[...BUILD_FIELDS].join(', ')}` },
      ]);
    }
  }
  const given = ownFields(input);
  const now = (options?.now ?? (() => new Date()))().toISOString();
  const out: Record<string, unknown> = { id: given.id ?? (options?.randomUUID ?? (() => crypto.randomUUID()))(), publishedAt: given.publishedAt ?? now };
  if (given.producer !== undefined) out.producer = given.producer;
  if (given.requestId !== undefined) out.requestId = given.requestId;
  if (given.correlationId !== undefined) out.correlationId = given.correlationId;
  if (given.traceparent !== undefined) out.traceparent = given.traceparent;
  out.eventType = definition.type;
  out.version = version;
  out.occurredAt = given.occurredAt ?? now;
  out.description = given.description ?? definition.description;
  if (given.detailUrl !== undefined) out.detailUrl = given.detailUrl;
  const personReference = given.personReference ?? personReferenceOf(given.additionalInformation);
  if (personReference !== undefined) out.personReference = personReference;
  out.additionalInformation = given.additionalInformation;
  return out as unknown as EnvelopeLike;
}

/**
 * The fields the caller gave, and only those. A plain object inherits no
 * field `build` takes, so it is read as it is; any other object (one made
 * with `Object.create`, an instance of a class) is read as its own
 * properties, never its prototype's.
 */
function ownFields(input: BuildInput<unknown>): BuildInput<unknown> {
  const prototype = Object.getPrototypeOf(input);
  if (prototype === Object.prototype || prototype === null) return input;
  const own: Record<string, unknown> = {};
  // The keys are build's own field names (checked above), so none is __proto__.
  for (const key of Object.keys(input)) own[key] = (input as unknown as Record<string, unknown>)[key];
  return own as unknown as BuildInput<unknown>;
}

/**
 * The envelope's identifiers from data that names the person, as the
 * producers do: `personReference: { crn, noms }` (approved premises,
 * transitional accommodation) or `serviceUserCRN` (interventions). Only the
 * data's own properties count.
 */
function personReferenceOf(data: unknown): Envelope['personReference'] | undefined {
  const serviceUserCRN = ownValue(data, 'serviceUserCRN');
  if (typeof serviceUserCRN === 'string') return { identifiers: [{ type: 'CRN', value: serviceUserCRN }] };
  const ref = ownValue(data, 'personReference');
  const crn = ownValue(ref, 'crn');
  if (typeof crn !== 'string') return undefined;
  const identifiers: Array<{ type: 'CRN'; value: string } | { type: 'NOMS'; value: string }> = [{ type: 'CRN', value: crn }];
  const noms = ownValue(ref, 'noms');
  if (typeof noms === 'string') identifiers.push({ type: 'NOMS', value: noms });
  return { identifiers };
}

/** What `build` requires beyond the envelope schema: a `detailUrl` where the event type has one, and well-formed identifiers. */
function buildProblems(envelope: EnvelopeLike, detailUrl: string | undefined): IssueInput[] {
  const issues: IssueInput[] = [];
  if (detailUrl !== undefined && envelope.detailUrl === undefined) {
    issues.push({ code: 'required', path: '/detailUrl', expected: `the URL its consumers fetch the detail from, such as ${detailUrl}` });
  }
  for (const [i, identifier] of (envelope.personReference?.identifiers ?? []).entries()) {
    if (!isWellFormed(identifier.type, identifier.value)) {
      const expected = identifierPattern(identifier.type)?.name ?? 'a well-formed identifier';
      issues.push({ code: 'pattern', path: `/personReference/identifiers/${i}/value`, expected, received: describeValue(identifier.value) });
    }
  }
  return issues;
}
