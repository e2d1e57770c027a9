/**
 * Reading an event: decode the format, find the contract by `eventType` and
 * `version`, validate the whole envelope in one pass, then upcast to the
 * version asked for. {@link safeParseWith} never throws, whatever it is given.
 */
import { accepts, type Check, issuesOf } from './checks.js';
import type { ContractRuntime } from './contract.js';
import type { EnvelopeLike } from './envelope.js';
import { isEnvelopeField, withData } from './envelope.js';
import { ContractError, contractError, type ErrorCode, type Issue, type IssueInput, withMessages } from './errors.js';
import type { DecodeContext, Format } from './formats/format.js';
import { chooseFormat, FORMATS, type FormatName, isFormatName } from './formats/index.js';
import { DEFAULT_LIMITS, type DuplicateKeys, decodeJson, exceedsDepth, type Limits } from './json-text.js';
import { describeValue, typeName } from './messages.js';
import { isRecord } from './own-properties.js';
import { runChain, type UpcastContext } from './upcast.js';

/** Options for `safeParse` and `parse`. */
export interface ParseOptions<To extends number | 'latest' = number | 'latest'> {
  /**
   * The wire layout of the input. Default `auto`: recognises every format
   * that describes itself, and reads anything else as `hmpps`. Detail
   * documents are not a layout of the notification: read them with
   * `safeParseDetail`.
   */
  readonly format?: FormatName | 'auto';
  /** The event type expected. A document of another type is an `event_type_mismatch`. */
  readonly eventType?: string;
  /** The schema version of a notification that carries none. Default 1, which real producers always mean. */
  readonly version?: number;
  /** The version to upcast to. Default `latest`. A document newer than this is a `version_too_new` error: versions are never downgraded. */
  readonly to?: To;
  /** Values for upcasters, such as `{ recordedBy: staffMember }` for the person.arrived v1 → v2 step. */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Size and depth limits. Defaults: 1 MiB and 64 levels. */
  readonly limits?: Partial<Limits>;
  /** Duplicate keys in JSON text: `reject` (the default) or `last-wins`, as `JSON.parse` does. */
  readonly duplicateKeys?: DuplicateKeys;
  /**
   * What to do with properties the contract does not name, in the data or
   * the envelope. `keep` (the default): they are accepted, kept as they are,
   * and listed in the result's `warnings`, so a producer that adds an
   * optional field breaks no consumer. `reject`: they are `unknown_property`
   * errors, for CI.
   */
  readonly unknownProperties?: UnknownProperties;
  /**
   * What to do with a version newer than this package knows. By default it is
   * an `unknown_version` error. With `true`, it is read as this package's
   * latest version when it is valid there (new versions that only add
   * optional fields to open objects, or change meaning only), and the result
   * says `readAs`. Upgrading the package is the real fix.
   */
  readonly acceptNewer?: boolean;
}

/** The result of `safeParse`. */
export type ParseResult<E> =
  | {
      readonly success: true;
      readonly event: E;
      /** The version the document was at, when it was upcast. */
      readonly upgradedFrom?: number;
      /** Set when `acceptNewer` read a newer version as this one. */
      readonly readAs?: { readonly receivedVersion: number };
      /** Properties the contract does not name, kept in the event: one `unknown_property` issue each. Absent when there are none. */
      readonly warnings?: readonly Issue[];
    }
  | ParseFailure;

/**
 * A failed `safeParse`: the error, and what the reader had learned before it
 * failed, so that a caller never reads the input again to find out. Each of
 * `format`, `eventType` and `version` is present only once it was learned:
 * nothing from input that is not JSON (or from options that are not usable),
 * the format once the input is JSON, the event type once the format has given
 * an object that names one, and the version with the event type.
 */
export interface ParseFailure {
  readonly success: false;
  readonly error: ContractError;
  /** The wire layout the input was read in: the one asked for, or the one `auto` recognised (`hmpps` when none did). */
  readonly format?: FormatName;
  /**
   * The event type the document names, even one the catalogue does not know
   * or not the one expected. With `sqs` and `cloudevents`, a document that
   * names none is read as the expected type, and this is that type.
   */
  readonly eventType?: string;
  /**
   * The version the document is at: its own `version`, or where it has none
   * (or `null`), `options.version`, else 1. Absent when its own is not a
   * whole number from 1. Not the version it was to be upcast to.
   */
  readonly version?: number;
}

