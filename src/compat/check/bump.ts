/**
 * The semver bump a change needs, and whether the pending changesets declare
 * enough of one. Levels are compared through `semver`, by the versions they
 * would produce from the package's current version, so the rule is the one
 * `changeset version` applies.
 */
import semver from 'semver';

/** A changeset's bump type; `none` when nothing needs releasing. */
export type BumpLevel = 'none' | 'patch' | 'minor' | 'major';

const ORDER: readonly BumpLevel[] = ['none', 'patch', 'minor', 'major'];

/** The larger of the given levels; `none` for none. */
export function largestBump(levels: Iterable<BumpLevel>): BumpLevel {
  let out: BumpLevel = 'none';
  for (const level of levels) if (ORDER.indexOf(level) > ORDER.indexOf(out)) out = level;
  return out;
}

/** The version `level` makes of `version`: `nextVersion('0.1.0', 'minor')` is `0.2.0`. */
export function nextVersion(version: string, level: BumpLevel): string {
  if (level === 'none') return version;
  const next = semver.inc(version, level);
  if (next === null) throw new TypeError(`not a semver version: ${JSON.stringify(version)}`);
  return next;
}

/** Does a declared bump release at least what the required one would, from `version`? */
export function bumpCovers(declared: BumpLevel, required: BumpLevel, version: string): boolean {
  return semver.gte(nextVersion(version, declared), nextVersion(version, required));
}
