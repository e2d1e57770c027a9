/**
 * Validating records: each is read by the runtime's one parse path, exactly
 * as a consumer's `safeParse` would read it (format, dispatch, validation,
 * upcast to the latest version), and counted by event type. Only invalid
 * records are described, with every issue.
 */
import { registry } from '../index.js';
import { type ContractError, contractError, type IssueInput } from '../runtime/errors.js';
import { type ParseOptions, safeParseWith } from '../runtime/parse.js';
import type { Finding } from './finding.js';
import type { Job, JobOutput, ValidateSpec } from './job.js';
import { catalogueType, identify } from './record-identity.js';
import { Tally } from './tally.js';

/** The validate job of a spec. */
export function createValidateJob(spec: ValidateSpec): Job {
  const options: ParseOptions = parseOptionsOf(spec.record);
  let tally = new Tally();
  let findings: Finding[] = [];

  const fail = (error: ContractError, line: number, index: number | undefined, identity: { eventType?: string; version?: number }) => {
    const finding: { -readonly [K in keyof Finding]: Finding[K] } = { line, code: error.code, issues: error.issues };
    if (index !== undefined) finding.index = index;
    if (identity.eventType !== undefined) finding.eventType = identity.eventType;
    if (identity.version !== undefined) finding.version = identity.version;
    findings.push(finding);
  };

  return {
    record(text, line, index) {
      const result = safeParseWith(registry.lookup, text, options);
      if (result.success) {
        tally.ok(result.event.eventType);
        return;
      }
      const identity = identify(text, spec.record);
      const known = catalogueType(identity.eventType);
      if (result.error.code === 'unknown_event_type' && known === undefined) {
        tally.unknown(identity.eventType ?? '');
        if (!spec.strict) return;
      } else tally.failed(known);
      fail(result.error, line, index, identity);
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

/** The parse options for records read this way. */
export function parseOptionsOf(record: ValidateSpec['record'], extra: Pick<ParseOptions, 'to' | 'context'> = {}): ParseOptions {
  const options: { -readonly [K in keyof ParseOptions]: ParseOptions[K] } = { format: record.format };
  if (record.eventType !== undefined) options.eventType = record.eventType;
  if (record.version !== undefined) options.version = record.version;
  if (extra.to !== undefined) options.to = extra.to;
  if (extra.context !== undefined) options.context = extra.context;
  return options;
}