/** What the parser needs to know about one event type's notification contract. */
export interface EventRuntime extends ContractRuntime {
  /** The check of a whole envelope at this version. */
  envelopeCheck(version: number): Check;
}

/** Finds the contract for an event type; `known` lists every type that has one, for hints. */
export interface Lookup<R extends ContractRuntime = EventRuntime> {
  find(eventType: string): R | undefined;
  known(): readonly string[];
  /** Why a type the catalogue has is not found here (it has only the other contract), where that is so. */
  otherContract?(eventType: string): string | undefined;
}

const fail = (code: ErrorCode, issues: readonly IssueInput[]): ParseFailure => ({ success: false, error: contractError(code, issues) });

const NO_OPTIONS: ParseOptions = {};

/**
 * Parses `input` against the contracts `lookup` knows. `defaultType` is the
 * event type expected when `options.eventType` is not given. Never throws.
 */
export function safeParseWith(lookup: Lookup, input: unknown, options: ParseOptions = NO_OPTIONS, defaultType?: string): ParseResult<EnvelopeLike> {
  try {
    return parseUnchecked(lookup, input, options, options.eventType ?? defaultType);
  } catch (error) {
    // Reaching here is a bug in this package; it is still reported, not thrown.
    return fail('invalid_input', [{ code: 'invalid_input', path: '', detail: `internal error while parsing: ${(error as Error)?.message ?? String(error)}` }]);
  }
}

function parseUnchecked(lookup: Lookup, input: unknown, options: ParseOptions, expectedType: string | undefined): ParseResult<EnvelopeLike> {
  const limits = options.limits ? { ...DEFAULT_LIMITS, ...options.limits } : DEFAULT_LIMITS;
  const duplicateKeys = options.duplicateKeys ?? 'reject';
  const optionProblem = checkOptions(options);
  if (optionProblem) return fail('invalid_option', [optionProblem]);

  let value = input;
  const fromText = typeof input === 'string';
  if (fromText) {
    const decoded = decodeJson(input, limits, duplicateKeys);
    if (!decoded.ok) return fail(decoded.issue.code as ErrorCode, [decoded.issue]);
    value = decoded.value;
  }
  const format = chooseFormat(options.format, value);
  const context = limits === DEFAULT_LIMITS && duplicateKeys === 'reject' ? DEFAULT_CONTEXT : decodeContext(limits, duplicateKeys);
  const decoded = format.decode(value, context);
  const envelope = decoded.ok ? decoded.envelope : undefined;
  const result = decoded.ok
    ? readEnvelope(lookup, envelope, decoded.pathOf, format, options, expectedType, limits.maxDepth, fromText)
    : fail((decoded.issues[0]?.code ?? 'invalid_input') as ErrorCode, decoded.issues);
  return result.success ? result : learned(result.error, format, envelope, options, expectedType);
}

/** What a format needs to read JSON nested in the input, within the same limits. */
const decodeContext = (limits: Limits, duplicateKeys: DuplicateKeys): DecodeContext => ({
  limits,
  duplicateKeys,
  json: (text, path) => decodeJson(text, limits, duplicateKeys, path),
});
const DEFAULT_CONTEXT = decodeContext(DEFAULT_LIMITS, 'reject');

