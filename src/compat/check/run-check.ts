/**
 * The `check` pipeline: read both snapshots (parse), normalise their schemas
 * as rules ask for them, work out the change set and the bump it needs, run
 * every rule of the registry, and return what they find as diagnostics,
 * sorted by file and pointer (report).
 */
import { readPackageInfo } from '../../catalogue/package-json.js';
import type { Diagnostic } from '../../diagnostic.js';
import { largestBump } from './bump.js';
import { changesBetween } from './changes.js';
import { listChangesets, newSince, readChangeset } from './changesets.js';
import { type BumpSummary, type CheckContext, diagnosticOf } from './context.js';
import { CHECK_RULES, type CheckCode } from './registry.js';
import { readSnapshot } from './snapshot.js';

export interface CheckOptions {
  /** The working tree: a folder with `schemas/`, `package.json` and, usually, `.changeset/`. */
  readonly root: string;
  /** The baseline: a folder with `schemas/` and, when it has one, `.changeset/`. */
  readonly baselineRoot: string;
}

export interface CheckResult {
  readonly findings: readonly Diagnostic<CheckCode>[];
  readonly bump: BumpSummary;
  /** What changed, each with the bump it needs. */
  readonly changes: readonly { readonly level: string; readonly description: string }[];
}

/** Compares the working tree under `root` with the baseline, and lints the working tree. */
export function runCheck(options: CheckOptions): CheckResult {
  const { name, version } = readPackageInfo(options.root);
  const baseline = readSnapshot(options.baselineRoot);
  const current = readSnapshot(options.root);
  const changes = changesBetween(baseline, current);
  const changesets = newSince(listChangesets(options.root), listChangesets(options.baselineRoot)).map((c) => readChangeset(c, name));
  const declared = changesets.flatMap((c) => (c.ok && c.bump !== undefined ? [c.bump] : []));
  const bump: BumpSummary = {
    required: largestBump(changes.map((c) => c.level)),
    declared: declared.length > 0 ? largestBump(declared) : undefined,
    packageName: name,
    version,
  };
  const context: CheckContext = { baseline, current, changes, changesets, bump };
  const findings = CHECK_RULES.flatMap((rule) => rule.run(context).map((problem) => diagnosticOf(rule, problem))).sort(
    (a, b) => compare(a.file, b.file) || compare(a.pointer, b.pointer) || compare(a.code, b.code),
  );
  return { findings, bump, changes: changes.map((c) => ({ level: c.level, description: c.description })) };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
