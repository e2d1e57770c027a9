/**
 * What `import` found while converting: each finding has a level, a stable
 * code, and the JSON Pointer into the source file it is about.
 */

/** `error`: not converted (the event is not written); `warning`: a defect in the source, converted as described; `notice`: a conversion worth knowing about. */
export type FindingLevel = 'error' | 'warning' | 'notice';

export type FindingCode =
  | 'unsupported-source'
  | 'unsupported-keyword'
  | 'external-ref'
  | 'unresolved-ref'
  | 'recursive-ref'
  | 'allof-conflict'
  | 'oneof-overlap'
  | 'tuple-items'
  | 'placeholder-property'
  | 'nested-properties'
  | 'contradiction'
  | 'pattern'
  | 'required-without-property'
  | 'mixed-drafts'
  | 'nullable'
  | 'closed-object'
  | 'free-form-object'
  | 'format-dropped'
  | 'annotation-dropped'
  | 'shared-schema'
  | 'no-data'
  | 'event-type'
  | 'version'
  | 'metadata'
  | 'example'
  | 'exists'
  | 'duplicate';

export interface Finding {
  readonly level: FindingLevel;
  readonly code: FindingCode;
  /** The source file the pointer is into, as given (or as a reference named it). */
  readonly file: string;
  /** JSON Pointer into the source file; `""` is the whole file. */
  readonly pointer: string;
  readonly message: string;
  /** The event type the finding is about, once known. */
  readonly eventType?: string;
}

/** Collects findings, tagging them with the file read and the event being converted. */
export class Findings {
  readonly list: Finding[] = [];
  eventType: string | undefined;

  constructor(public file = '') {}

  add(level: FindingLevel, code: FindingCode, pointer: string, message: string): void {
    const { file, eventType } = this;
    this.list.push(eventType === undefined ? { level, code, file, pointer, message } : { level, code, file, pointer, message, eventType });
  }

  error(code: FindingCode, pointer: string, message: string): void {
    this.add('error', code, pointer, message);
  }

  warning(code: FindingCode, pointer: string, message: string): void {
    this.add('warning', code, pointer, message);
  }

  notice(code: FindingCode, pointer: string, message: string): void {
    this.add('notice', code, pointer, message);
  }

  /** Errors found for the current event since `mark`. */
  errorsSince(mark: number): number {
    return this.list.slice(mark).filter((f) => f.level === 'error').length;
  }
}
