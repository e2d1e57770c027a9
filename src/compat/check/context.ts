/**
 * What every `check` rule is given: both snapshots, the change set between
 * them, and the bump it needs against the bump the new changesets declare.
 */
import type { BumpLevel } from './bump.js';
import type { Change } from './changes.js';
import type { PendingChangeset } from './changesets.js';
import type { Finding } from './finding.js';
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

/** A `check` rule: the findings it makes of the context. */
export type CheckRule = (context: CheckContext) => Finding[];
