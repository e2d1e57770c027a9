/**
 * What a record says it is: its format, event type and version. The parser
 * finds these on its way to a verdict; this reads them again only for records
 * that failed, to label their findings, so valid records pay nothing for it.
 */

import { registry } from '../index.js';
import { isRecord } from '../runtime/formats/format.js';
import { type DecodeContext, FORMATS, type Format, SELF_DESCRIBING } from '../runtime/formats/index.js';
import { DEFAULT_LIMITS, decodeJson } from '../runtime/json-text.js';
import type { RecordOptions } from './job.js';

/** A record's event type and version, where they can be read. */
export interface RecordIdentity {
  readonly eventType?: string;
  readonly version?: number;
}

/** The layout a decoded notification is in: the one asked for, or for `auto` the first that recognises it, else `hmpps`. */
export function formatOf(options: RecordOptions, value: unknown): Format {
  if (options.format !== 'auto' && options.format !== 'detail') return FORMATS[options.format];
  for (const format of SELF_DESCRIBING) if (format.detect?.(value)) return format;
  return FORMATS.hmpps;
}

/** Reads a record's event type and version, never throwing. `value` is the decoded record, or its text. */
export function identify(record: unknown, options: RecordOptions): RecordIdentity {
  let value = record;
  if (typeof record === 'string') {
    try {
      value = JSON.parse(record);
    } catch {
      return {};
    }
  }
  const context: DecodeContext = {
    limits: DEFAULT_LIMITS,
    duplicateKeys: 'last-wins',
    json: (text, path) => decodeJson(text, DEFAULT_LIMITS, 'last-wins', path),
  };
  let envelope: unknown;
  try {
    const decoded = formatOf(options, value).decode(value, context);
    envelope = decoded.ok ? decoded.envelope : value;
  } catch {
    envelope = value;
  }
  if (!isRecord(envelope)) return {};
  const eventType = typeof envelope.eventType === 'string' ? envelope.eventType : options.eventType;
  const own = envelope.version;
  const version = own === undefined ? (options.version ?? 1) : Number.isInteger(own) && (own as number) >= 1 ? (own as number) : undefined;
  const identity: { eventType?: string; version?: number } = {};
  if (eventType !== undefined) identity.eventType = eventType;
  if (version !== undefined && eventType !== undefined) identity.version = version;
  return identity;
}

/**
 * The catalogue's name for an event type a record carries: itself, or the
 * name it plainly means (white space around it, or capitals), or undefined.
 * A near miss is a broken record of that type, not a type of its own.
 */
export function catalogueType(eventType: string | undefined): string | undefined {
  if (eventType === undefined) return undefined;
  if (registry.get(eventType)) return eventType;
  const trimmed = eventType.trim();
  if (registry.get(trimmed)) return trimmed;
  const lower = trimmed.toLowerCase();
  return registry.get(lower) ? lower : undefined;
}