/** Reads the envelope a format decoded: finds its contract, validates it and upcasts it. */
function readEnvelope(
  lookup: Lookup,
  envelope: unknown,
  pathOf: ((pointer: string) => string) | undefined,
  format: Format,
  options: ParseOptions,
  expectedType: string | undefined,
  maxDepth: number,
  fromText: boolean,
): ParseResult<EnvelopeLike> {
  if (!isRecord(envelope)) {
    return fail('invalid_input', [{ code: 'invalid_input', path: '', expected: 'an object', received: typeName(envelope) }]);
  }
  if (Object.hasOwn(envelope, 'eventDetails') && !Object.hasOwn(envelope, 'additionalInformation')) {
    const detail = 'this is a detail document (it has eventDetails), not a notification: read it with safeParseDetail';
    return fail('invalid_input', [{ code: 'invalid_input', path: at('', pathOf), detail }]);
  }

  // Which contract applies.
  const named = checkEventType(typeNamed(envelope, format, expectedType), expectedType, at('/eventType', pathOf));
  if (!named.ok) return fail(named.code, [named.issue]);
  const { eventType } = named;
  const runtime = lookup.find(eventType);
  if (!runtime) return fail('unknown_event_type', [unknownType(eventType, lookup, at('/eventType', pathOf))]);

  const version = versionOf(envelope, options);
  if (typeof version !== 'number')
    return fail(version.code === 'invalid_option' ? 'invalid_option' : 'invalid_event', [
      { ...version, path: version.path === '/version' ? at('/version', pathOf) : version.path },
    ]);
  const target = options.to === undefined || options.to === 'latest' ? runtime.latest : options.to;
  if (target > runtime.latest) {
    return fail('invalid_option', [
      { code: 'invalid_option', path: '', detail: `options.to is ${target}, but ${eventType} has versions 1 to ${runtime.latest}` },
    ]);
  }

  let readAs = version;
  if (version > runtime.latest) {
    if (!options.acceptNewer) {
      return fail('unknown_version', [
        {
          code: 'unknown_version',
          path: at('/version', pathOf),
          expected: runtime.latest === 1 ? 'version 1' : `versions 1 to ${runtime.latest}`,
          received: String(version),
          detail: `Upgrade @probation/domain-events, or pass acceptNewer: true to read it as version ${runtime.latest} where it is valid there`,
        },
      ]);
    }
    readAs = runtime.latest;
  }
  if (readAs > target) {
    return fail('version_too_new', [{ code: 'version_too_new', path: at('/version', pathOf), expected: String(target), received: String(readAs) }]);
  }

  // One validation pass over the whole envelope, data included; a second, open one only when the first finds something.
  // The envelope as it is, unless the version it is read at is not the one it says (none, null, or newer with acceptNewer).
  const says = envelope.version;
  const candidate: Record<string, unknown> =
    says === readAs || (says === undefined && readAs === 1) ? envelope : withData(envelope, readAs, envelope.additionalInformation);
  const unknown = options.unknownProperties ?? 'keep';
  const checked = checkTolerantly(runtime.envelopeCheck(readAs), candidate, unknown);
  if (!checked.ok) return fail('invalid_event', validationIssues(runtime, checked.issues, candidate, readAs, unknown, pathOf));
  const warnings = checked.warnings ? { warnings: withMessages(atAll(checked.warnings, pathOf)) } : undefined;
  if (!fromText && unknownFieldsTooDeep(envelope, maxDepth)) {
    return fail('input_too_deep', [{ code: 'input_too_deep', path: '', expected: String(maxDepth) }]);
  }

  const newer = version > runtime.latest ? { readAs: { receivedVersion: version } } : undefined;
  if (readAs === target) {
    const event = (candidate.version === readAs ? candidate : withData(candidate, readAs, candidate.additionalInformation)) as unknown as EnvelopeLike;
    // The common case, a valid event at the version asked for, makes one small object.
    return newer === undefined && warnings === undefined ? { success: true, event } : { success: true, event, ...newer, ...warnings };
  }
  const upcastContext: UpcastContext = { envelope: candidate as unknown as UpcastContext['envelope'], values: options.context ?? {} };
  const chain = runChain(eventType, runtime.chain, candidate.additionalInformation, readAs, target, upcastContext, '/additionalInformation', unknown);
  if (!chain.ok) {
    const { error } = chain;
    return { success: false, error: pathOf ? new ContractError(error.code, atAll(error.issues, pathOf), error.step) : error };
  }
  return { success: true, event: withData<EnvelopeLike>(candidate, target, chain.data), upgradedFrom: readAs, ...newer, ...warnings };
}

