/**
 * How `validate` writes its results, as they arrive: findings are printed
 * batch by batch and then forgotten, and only counts are kept for the
 * summary at the end. Three ways: text for people, one JSON document for
 * machines (written as it goes, one finding per line), and GitHub Actions
 * annotations.
 */

import type { Finding } from '../pipeline/finding.js';
import { type TallyCounts, totals } from '../pipeline/tally.js';
import type { Issue } from '../runtime/errors.js';
import { githubAnnotation, type Output, type OutputFormat } from './output.js';
import { count, plural } from './wording.js';

/** What the summary is made from. */
export interface ValidateSummary {
  readonly files: number;
  readonly strict: boolean;
  readonly counts: TallyCounts;
}

/** Writes findings as they come, then the summary. */
export interface ValidateReport {
  findings(file: string, findings: readonly Finding[]): void;
  end(summary: ValidateSummary): void;
}

/** The report for an output format. */
export function validateReport(format: OutputFormat, output: Output): ValidateReport {
  if (format === 'json') return jsonReport(output);
  const github = format === 'github';
  return {
    findings(file, findings) {
      for (const finding of findings) {
        if (github) {
          const title = `${label(finding)}${at(finding)}`;
          output.line(githubAnnotation('error', finding.issues.map(issueText).join('\n'), { file, line: finding.line, title }));
        } else for (const issue of finding.issues) output.line(`${file}:${finding.line}${at(finding)}: ${label(finding)}: ${issueText(issue)}`);
      }
    },
    end(summary) {
      for (const line of summaryLines(summary)) output.line(line);
    },
  };
}

function jsonReport(output: Output): ValidateReport {
  let first = true;
  output.line('{"findings": [');
  return {
    findings(file, findings) {
      for (const finding of findings) {
        const entry: Record<string, unknown> = { file, line: finding.line };
        if (finding.index !== undefined) entry.index = finding.index;
        if (finding.eventType !== undefined) entry.eventType = finding.eventType;
        if (finding.version !== undefined) entry.version = finding.version;
        entry.code = finding.code;
        entry.issues = finding.issues;
        output.line(`${first ? '' : ','}${JSON.stringify(entry)}`);
        first = false;
      }
    },
    end(summary) {
      const { records, ok, failed, unknown } = totals(summary.counts);
      const eventTypes: Record<string, { valid: number; invalid: number }> = {};
      for (const [type, [valid, invalid]] of sorted(summary.counts.byType)) eventTypes[type] = { valid, invalid };
      const document = {
        files: summary.files,
        records,
        valid: ok,
        invalid: failed,
        unknownEventType: unknown,
        unreadable: summary.counts.unreadable,
        blankLines: summary.counts.blank,
        strict: summary.strict,
        eventTypes,
        unknownEventTypes: Object.fromEntries(summary.counts.unknownTypes),
      };
      output.line(`], "summary": ${JSON.stringify(document)}}`);
    },
  };
}

/** Where a record is, past its line: its index in an array. */
const at = (finding: Finding): string => (finding.index === undefined ? '' : ` [${finding.index}]`);

/** What a finding is about: its event type and version, where known. */
function label(finding: Finding): string {
  if (finding.eventType === undefined) return 'record';
  return finding.version === undefined ? finding.eventType : `${finding.eventType} v${finding.version}`;
}

const issueText = (issue: Issue): string => `${issue.path === '' ? '' : `${issue.path}: `}${issue.code}: ${issue.message}`;

const sorted = <V>(map: Map<string, V>): Array<[string, V]> => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The summary, as lines of text. */
export function summaryLines(summary: ValidateSummary): string[] {
  const { counts } = summary;
  const { records, ok, failed, unknown } = totals(counts);
  const lines: string[] = [];
  for (const [type, [valid, invalid]] of sorted(counts.byType)) lines.push(`${type}: ${count(valid)} valid, ${count(invalid)} invalid`);
  if (unknown > 0) {
    const names = sorted(counts.unknownTypes).map(([type, n]) => `${JSON.stringify(type)}: ${n}`);
    let named = 0;
    for (const n of counts.unknownTypes.values()) named += n;
    const more = named < unknown ? ', and others' : '';
    lines.push(
      `unknown event types: ${plural(unknown, 'record')} (${names.join(', ')}${more}); ${summary.strict ? 'errors with --strict' : 'not errors without --strict'}`,
    );
  }
  if (counts.unreadable > 0)
    lines.push(
      `without a known event type: ${count(counts.unreadable)} invalid (not JSON, not UTF-8, too long, not an object, no eventType, or a fault in a document)`,
    );
  const blank = counts.blank > 0 ? `; ${plural(counts.blank, 'blank line')} skipped` : '';
  const unknownPart = unknown > 0 ? `, ${count(unknown)} of unknown event types` : '';
  lines.push(`${plural(records, 'record')} in ${plural(summary.files, 'file')}: ${count(ok)} valid, ${count(failed)} invalid${unknownPart}${blank}`);
  return lines;
}
