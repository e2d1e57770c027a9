/**
 * Reading one record the way a consumer reads it: a notification through
 * `safeParse`'s path (any layout), a detail document through
 * `safeParseDetail`'s, both brought to the version asked for. A record is a
 * detail document when the input format says so, or, with `auto`, when it
 * is an object with `eventDetails`. A record that fails keeps what the reader
 * learned of it, its event type and version, and is counted by them.
 */
import { registry } from '../index.js';
import { type DetailParseFailure, type DetailParseOptions, safeParseDetailWith } from '../runtime/detail.js';
import type { ContractError, ErrorCode } from '../runtime/errors.js';
import { ENCODERS } from '../runtime/formats/encoders.js';
import { chooseFormat } from '../runtime/formats/index.js';
import { DEFAULT_LIMITS, decodeJson } from '../runtime/json-text.js';
import { isRecord } from '../runtime/own-properties.js';
import { meantType, type ParseFailure, type ParseOptions, safeParseWith, type UnknownProperties } from '../runtime/parse.js';
import { lookupsOf } from '../runtime/runtimes.js';
import type { RecordOptions } from './job.js';
import type { Tally } from './tally.js';

/** The registry's contracts by event type: looked up once, not for every record. */
const lookups = lookupsOf(registry);

/** A record read: its event type and version now, and (when asked for) the document to write back in its own layout. */
export type RecordRead =
  | {
      readonly success: true;
      readonly contract: 'notification' | 'detail';
      readonly eventType: string;
      readonly version: number;
      readonly upgradedFrom?: number;
      readonly document: unknown;
    }
  | RecordFailure;

/** A record that could not be read, with the event type it names and the version it is at, where the reader learned them. */
export interface RecordFailure {
  readonly success: false;
  readonly contract: 'notification' | 'detail';
  readonly error: ContractError;
  readonly eventType?: string;
  readonly version?: number;
}

/** What a read may add to the record options. */
export interface ReadExtra {
  readonly to?: number | 'latest';
  readonly context?: Readonly<Record<string, unknown>>;
  /** The stored version of this record, where its row says it (NULL: 1). */
  readonly version?: number | null;
  /** Whether to lay the document out again for writing (upcast does; validate does not). Default false. */
  readonly encode?: boolean;
  /** Properties the contract does not name: kept (the default) or errors. */
  readonly unknownProperties?: UnknownProperties;
}

/**
 * What the detail reader is given, when a record is a detail document as
 * `auto` decides (an object with `eventDetails`); undefined when it is read
 * as a notification. The text of a detail document is decoded here as the
 * detail reader decodes it (the default limits, duplicate keys refused), and
 * the reader is given the value, so the text is read once.
 */
export function detailInput(record: unknown, options: RecordOptions): { readonly input: unknown } | undefined {
  if (options.format === 'detail') return { input: record };
  if (options.format !== 'auto') return undefined;
  if (typeof record !== 'string') return isDetailDocument(record) ? { input: record } : undefined;
  // Most records are notifications; only text that names eventDetails is decoded to look.
  if (!record.includes('"eventDetails"')) return undefined;
  const decoded = decodeJson(record, DEFAULT_LIMITS, 'reject');
  if (decoded.ok) return isDetailDocument(decoded.value) ? { input: decoded.value } : undefined;
  // Text the reader refuses, such as one with a duplicate key, is told apart as JSON.parse reads it, and its reader reports why from the text.
  const lenient = decodeJson(record, DEFAULT_LIMITS, 'last-wins');
  return lenient.ok && isDetailDocument(lenient.value) ? { input: record } : undefined;
}

const isDetailDocument = (value: unknown): boolean => isRecord(value) && Object.hasOwn(value, 'eventDetails');

/** Reads `record` (its text, or a decoded value) as `options` say. Never throws. */
export function readRecord(record: unknown, options: RecordOptions, extra: ReadExtra = {}): RecordRead {
  const version = extra.version === undefined ? options.version : extra.version;
  const detail = detailInput(record, options);
  if (detail) {
    const detailOptions: { -readonly [K in keyof DetailParseOptions]: DetailParseOptions[K] } = {};
    if (options.eventType !== undefined) detailOptions.eventType = options.eventType;
    if (version !== undefined) detailOptions.version = version;
    if (extra.to !== undefined) detailOptions.to = extra.to;
    if (extra.context !== undefined) detailOptions.context = extra.context;
    if (extra.unknownProperties !== undefined) detailOptions.unknownProperties = extra.unknownProperties;
    const result = safeParseDetailWith(lookups.detail, detail.input, detailOptions);
    if (!result.success) return failure('detail', result);
    const read = { success: true, contract: 'detail', eventType: result.detail.eventType as string, version: result.version, document: result.detail } as const;
    return result.upgradedFrom === undefined ? read : { ...read, upgradedFrom: result.upgradedFrom };
  }
  const parseOptions: { -readonly [K in keyof ParseOptions]: ParseOptions[K] } = { format: options.format === 'detail' ? 'auto' : options.format };
  if (options.eventType !== undefined) parseOptions.eventType = options.eventType;
  if (version !== undefined && version !== null) parseOptions.version = version;
  if (extra.to !== undefined) parseOptions.to = extra.to;
  if (extra.context !== undefined) parseOptions.context = extra.context;
  if (extra.unknownProperties !== undefined) parseOptions.unknownProperties = extra.unknownProperties;
  const result = safeParseWith(lookups.notification, record, parseOptions);
  if (!result.success) return failure('notification', result);
  const { event } = result;
  const document = extra.encode ? ENCODERS[chooseFormat(parseOptions.format, typeof record === 'string' ? event : record).name](event) : undefined;
  const read = { success: true, contract: 'notification', eventType: event.eventType, version: event.version, document } as const;
  return result.upgradedFrom === undefined ? read : { ...read, upgradedFrom: result.upgradedFrom };
}

function failure(contract: 'notification' | 'detail', failed: ParseFailure | DetailParseFailure): RecordFailure {
  const out: { -readonly [K in keyof RecordFailure]: RecordFailure[K] } = { success: false, contract, error: failed.error };
  if (failed.eventType !== undefined) out.eventType = failed.eventType;
  if (failed.version !== undefined) out.version = failed.version;
  return out;
}

/**
 * The catalogue's name for an event type a record names: itself, or the name
 * it plainly means (white space around it, or capitals), or undefined. A near
 * miss is a broken record of that type, not a type of its own.
 */
const catalogueType = (eventType: string | undefined): string | undefined =>
  eventType === undefined ? undefined : meantType(eventType, (type) => registry.get(type) !== undefined);

/**
 * Counts a record that failed with an error of `code`: under the catalogue's
 * name for the event type it names, or among records without a known type;
 * or, when its type is one the catalogue does not know at all, as a record of
 * an unknown type, which is what it returns then.
 */
export function countFailure(tally: Tally, code: ErrorCode, eventType: string | undefined): 'failed' | 'unknown' {
  const known = catalogueType(eventType);
  if (code === 'unknown_event_type' && known === undefined) {
    tally.unknown(eventType ?? '');
    return 'unknown';
  }
  tally.failed(known);
  return 'failed';
}