/** The event type a document names, checked: a string, and the type expected where one is. */
export function checkEventType(
  eventType: unknown,
  expectedType: string | undefined,
  path: string,
): { readonly ok: true; readonly eventType: string } | { readonly ok: false; readonly code: ErrorCode; readonly issue: IssueInput } {
  if (typeof eventType !== 'string') {
    const issue: IssueInput =
      eventType === undefined
        ? { code: 'required', path, expected: 'string' }
        : { code: 'invalid_type', path, expected: 'string', received: typeName(eventType) };
    return { ok: false, code: 'invalid_event', issue };
  }
  if (expectedType !== undefined && eventType !== expectedType) {
    return {
      ok: false,
      code: 'event_type_mismatch',
      issue: { code: 'event_type_mismatch', path, expected: JSON.stringify(expectedType), received: JSON.stringify(eventType) },
    };
  }
  return { ok: true, eventType };
}

/** The problem with `options.version` or `options.to`: each a whole number from 1; `to` may be `'latest'`, and `version` `null` where `nullable`. */
export function versionOptionProblem(key: 'version' | 'to', value: unknown, nullable = false): IssueInput | undefined {
  if (value === undefined || (key === 'to' && value === 'latest') || (nullable && value === null) || (Number.isInteger(value) && (value as number) >= 1)) {
    return undefined;
  }
  const or = key === 'to' ? ", or 'latest'" : nullable ? ', or null' : '';
  return { code: 'invalid_option', path: '', detail: `options.${key} must be a whole number from 1${or}; received ${describeValue(value)}` };
}

function checkOptions(options: ParseOptions): IssueInput | undefined {
  if (options.format !== undefined && options.format !== 'auto' && !isFormatName(options.format)) {
    return {
      code: 'invalid_option',
      path: '',
      expected: `one of auto, ${Object.keys(FORMATS).join(', ')}`,
      received: describeValue(options.format),
      detail: `unknown format ${describeValue(options.format)}`,
    };
  }
  return versionOptionProblem('version', options.version) ?? versionOptionProblem('to', options.to);
}

/** The event type an envelope names: its own, or with a format other than `hmpps`, the one expected where it names none. Not yet checked. */
const typeNamed = (envelope: Record<string, unknown>, format: Format, expectedType: string | undefined): unknown =>
  envelope.eventType ?? (format.name === 'hmpps' ? undefined : expectedType);

/**
 * A failure with what was learned before it: the format the input was read
 * in, and from the envelope, when it is an object, the event type it names
 * and the version it is at. Made only when reading fails.
 */
function learned(error: ContractError, format: Format, envelope: unknown, options: ParseOptions, expectedType: string | undefined): ParseFailure {
  const out: { -readonly [K in keyof ParseFailure]: ParseFailure[K] } = { success: false, error };
  if (isFormatName(format.name)) out.format = format.name;
  if (!isRecord(envelope)) return out;
  const eventType = typeNamed(envelope, format, expectedType);
  if (typeof eventType !== 'string') return out;
  out.eventType = eventType;
  const version = versionOf(envelope, options);
  if (typeof version === 'number') out.version = version;
  // The document's own version, which options.version contradicts, is still the version it says it is at.
  else if (version.code === 'invalid_option') out.version = envelope.version as number;
  return out;
}

/** The version the document is at: its own, the caller's, or 1. */
function versionOf(envelope: Record<string, unknown>, options: ParseOptions): number | IssueInput {
  const own = envelope.version;
  // Some stores write a first-version notification with `version: null`; it means what no version means.
  if (own === undefined || own === null) return options.version ?? 1;
  if (typeof own !== 'number' || !Number.isInteger(own) || own < 1) {
    return { code: 'invalid_type', path: '/version', expected: 'a whole number from 1', received: describeValue(own) };
  }
  if (options.version !== undefined && options.version !== own) {
    return { code: 'invalid_option', path: '', detail: `the document says version ${own}, but options.version is ${options.version}` };
  }
  return own;
}

export function unknownType(eventType: string, lookup: Lookup<ContractRuntime>, path: string): IssueInput {
  const detail = unknownTypeHint(eventType, lookup);
  return { code: 'unknown_event_type', path, received: JSON.stringify(eventType), ...(detail ? { detail } : {}) };
}

/**
 * The event type `eventType` plainly means, among those `known` says are
 * known: itself, or itself without white space around it, or that in lower
 * case. Undefined when it means none of them.
 */
