/** The repository under test, and its catalogue. */
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { Catalogue, ContractKind, ContractSource, EventTypeSource, VersionSource } from '../../src/catalogue/model.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/u, '');

let cached: Catalogue | undefined;

/** The repository's own catalogue; fails the test run if it has problems. */
export function repoCatalogue(): Catalogue {
  if (cached) return cached;
  const { catalogue, problems } = loadCatalogue(ROOT);
  if (problems.length > 0) throw new Error(`the catalogue has problems: ${JSON.stringify(problems, null, 2)}`);
  cached = catalogue;
  return catalogue;
}

/** `event` with its `kind` contract's versions replaced by `map(versions)`, its `notification`, `detail` and `contracts` kept in step. */
export function withVersions(
  event: EventTypeSource,
  kind: ContractKind,
  map: (versions: readonly VersionSource[]) => readonly VersionSource[],
): EventTypeSource {
  const contracts = event.contracts.map((c) => (c.kind === kind ? { ...c, versions: map(c.versions) } : c));
  const notification = contracts.find((c) => c.kind === 'notification');
  const detail = contracts.find((c) => c.kind === 'detail');
  return { ...event, contracts, ...(notification ? { notification } : {}), ...(detail ? { detail } : {}) };
}

/** The contract that carries an event type's version history: its detail contract where it has one. */
export const historyOf = (event: EventTypeSource): ContractSource => (event.detail ?? event.notification) as ContractSource;
