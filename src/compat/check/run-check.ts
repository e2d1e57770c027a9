/**
 * The `check` pipeline: read both snapshots (parse), normalise their schemas
 * as rules ask for them, work out the change set and the bump it needs, run
 * every rule, and return the findings sorted by file and pointer (report).
 */
import { readPackageInfo } from '../../catalogue/package-json.js';
import { invalidSchema } from '../../lint/invalid-schema.js';
import { loadProblems } from '../../lint/load-problems.js';
import { missingExamples } from '../../lint/missing-examples.js';
import { naming } from '../../lint/naming.js';
import { placeholders } from '../../lint/placeholders.js';
import { requiredWithoutProperty } from '../../lint/required-without-property.js';
import { sources } from '../../lint/sources.js';
import { timelineFields } from '../../lint/timeline-fields.js';
import { unsupportedKeyword } from '../../lint/unsupported-keyword.js';
import { largestBump } from './bump.js';
import { changesBetween } from './changes.js';
import { listChangesets, newSince, readChangeset } from './changesets.js';
import type { BumpSummary, CheckContext, CheckRule } from './context.js';
import { changesetBump } from './evolution/changeset.js';
import { notForwardCompatible } from './evolution/not-forward-compatible.js';
import { releasedVersionChanged } from './evolution/released-version-changed.js';
import { removed } from './evolution/removed.js';
import { upcasterInvalid } from './evolution/upcaster-invalid.js';
import { upcasterRequired } from './evolution/upcaster-required.js';
import type { Finding } from './finding.js';
import { readSnapshot } from './snapshot.js';

/** Every rule `check` runs: evolution rules first, then the lint rules. */
export const CHECK_RULES: readonly CheckRule[] = [
  releasedVersionChanged,
  removed,
  upcasterRequired,
  upcasterInvalid,
  notForwardCompatible,
  changesetBump,
  loadProblems,
  naming,
  requiredWithoutProperty,
  missingExamples,
  placeholders,
  sources,
  unsupportedKeyword,
  invalidSchema,
  timelineFields,
];

export interface CheckOptions {
  /** The working tree: a folder with `schemas/`, `package.json` and, usually, `.changeset/`. */
  readonly root: string;
  /** The baseline: a folder with `schemas/` and, when it has one, `.changeset/`. */
  readonly baselineRoot: string;
}

export interface CheckResult {
  readonly findings: readonly Finding[];
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
  const findings = CHECK_RULES.flatMap((rule) => rule(context)).sort(
    (a, b) => compare(a.file, b.file) || compare(a.pointer, b.pointer) || compare(a.code, b.code),
  );
  return { findings, bump, changes: changes.map((c) => ({ level: c.level, description: c.description })) };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
