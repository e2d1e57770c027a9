/**
 * Errors are data. A safe call returns `{ success: false, error }`; the
 * throwing call throws the same {@link ContractError}. Its `issues` list is
 * never empty, and each issue has a stable `code`, a JSON Pointer `path`, and
 * `expected` / `received` where they apply. The text of every message is made
 * in one place, `messages.ts`, from the code and its parameters.
 */
import type { ContractIssueCode, FetchIssueCode, InputIssueCode, IssueCode } from './issue-codes.js';
import { messageFor } from './messages.js';

export type { IssueCode };

/** Stable codes for an error as a whole: the code of an input or contract problem, or the kind of the issues it holds. */
export type ErrorCode = InputIssueCode | Exclude<ContractIssueCode, 'version_mismatch'> | FetchIssueCode | 'invalid_event' | 'upcast_failed' | 'invalid_option';

/** One problem with an input. */
export interface Issue {
  readonly code: IssueCode;
  /** JSON Pointer (RFC 6901) from the root of the document, e.g. `/additionalInformation/referralId`; `""` is the root. */
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}

/** An issue before its message is written. */
export type IssueInput = Omit<Issue, 'message'> & { readonly detail?: string };

/** The upcast step that failed: upgrading `eventType` data from version `from` to `to`. */
export interface UpcastStep {
  readonly eventType: string;
  readonly from: number;
  readonly to: number;
}

/** Thrown by `parse` and `build`, and returned by `safeParse`. */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  readonly code: ErrorCode;
  /** Every problem found; never empty. */
  readonly issues: readonly Issue[];
  /** Set when an upcast step failed. */
  readonly step?: UpcastStep;

  constructor(code: ErrorCode, issues: readonly Issue[], step?: UpcastStep) {
    if (issues.length === 0) throw new TypeError('a ContractError needs at least one issue');
    const first = issues[0] as Issue;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    const where = first.path === '' ? '' : `${first.path}: `;
    const prefix = step ? `upcasting ${step.eventType} from v${step.from} to v${step.to}: ` : '';
    super(`${prefix}${where}${first.message}${more}`);
    this.code = code;
    this.issues = issues;
    if (step) this.step = step;
  }

  /** A plain-data copy, for logs and `--format json`. */
  toJSON(): { code: ErrorCode; message: string; issues: readonly Issue[]; step?: UpcastStep } {
    return { code: this.code, message: this.message, issues: this.issues, ...(this.step ? { step: this.step } : {}) };
  }
}

/** Writes the message of each issue. */
export function withMessages(inputs: readonly IssueInput[]): Issue[] {
  return inputs.map(({ detail, ...issue }) => ({ ...issue, message: messageFor(issue.code, issue, detail) }));
}

/** A ContractError from issues whose messages are not yet written. */
export const contractError = (code: ErrorCode, issues: readonly IssueInput[], step?: UpcastStep): ContractError =>
  new ContractError(code, withMessages(issues), step);
