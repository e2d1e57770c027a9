/**
 * What the toolchain reports about the files it reads: `check` (its
 * evolution and lint rules), `import` and the catalogue loader each report
 * diagnostics, and the commands print them as findings. A diagnostic has a
 * stable code, a severity, a message, the file it is about and a JSON
 * Pointer inside it. What is wrong with an event being read is another
 * thing: the runtime's `ContractError` issues.
 */
import type { ContractKind } from './catalogue/model.js';

/** `error` fails the command (exit 1); `warning` is a defect that does not; `notice` is a step worth knowing about. */
export type Severity = 'error' | 'warning' | 'notice';

export interface Diagnostic<Code extends string = string> {
  readonly code: Code;
  readonly severity: Severity;
  /** The file it is about: repository-relative in the catalogue (`schemas/approved-premises.booking.cancelled/detail/v1.schema.json`), or an `import` source as given. */
  readonly file: string;
  /** JSON Pointer into `file`; `""` for the file as a whole. */
  readonly pointer: string;
  readonly message: string;
  /** The event type it is about, where one file describes several (an `import` source); once known. */
  readonly eventType?: string;
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

/** What is wrong, and where: a diagnostic before whoever reports it gives it a code and a severity. */
export type Problem = Pick<Diagnostic, 'file' | 'pointer' | 'message'>;
