/** The repository under test, and its catalogue. */
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { Catalogue } from '../../src/catalogue/model.js';

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
