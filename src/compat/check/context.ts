/**
 * The shape of a `check` rule, declared as a value: the code it reports
 * under, its severity, what it finds in one line, and the function that
 * finds it. And what every rule is given: both snapshots, the change set
 * between them, and the bump it needs against the bump the new changesets
 * declare.
 */

import type { Diagnostic, Problem } from '../../diagnostic.js';
import type { BumpLevel } from './bump.js';
import type { Change } from './changes.js';
import type { PendingChangeset } from './changesets.js';
import type { Snapshot } from './snapshot.js';

export interface BumpSummary {
  /** What the change set needs; `none` when nothing under `schemas/` changed. */
  readonly required: BumpLevel;
  /** The largest bump the new changesets declare for the package; undefined when none names it. */
  readonly declared: BumpLevel | undefined;
  /** The package's name and current version, from package.json. */
  readonly packageName: string;
  readonly version: string;
}

export interface CheckContext {
  readonly baseline: Snapshot;
  readonly current: Snapshot;
  readonly changes: readonly Change[];
  /** Changesets added or edited since the baseline. */
  readonly changesets: readonly PendingChangeset[];
  readonly bump: BumpSummary;
}

/**
 * What a rule finds: a problem, which `check` reports under the rule's code
 * and severity. A rule may give a milder case a milder severity (its summary
 * says when), and `upcaster-invalid` gives its counterexample.
 */
export type RuleProblem = Problem & Partial<Pick<Diagnostic, 'severity' | 'counterexample'>>;

/** A `check` rule. `check --help` and the README's table of codes list every rule by its code, severity and summary. */
export interface CheckRule<Code extends string = string> {
  readonly code: Code;
  /** `error` fails the check; `warning` does not. */
  readonly severity: 'error' | 'warning';
  /** What it finds, in one line. */
  readonly summary: string;
  readonly run: (context: CheckContext) => readonly RuleProblem[];
}

/** Declares a rule, keeping its code's literal type. */
export const checkRule = <Code extends string>(rule: CheckRule<Code>): CheckRule<Code> => rule;

/** A rule's problem as `check` reports it: with the rule's code, and its severity unless the problem has its own. */
export function diagnosticOf<Code extends string>(rule: CheckRule<Code>, problem: RuleProblem): Diagnostic<Code> {
  const { file, pointer, message, counterexample } = problem;
  const severity = problem.severity ?? rule.severity;
  return counterexample === undefined
    ? { code: rule.code, severity, file, pointer, message }
    : { code: rule.code, severity, file, pointer, message, counterexample };
}
