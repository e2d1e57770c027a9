/**
 * The compatibility of an event type's versions, for the catalogue site and
 * anyone else who wants to show it: each consecutive step (v1 → v2, v2 → v3…)
 * classified as `full`, `backward`, `forward` or `none`, with the reasons,
 * and every later version against every earlier one (transitive), since a
 * consumer may still be on v1 when v3 arrives.
 *
 * @example
 * ```ts
 * import { loadCatalogue } from './catalogue/load.js';
 * import { compareVersions } from './compat/compare-versions.js';
 *
 * const { catalogue } = loadCatalogue(process.cwd());
 * const cancelled = compareVersions(catalogue, 'approved-premises.booking.cancelled');
 * // cancelled.steps[0]: { from: 1, to: 2, compatibility: 'none', backward: [...], forward: [...] }
 * ```
 */
import type { Catalogue, ContractKind, ContractSource } from '../catalogue/model.js';
import type { Problem } from '../diagnostic.js';
import { indexCatalogue } from '../schema/catalogue-index.js';
import type { SchemaDocuments } from '../schema/ref.js';
import { type Classification, classify } from './engine.js';
import type { NormalSchema } from './normal-schema.js';
import { normalise } from './normalise.js';

/** One version compared with an earlier one. */
export interface VersionStep extends Classification {
  readonly from: number;
  readonly to: number;
}

export interface EventTypeCompatibility {
  readonly eventType: string;
  readonly contract: ContractKind;
  /** Each version against the one before it, in order: v1 → v2, v2 → v3… */
  readonly steps: readonly VersionStep[];
  /** Each version against every earlier one, in order: v1 → v2, v1 → v3, v2 → v3… */
  readonly pairs: readonly VersionStep[];
  /** Parts of the schemas that could not be normalised; their comparisons are undecided. */
  readonly problems: readonly Problem[];
}

/**
 * Classifies every version change of one of `eventType`'s contracts (default: the detail contract where there is one).
 *
 * @returns undefined when the catalogue has no such event type or contract.
 */
export function compareVersions(catalogue: Catalogue, eventType: string, kind?: ContractKind): EventTypeCompatibility | undefined {
  const event = catalogue.events.find((e) => e.type === eventType);
  const contract = event && (kind ? event.contracts.find((c) => c.kind === kind) : (event.detail ?? event.notification));
  return contract ? compareEventVersions(contract, indexCatalogue(catalogue).all) : undefined;
}

/** Classifies every version change of `event`'s contract, whose `$ref`s resolve in `documents` (the catalogue's index). */
export function compareEventVersions(event: ContractSource, documents: SchemaDocuments): EventTypeCompatibility {
  const problems: Problem[] = [];
  const normal = new Map<number, NormalSchema>();
  for (const version of event.versions) {
    const result = normalise(version.schema, documents);
    problems.push(...result.problems);
    normal.set(version.version, result.schema);
  }
  const pairs: VersionStep[] = [];
  const steps: VersionStep[] = [];
  event.versions.forEach((later, i) => {
    for (const earlier of event.versions.slice(0, i)) {
      const step = compareStep(normal, earlier.version, later.version);
      pairs.push(step);
      if (earlier === event.versions[i - 1]) steps.push(step);
    }
  });
  return { eventType: event.type, contract: event.kind, steps, pairs, problems };
}

function compareStep(normal: ReadonlyMap<number, NormalSchema>, from: number, to: number): VersionStep {
  const older = normal.get(from) as NormalSchema;
  const newer = normal.get(to) as NormalSchema;
  // As consumers read them (see RuleContext.tolerant).
  const result = classify(older, newer, { older: `v${from}`, newer: `v${to}` }, { tolerant: true });
  return { from, to, compatibility: result.compatibility, backward: result.backward, forward: result.forward };
}
