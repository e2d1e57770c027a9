/**
 * Reading and writing detail documents: what a producer stores and serves at
 * `detailUrl`, `{ id, timestamp, eventType, eventDetails }`. The schema
 * version of `eventDetails` is not in the document; it travels beside it (CAS:
 * the `domain_events.schema_version` column, where NULL means version 1), so
 * the reader is told it, and upcasts `eventDetails` to the latest version.
 * {@link safeParseDetailWith} never throws, whatever it is given.
 */
import { type Check, describeValue, isDateTime, issue, issuesOf, isUuid, type Tally, typeIssue, valueIssue } from './checks.js';
import type { ContractRuntime } from './contract.js';
import { type ContractError, contractError, type ErrorCode, type Issue, type IssueInput, withMessages } from './errors.js';
import { DEFAULT_LIMITS, type DuplicateKeys, decodeJson, type Limits } from './json-text.js';
import { typeName } from './messages.js';
import { isRecord, setOwn } from './own-properties.js';
import { checkEventType, checkTolerantly, type Lookup, type UnknownProperties, unknownType, versionOptionProblem } from './parse.js';
import { runChain, type UpcastContext } from './upcast.js';

/** Options for `safeParseDetail` and `parseDetail`. */
export interface DetailParseOptions<To extends number | 'latest' = number | 'latest'> {
  /** The event type expected. A document of another type is an `event_type_mismatch`. */
  readonly eventType?: string;
  /** The stored schema version of `eventDetails`. `null` and `undefined` mean 1, as a NULL `schema_version` column does. */
  readonly version?: number | null;
  /** The version to upcast to. Default `latest`. A document newer than this is a `version_too_new` error. */
  readonly to?: To;
  /** Values for upcasters, such as `{ recordedBy: staffMember }` for person.arrived's detail v1 → v2. */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Size and depth limits for JSON text. Defaults: 1 MiB and 64 levels. */
  readonly limits?: Partial<Limits>;
  /** Duplicate keys in JSON text: `reject` (the default) or `last-wins`. */
  readonly duplicateKeys?: DuplicateKeys;
  /** Properties the contract does not name: `keep` (the default) accepts them, keeps them and lists them in `warnings`; `reject` makes them errors. */
  readonly unknownProperties?: UnknownProperties;
}

/** The result of `safeParseDetail`. */
export type DetailParseResult<D> =
  | {
      readonly success: true;
      /** The document, with `eventDetails` at `version`. */
      readonly detail: D;
      /** The version of `eventDetails` now. */
      readonly version: number;
      /** The stored version, when it was upcast. */
      readonly upgradedFrom?: number;
      /** Properties the contract does not name, kept in the document: one `unknown_property` issue each. Absent when there are none. */
      readonly warnings?: readonly Issue[];
    }
  | DetailParseFailure;

/**
 * A failed `safeParseDetail`: the error, and what the reader had learned
 * before it failed. `eventType` and `version` are present only once the
 * document was read as an object that names an event type.
 */
export interface DetailParseFailure {
  readonly success: false;
  readonly error: ContractError;
  /** The event type the document names, even one the catalogue does not know or not the one expected. */
  readonly eventType?: string;
  /** The stored version the document was read at: `options.version`, where `null` and absent mean 1. Not the version it was to be upcast to. */
  readonly version?: number;
}

/** What `buildDetail` takes besides the details. */
export interface BuildDetailOptions {
  /** Default: a new random (v4) UUID. */
  readonly id?: string;
  /** When the event happened. Default: now. */
  readonly timestamp?: string;
  /** The clock. Default `() => new Date()`. */
  readonly now?: () => Date;
  /** The id source. Default `crypto.randomUUID`. */
  readonly randomUUID?: () => string;
}

/** What the detail reader needs to know about one event type's detail contract. */
export interface DetailRuntime extends ContractRuntime {
  /** The check of a whole detail document at this version. */
  documentCheck(version: number): Check;
}

