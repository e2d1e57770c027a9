/**
 * What `domain-events check` reports: diagnostics with these codes, each an
 * error (which fails the check, exit 1) or a warning (which does not).
 */
import type { LoadCode } from '../../catalogue/load.js';
import type { Diagnostic } from '../../diagnostic.js';

export type FindingCode =
  // Evolution: the change set against the baseline.
  | 'released-version-changed'
  | 'version-removed'
  | 'event-type-removed'
  | 'upcaster-required'
  | 'upcaster-invalid'
  | 'not-forward-compatible'
  | 'changeset-missing'
  | 'changeset-bump-too-small'
  | 'changeset-invalid'
  // Lint: the current catalogue on its own. The loader's own codes are reused as they are.
  | LoadCode
  | 'required-without-property'
  | 'missing-examples'
  | 'example-invalid'
  | 'unsupported-keyword'
  | 'invalid-schema'
  | 'timeline-field';

/** A diagnostic of `check`. */
export type Finding = Diagnostic<FindingCode>;

/** A finding with severity `error`. */
export const error = (code: FindingCode, file: string, pointer: string, message: string): Finding => ({ code, severity: 'error', file, pointer, message });

/** A finding with severity `warning`. */
export const warning = (code: FindingCode, file: string, pointer: string, message: string): Finding => ({ code, severity: 'warning', file, pointer, message });
