/**
 * The versions the change set adds, each with the versions before it, and
 * the compatibility of each against them; shared by the rules about new
 * versions.
 */
import type { ContractSource, EventTypeSource, VersionSource } from '../../../catalogue/model.js';
import { type Classification, classify } from '../../engine.js';
import type { Reason } from '../../rule.js';
import type { CheckContext } from '../context.js';
import { contractKey } from '../snapshot.js';

export interface NewVersion {
  readonly event: EventTypeSource;
  readonly contract: ContractSource;
  readonly version: VersionSource;
  /** This version against each earlier one, nearest first (so `[0]` is the previous version). */
  readonly against: readonly (Classification & { readonly from: number })[];
}

const found = new WeakMap<CheckContext, readonly NewVersion[]>();
const TOLERANT = { tolerant: true } as const;

/** Every version in the working tree that the baseline does not have, from version 2 on; classified once per check, however many rules ask. */
export function newVersions(context: CheckContext): readonly NewVersion[] {
  let out = found.get(context);
  if (!out) {
    out = classifyNewVersions(context);
    found.set(context, out);
  }
  return out;
}

function classifyNewVersions({ baseline, current }: CheckContext): NewVersion[] {
  const out: NewVersion[] = [];
  for (const event of current.catalogue.events) {
    for (const contract of event.contracts) {
      const released = baseline.versionFiles.get(contractKey(event.type, contract.kind)) ?? [];
      for (const version of contract.versions) {
        if (version.version === 1 || released.includes(version.version)) continue;
        const earlier = contract.versions.filter((v) => v.version < version.version).reverse();
        const against = earlier.map((older) => ({
          from: older.version,
          // As consumers read: a property one version adds and the other does not name is kept, not a break.
          ...classify(current.normal(older.schema), current.normal(version.schema), { older: `v${older.version}`, newer: `v${version.version}` }, TOLERANT),
        }));
        out.push({ event, contract, version, against });
      }
    }
  }
  return out;
}

/** Reasons as one line each, with where they are and whether they were decided. */
export function describeReasons(reasons: readonly Reason[]): string {
  return reasons.map((r) => `${r.message} (at ${r.pointer || '/'}${r.decided ? '' : '; undecided'})`).join('; ');
}
