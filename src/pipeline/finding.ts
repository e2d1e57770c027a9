/**
 * What a run reports about one record: a finding (validate) or a reject
 * (upcast). Both are plain data, so they cross from a worker thread intact.
 */
import type { ErrorCode, Issue, UpcastStep } from '../runtime/errors.js';

/** Where a record is in its input. */
export interface RecordPlace {
  /** Its line: 1-based, relative to its batch until the main thread numbers it. */
  readonly line: number;
  /** Its index, for an element of a JSON array. */
  readonly index?: number;
}

/** An invalid record, or one of an unknown event type under `--strict`. */
export interface Finding extends RecordPlace {
  /** The record's event type, where it could be read. */
  readonly eventType?: string;
  /** The record's schema version, where it could be read. */
  readonly version?: number;
  /** The code of the error as a whole, as `ContractError.code`. */
  readonly code: ErrorCode;
  /** Every problem, each with its JSON Pointer path; never empty. */
  readonly issues: readonly Issue[];
}

/** A record that could not be upcast, as written to the reject file. */
export interface Reject extends RecordPlace {
  /** The record's text as it was read; absent for a line too long to keep. */
  readonly input?: string;
  /** The record's bytes, base64-encoded, when they are not UTF-8 text. */
  readonly inputBase64?: string;
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly issues: readonly Issue[]; readonly step?: UpcastStep };
}

/** The same record place, renumbered to the input's own line. */
export function atLine<T extends RecordPlace>(item: T, line: number): T {
  return Object.assign({}, item, { line });
}
