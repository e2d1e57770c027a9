/**
 * What `import` found while converting: diagnostics with these codes, each
 * with the JSON Pointer into the source file it is about. Their severities
 * mean: `error`, not converted (the event is not written); `warning`, a
 * defect in the source, converted as described; `notice`, a conversion
 * worth knowing about.
 */
import type { Diagnostic, Severity } from '../diagnostic.js';

export type ImportCode =
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

/**
 * Collects diagnostics, each in the file read (as given, or as a reference
 * named it) and, once known, about the event being converted.
 */
export class Findings {
  readonly list: Diagnostic<ImportCode>[] = [];
  eventType: string | undefined;

  constructor(public file = '') {}

  add(severity: Severity, code: ImportCode, pointer: string, message: string): void {
    const { file, eventType } = this;
    this.list.push(eventType === undefined ? { code, severity, file, pointer, message } : { code, severity, file, pointer, message, eventType });
  }

  error(code: ImportCode, pointer: string, message: string): void {
    this.add('error', code, pointer, message);
  }

  warning(code: ImportCode, pointer: string, message: string): void {
    this.add('warning', code, pointer, message);
  }

  notice(code: ImportCode, pointer: string, message: string): void {
    this.add('notice', code, pointer, message);
  }

  /** Errors found for the current event since `mark`. */
  errorsSince(mark: number): number {
    return this.list.slice(mark).filter((f) => f.severity === 'error').length;
  }
}
