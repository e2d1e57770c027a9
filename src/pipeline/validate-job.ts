/**
 * Validating records: each is read exactly as a consumer would read it, a
 * notification by `safeParse` (format, dispatch, validation, upcast to the
 * latest version) and a detail document by `safeParseDetail`, and counted by
 * event type. Only invalid
 * records are described, with every issue.
 */
import { type ContractError, contractError, type IssueInput } from '../runtime/errors.js';
import type { Finding } from './finding.js';
import type { Job, JobOutput, ValidateSpec } from './job.js';
import { countFailure, readRecord } from './read-record.js';
import { Tally } from './tally.js';

/** With `--strict`, properties the contracts do not name are errors too. */
const STRICT = { unknownProperties: 'reject' } as const;

/** The validate job of a spec. */
export function createValidateJob(spec: ValidateSpec): Job {
  let tally = new Tally();
  let findings: Finding[] = [];

  const fail = (error: ContractError, line: number, index: number | undefined, learned: { eventType?: string; version?: number }) => {
    const finding: { -readonly [K in keyof Finding]: Finding[K] } = { line, code: error.code, issues: error.issues };
    if (index !== undefined) finding.index = index;
    if (learned.eventType !== undefined) finding.eventType = learned.eventType;
    if (learned.version !== undefined) finding.version = learned.version;
    findings.push(finding);
  };

  return {
    record(text, line, index) {
      const result = readRecord(text, spec.record, spec.strict ? STRICT : {});
      if (result.success) {
        tally.ok(result.eventType);
        return;
      }
      if (countFailure(tally, result.error.code, result.eventType) === 'unknown' && !spec.strict) return;
      fail(result.error, line, index, result);
    },
    unreadable(issue: IssueInput, line, index) {
      tally.failed(undefined);
      fail(contractError(issue.code === 'input_too_large' ? 'input_too_large' : 'invalid_json', [issue]), line, index, {});
    },
    blank() {
      tally.blank();
    },
    drain(): JobOutput {
      const output: JobOutput = { tally: tally.counts, findings, rejects: [], output: '' };
      tally = new Tally();
      findings = [];
      return output;
    },
  };
}
