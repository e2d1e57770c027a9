/**
 * The change set: what differs between the baseline and the working tree,
 * and the semver bump each difference needs.
 * - patch: annotations only, which covers examples, metadata, upcast
 *   declarations and any other file under `schemas/` that changes no
 *   released version's meaning.
 * - minor: a new event type or a new version.
 * - major: an event type or a version removed, a released version changed
 *   (which is also an error), or an envelope change that is not compatible
 *   both ways.
 *
 * A rewrite that accepts exactly the documents it accepted before (the engine
 * finds it compatible both ways, with nothing undecided) counts as an
 * annotation: moving a definition into a shared file, adding a `type` that an
 * `enum` already implies, `const` for a one-value `enum`.
 */
import type { ContractKind } from '../../catalogue/model.js';
import { type Compatibility, classify } from '../engine.js';
import { diffSchemas, type SchemaDifference } from '../schema-diff.js';
import type { BumpLevel } from './bump.js';
import type { Snapshot } from './snapshot.js';

export type Change = { readonly level: BumpLevel; readonly description: string } & (
  | { readonly kind: 'event-type-added' | 'event-type-removed'; readonly eventType: string }
  | { readonly kind: 'contract-added' | 'contract-removed'; readonly eventType: string; readonly contract: ContractKind }
  | { readonly kind: 'version-added' | 'version-removed'; readonly eventType: string; readonly contract: ContractKind; readonly version: number }
  | {
      readonly kind: 'version-changed';
      readonly eventType: string;
      readonly contract: ContractKind;
      readonly version: number;
      readonly differences: readonly SchemaDifference[];
      readonly compatibility: Compatibility;
    }
  | { readonly kind: 'envelope-changed'; readonly compatibility: Compatibility }
  | { readonly kind: 'file-changed'; readonly file: string }
);

/** Every change from `baseline` to `current`. */
export function changesBetween(baseline: Snapshot, current: Snapshot): Change[] {
  const changes: Change[] = [];
  for (const type of baseline.eventTypes) {
    if (!current.eventTypes.has(type)) changes.push({ kind: 'event-type-removed', eventType: type, level: 'major', description: `event type ${type} removed` });
  }
  for (const type of current.eventTypes) {
    if (!baseline.eventTypes.has(type)) changes.push({ kind: 'event-type-added', eventType: type, level: 'minor', description: `new event type ${type}` });
  }
  for (const [key, versions] of baseline.versionFiles) {
    const [type, contract] = splitKey(key);
    if (!current.eventTypes.has(type)) continue;
    const now = current.versionFiles.get(key);
    if (!now) {
      changes.push({ kind: 'contract-removed', eventType: type, contract, level: 'major', description: `the ${contract} contract of ${type} removed` });
      continue;
    }
    for (const version of versions) {
      if (!now.includes(version))
        changes.push({ kind: 'version-removed', eventType: type, contract, version, level: 'major', description: `${key} v${version} removed` });
    }
  }
  for (const [key, versions] of current.versionFiles) {
    const [type, contract] = splitKey(key);
    if (!baseline.eventTypes.has(type)) continue;
    const before = baseline.versionFiles.get(key);
    if (!before) {
      changes.push({ kind: 'contract-added', eventType: type, contract, level: 'minor', description: `new ${contract} contract for ${type}` });
      continue;
    }
    for (const version of versions) {
      if (!before.includes(version))
        changes.push({ kind: 'version-added', eventType: type, contract, version, level: 'minor', description: `new version ${key} v${version}` });
    }
  }
  changes.push(...releasedVersionChanges(baseline, current), ...envelopeChanges(baseline, current));
  for (const file of new Set([...baseline.files.keys(), ...current.files.keys()])) {
    if (baseline.files.get(file) !== current.files.get(file)) changes.push({ kind: 'file-changed', file, level: 'patch', description: `${file} changed` });
  }
  return changes;
}

const splitKey = (key: string): [string, ContractKind] => {
  const slash = key.lastIndexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1) as ContractKind];
};

/** A compatibility, in words. */
export const COMPATIBILITY_TEXT: Readonly<Record<Compatibility, string>> = {
  full: 'compatible both ways',
  backward: 'backward compatible only: old data stays valid, old readers reject new data',
  forward: 'forward compatible only: old readers accept new data, old data becomes invalid',
  none: 'neither backward nor forward compatible',
};

function releasedVersionChanges(baseline: Snapshot, current: Snapshot): Change[] {
  const out: Change[] = [];
  for (const before of baseline.catalogue.events.flatMap((e) => e.contracts)) {
    const after = current.catalogue.events.find((e) => e.type === before.type)?.contracts.find((c) => c.kind === before.kind);
    for (const old of before.versions) {
      const now = after?.versions.find((v) => v.version === old.version);
      if (!now) continue;
      const differences = diffSchemas({ schema: old.schema, documents: baseline.documents }, { schema: now.schema, documents: current.documents });
      if (differences.length === 0) continue;
      const { compatibility } = classify(baseline.normal(old.schema), current.normal(now.schema));
      if (compatibility === 'full') continue;
      out.push({
        kind: 'version-changed',
        eventType: before.type,
        contract: before.kind,
        version: old.version,
        differences,
        compatibility,
        level: 'major',
        description: `released version ${before.type}/${before.kind} v${old.version} changed`,
      });
    }
  }
  return out;
}

function envelopeChanges(baseline: Snapshot, current: Snapshot): Change[] {
  const old = baseline.catalogue.envelope;
  const now = current.catalogue.envelope;
  // A baseline from before the envelope existed released nothing to break.
  if (!baseline.files.has(old.file) || !current.files.has(now.file)) return [];
  if (diffSchemas({ schema: old, documents: baseline.documents }, { schema: now, documents: current.documents }).length === 0) return [];
  const { compatibility } = classify(baseline.normal(old), current.normal(now));
  if (compatibility === 'full') return [];
  return [{ kind: 'envelope-changed', compatibility, level: 'major', description: `the envelope changed incompatibly (${COMPATIBILITY_TEXT[compatibility]})` }];
}