/**
 * The check of a whole detail document of `type` whose `eventDetails` are
 * checked by `details` (and are an object, whatever `details` allows).
 * Properties it does not name are kept.
 */
export function detailDocumentCheck(type: string, details: Check): Check {
  const typeExpected = describeValue(type);
  return (value, path, out, open) => {
    if (!isRecord(value)) return typeIssue(out, value, path, 'object');
    let tally: Tally = formatted(value.id, `${path}/id`, out, 'uuid', isUuid);
    tally += formatted(value.timestamp, `${path}/timestamp`, out, 'date-time', isDateTime);
    if (value.eventType !== type) tally += valueIssue(out, value.eventType, `${path}/eventType`, typeExpected);
    const data = value.eventDetails;
    // eventDetails is an object, whatever the version's schema would let through.
    tally += isRecord(data) ? details(data, `${path}/eventDetails`, out, open) : typeIssue(out, data, `${path}/eventDetails`, 'object');
    return tally;
  };
}

/** A required string of a format. */
function formatted(value: unknown, path: string, out: IssueInput[], format: string, test: (text: string) => boolean): Tally {
  if (typeof value !== 'string') return typeIssue(out, value, path, 'string');
  return test(value) ? 0 : issue(out, 'invalid_format', path, format, describeValue(value));
}

const fail = (code: ErrorCode, issues: readonly IssueInput[]): DetailParseFailure => ({ success: false, error: contractError(code, issues) });

/** Reads a detail document against the detail contracts `lookup` knows; `defaultType` is the type expected when the options name none. Never throws. */
export function safeParseDetailWith(
  lookup: Lookup<DetailRuntime>,
  input: unknown,
  options: DetailParseOptions = {},
  defaultType?: string,
): DetailParseResult<Record<string, unknown>> {
  try {
    return parseDetailUnchecked(lookup, input, options, options.eventType ?? defaultType);
  } catch (error) {
    // Reaching here is a bug in this package; it is still reported, not thrown.
    return fail('invalid_input', [{ code: 'invalid_input', path: '', detail: `internal error while parsing: ${(error as Error)?.message ?? String(error)}` }]);
  }
}

function parseDetailUnchecked(
  lookup: Lookup<DetailRuntime>,
  input: unknown,
  options: DetailParseOptions,
  expectedType: string | undefined,
): DetailParseResult<Record<string, unknown>> {
  const optionProblem = versionOptionProblem('version', options.version, true) ?? versionOptionProblem('to', options.to);
  if (optionProblem) return fail('invalid_option', [optionProblem]);
  let value = input;
  if (typeof input === 'string') {
    const limits = options.limits ? { ...DEFAULT_LIMITS, ...options.limits } : DEFAULT_LIMITS;
    const decoded = decodeJson(input, limits, options.duplicateKeys ?? 'reject');
    if (!decoded.ok) return fail(decoded.issue.code as ErrorCode, [decoded.issue]);
    value = decoded.value;
  }
  const result = readDocument(lookup, value, options, expectedType);
  return result.success ? result : learned(result.error, value, options);
}

