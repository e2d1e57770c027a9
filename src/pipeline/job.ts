/**
 * A job is what a run does with each record: validate it, or upcast it. The
 * same job runs on the main thread or in a worker thread; it is described by
 * a plain {@link JobSpec}, which crosses to a worker intact, and it keeps only
 * counts, findings and output, which the main thread takes batch by batch.
 */
import type { IssueInput } from '../runtime/errors.js';
import type { FormatName } from '../runtime/formats/index.js';
import type { Finding, Reject } from './finding.js';
import type { TallyCounts } from './tally.js';

/** How each record is read. */
export interface RecordOptions {
  /** The input format: a notification's layout, or `detail` for detail documents. Default `auto`, which also recognises detail documents. */
  readonly format: FormatName | 'auto' | 'detail';
  /** The event type expected: a record of another type is invalid. */
  readonly eventType?: string;
  /** The schema version of records that carry none: a detail document's (default 1), or a notification without `version`. */
  readonly version?: number;
}

/** Validate every record. */
export interface ValidateSpec {
  readonly kind: 'validate';
  readonly record: RecordOptions;
  /** Whether records of unknown event types, and properties the contracts do not name, are errors. Default false: unknown types are only counted, and unknown properties accepted. */
  readonly strict: boolean;
}

/** Upcast every record to one version. */
export interface UpcastSpec {
  readonly kind: 'upcast';
  readonly record: RecordOptions;
  /** The version to reach. */
  readonly to: number | 'latest';
  /** JSON Pointer to the event document inside each row. Default: the row is the document. */
  readonly dataField?: string;
  /** JSON Pointer to the schema version inside each row; it is rewritten with the new version. */
  readonly versionField?: string;
  /** Values for upcasters, as `ParseOptions.context`. */
  readonly context?: Readonly<Record<string, unknown>>;
}

export type JobSpec = ValidateSpec | UpcastSpec;

/** What a job has produced since it was last drained. */
export interface JobOutput {
  readonly tally: TallyCounts;
  readonly findings: Finding[];
  readonly rejects: Reject[];
  readonly output: string;
}

/** The per-record work of a run. Line numbers are those the batch gives. */
export interface Job {
  /** A record's text. */
  record(text: string, line: number, index: number | undefined): void;
  /** A record that could not be read as text (too long, or not UTF-8), or a fault in a document's structure; `bytes` are its bytes where they were kept. */
  unreadable(issue: IssueInput, line: number, index: number | undefined, bytes: Uint8Array | undefined): void;
  /** A blank line. */
  blank(): void;
  /** Takes what was produced, and starts afresh. */
  drain(): JobOutput;
}
