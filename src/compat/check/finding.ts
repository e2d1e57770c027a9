/**
 * What `domain-events check` reports. Every finding has a stable code, a
 * severity, the file it is about and a JSON Pointer inside it (empty for the
 * whole file). Errors fail the check (exit 1); warnings do not.
 */
import type { LoadProblemCode } from '../../catalogue/load.js';
import type { ContractKind } from '../../catalogue/model.js';

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
  | LoadProblemCode
  | 'required-without-property'
  | 'missing-examples'
  | 'example-invalid'
  | 'unsupported-keyword'
  | 'invalid-schema'
  | 'timeline-field';

export type Severity = 'error' | 'warning';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Repository-relative path, such as `schemas/approved-premises.booking.cancelled/v1.schema.json`. */
  readonly file: string;
  /** JSON Pointer into `file`; `""` for the file as a whole. */
  readonly pointer: string;
  readonly message: string;
  /** For `upcaster-invalid`: valid data of a step's earlier version that the step does not turn into valid data of the next. */
  readonly counterexample?: Counterexample;
}

/** Data an upcast step gets wrong, and what it made of it. */
export interface Counterexample {
  readonly step: { readonly eventType: string; readonly contract: ContractKind; readonly from: number; readonly to: number };
  /** Valid data of the earlier version. */
  readonly input: unknown;
  /** What the step made of it; absent where the step threw. */
  readonly output?: unknown;
  /** JSON Pointer into `output` where it is not valid data of the next version; absent where the step threw. */
  readonly path?: string;
}

/** A finding with severity `error`. */
export const error = (code: FindingCode, file: string, pointer: string, message: string): Finding => ({ code, severity: 'error', file, pointer, message });

/** A finding with severity `warning`. */
export const warning = (code: FindingCode, file: string, pointer: string, message: string): Finding => ({ code, severity: 'warning', file, pointer, message });