/** Reads a decoded detail document: finds its contract, validates it and upcasts its details. */
function readDocument(
  lookup: Lookup<DetailRuntime>,
  value: unknown,
  options: DetailParseOptions,
  expectedType: string | undefined,
): DetailParseResult<Record<string, unknown>> {
  if (!isRecord(value))
    return fail('invalid_input', [{ code: 'invalid_input', path: '', expected: 'a detail document (an object)', received: typeName(value) }]);
  if (Object.hasOwn(value, 'additionalInformation') && !Object.hasOwn(value, 'eventDetails')) {
    const detail = 'this is a notification (it has additionalInformation), not a detail document: read it with safeParse, then fetchDetail';
    return fail('invalid_input', [{ code: 'invalid_input', path: '', detail }]);
  }

  const named = checkEventType(value.eventType, expectedType, '/eventType');
  if (!named.ok) return fail(named.code, [named.issue]);
  const { eventType } = named;
  const runtime = lookup.find(eventType);
  if (!runtime) return fail('unknown_event_type', [unknownType(eventType, lookup, '/eventType')]);

  const version = options.version ?? 1;
  if (version > runtime.latest) {
    return fail('unknown_version', [
      {
        code: 'unknown_version',
        path: '',
        expected: runtime.latest === 1 ? 'version 1' : `versions 1 to ${runtime.latest}`,
        received: String(version),
        detail: 'Upgrade @probation/domain-events to read it',
      },
    ]);
  }
  const target = options.to === undefined || options.to === 'latest' ? runtime.latest : options.to;
  if (target > runtime.latest) {
    return fail('invalid_option', [
      { code: 'invalid_option', path: '', detail: `options.to is ${target}, but ${eventType}'s detail contract has versions 1 to ${runtime.latest}` },
    ]);
  }
  if (version > target) {
    return fail('version_too_new', [{ code: 'version_too_new', path: '', expected: String(target), received: String(version) }]);
  }

  const unknown = options.unknownProperties ?? 'keep';
  const checked = checkTolerantly(runtime.documentCheck(version), value, unknown);
  if (!checked.ok) return fail('invalid_event', checked.issues);
  const warnings = checked.warnings ? { warnings: withMessages(checked.warnings) } : {};
  if (version === target) return { success: true, detail: value, version, ...warnings };

  const context: UpcastContext = {
    envelope: { id: value.id as string, eventType, occurredAt: value.timestamp as string },
    values: options.context ?? {},
  };
  const chain = runChain(eventType, runtime.chain, value.eventDetails, version, target, context, '/eventDetails', unknown);
  if (!chain.ok) return { success: false, error: chain.error };
  return { success: true, detail: withDetails(value, chain.data), version: target, upgradedFrom: version, ...warnings };
}

/** A failure with what was learned before it: from a document that is an object naming an event type, that type and the stored version it was read at. */
function learned(error: ContractError, value: unknown, options: DetailParseOptions): DetailParseFailure {
  const out: { -readonly [K in keyof DetailParseFailure]: DetailParseFailure[K] } = { success: false, error };
  if (isRecord(value) && typeof value.eventType === 'string') {
    out.eventType = value.eventType;
    out.version = options.version ?? 1;
  }
  return out;
}

const DOCUMENT_FIELDS: ReadonlySet<string> = new Set(['id', 'timestamp', 'eventType', 'eventDetails']);

/** A copy of a detail document with new details, written field by field; properties it does not name are carried over. */
export function withDetails(document: Readonly<Record<string, unknown>>, details: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { id: document.id, timestamp: document.timestamp, eventType: document.eventType, eventDetails: details };
  for (const key of Object.keys(document)) {
    // A key named "__proto__" stays data instead of setting the prototype.
    if (!DOCUMENT_FIELDS.has(key)) setOwn(out, key, document[key]);
  }
  return out;
}

/** Builds a detail document of `type` at the latest version; throws `ContractError` when it is not valid. */
export function buildDetailWith(runtime: DetailRuntime, eventDetails: unknown, options: BuildDetailOptions = {}): Record<string, unknown> {
  if (typeof options !== 'object' || options === null) {
    throw contractError('invalid_option', [{ code: 'invalid_option', path: '', detail: 'buildDetail takes an options object' }]);
  }
  const document = {
    id: options.id ?? (options.randomUUID ?? (() => crypto.randomUUID()))(),
    timestamp: options.timestamp ?? (options.now ?? (() => new Date()))().toISOString(),
    eventType: runtime.type,
    eventDetails,
  };
  const issues = issuesOf(runtime.documentCheck(runtime.latest), document);
  if (issues) throw contractError('invalid_event', issues);
  return document;
}

/** Unwraps a detail result, throwing its error. */
export function unwrapDetail<D>(result: DetailParseResult<D>): D {
  if (result.success) return result.detail;
  throw result.error;
}