export function meantType(eventType: string, known: (type: string) => boolean): string | undefined {
  if (known(eventType)) return eventType;
  const trimmed = eventType.trim();
  if (known(trimmed)) return trimmed;
  const lower = trimmed.toLowerCase();
  return known(lower) ? lower : undefined;
}

/** What the caller most likely meant: the other reader, for a type with only the other contract; a near miss; or a type of that domain. */
function unknownTypeHint(eventType: string, lookup: Lookup<ContractRuntime>): string | undefined {
  const other = lookup.otherContract?.(eventType);
  if (other !== undefined) return other;
  const trimmed = eventType.trim();
  const meant = meantType(eventType, (type) => lookup.find(type) !== undefined);
  if (meant !== undefined) {
    return meant === trimmed
      ? `it has white space around it; did you mean ${JSON.stringify(meant)}?`
      : `event types are lower case; did you mean ${JSON.stringify(meant)}?`;
  }
  const near = lookup.known().find((known) => known.startsWith(trimmed.split('.').slice(0, 2).join('.')));
  return near ? `known types in that domain include ${JSON.stringify(near)}` : undefined;
}

/** The issues of an envelope that failed its check, and a hint where its data is valid at a later version. */
function validationIssues(
  runtime: EventRuntime,
  found: readonly IssueInput[],
  candidate: Record<string, unknown>,
  version: number,
  unknown: UnknownProperties,
  pathOf: ((p: string) => string) | undefined,
): readonly IssueInput[] {
  const issues = [...found];
  // A producer that always sends version 1 may be sending newer data: say so.
  for (let v = version + 1; v <= runtime.latest; v++) {
    if (accepts(runtime.envelopeCheck(v), withData(candidate, v, candidate.additionalInformation), unknown === 'keep')) {
      issues.push({ code: 'version_mismatch', path: '/version', expected: String(v), received: String(version) });
      break;
    }
  }
  return atAll(issues, pathOf);
}

/** Fields the schema does not describe are not validated, so their depth is checked here (values only; text was scanned). */
function unknownFieldsTooDeep(envelope: Record<string, unknown>, maxDepth: number): boolean {
  for (const key of Object.keys(envelope)) {
    if (!isEnvelopeField(key) && exceedsDepth(envelope[key], maxDepth - 1)) return true;
  }
  return false;
}

const at = (pointer: string, pathOf: ((p: string) => string) | undefined): string => (pathOf ? pathOf(pointer) : pointer);

/** What readers do with properties a contract does not name: see {@link ParseOptions.unknownProperties}. */
export type UnknownProperties = 'keep' | 'reject';

const VALID: TolerantCheck = { ok: true };

/** The verdict of a tolerant check: valid (with the unknown properties it kept), or the issues to report. */
export type TolerantCheck = { readonly ok: true; readonly warnings?: readonly IssueInput[] } | { readonly ok: false; readonly issues: readonly IssueInput[] };

/**
 * Checks `value` closed, and only when that fails, open. Valid open but not
 * closed means the value holds properties the contract does not name: with
 * `keep` they are warnings, with `reject` the closed check's issues are the
 * errors. A valid value is checked once.
 */
export function checkTolerantly(check: Check, value: unknown, unknown: UnknownProperties): TolerantCheck {
  const closed = issuesOf(check, value);
  if (closed === undefined) return VALID;
  if (unknown === 'reject') return { ok: false, issues: closed };
  const open = issuesOf(check, value, true);
  if (open !== undefined) return { ok: false, issues: open };
  // Every way the closed check fails here is an unknown property; inside an anyOf, it reports the branch, not the key.
  const warnings = closed.map(
    (issue): IssueInput =>
      issue.code === 'unknown_property'
        ? issue
        : { code: 'unknown_property', path: issue.path, detail: 'holds a property that none of its allowed shapes names' },
  );
  return { ok: true, warnings };
}

/** Issues with their paths mapped by `pathOf`, when the format gives one. */
const atAll = <I extends { readonly path: string }>(issues: readonly I[], pathOf: ((p: string) => string) | undefined): readonly I[] =>
  pathOf ? issues.map((i) => ({ ...i, path: pathOf(i.path) })) : issues;

/** Unwraps a result, throwing its error. */
export function unwrap<E>(result: ParseResult<E>): E {
  if (result.success) return result.event;
  throw result.error;
}
