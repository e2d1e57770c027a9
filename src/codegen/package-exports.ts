/**
 * The package's `exports` map, derived from the catalogue: the runtime, one
 * subpath per event type, and every raw JSON Schema, each listed explicitly.
 * `generate` keeps it in package.json; `generate --check` fails when it is stale.
 */
import type { Catalogue } from '../catalogue/model.js';

type Conditions = { readonly import: { types: string; default: string }; readonly require: { types: string; default: string } };

const entry = (path: string): Conditions => ({
  import: { types: `./dist/${path}.d.ts`, default: `./dist/${path}.js` },
  require: { types: `./dist/${path}.d.cts`, default: `./dist/${path}.cjs` },
});

export function exportsMap(catalogue: Catalogue): Record<string, Conditions | string> {
  const map: Record<string, Conditions | string> = { '.': entry('index') };
  for (const event of catalogue.events) map[`./events/${event.type}`] = entry(`events/${event.type}`);
  const schemaFiles = [
    catalogue.envelope.file,
    ...catalogue.shared.map((s) => s.file),
    ...catalogue.events.flatMap((e) => e.contracts.flatMap((c) => c.versions.map((v) => v.schema.file))),
  ].sort();
  for (const file of schemaFiles) map[`./${file}`] = `./${file}`;
  map['./package.json'] = './package.json';
  return map;
}

/** The tsup entry points: the runtime and one per event type. */
export function buildEntries(catalogue: Catalogue): Record<string, string> {
  const entries: Record<string, string> = { index: 'src/index.ts' };
  for (const event of catalogue.events) entries[`events/${event.type}`] = `generated/events/${event.type}.ts`;
  return entries;
}

/**
 * `typesVersions`, for TypeScript's legacy `node10` resolution, which ignores
 * `exports`: each event subpath listed explicitly, like the exports map.
 */
export function typesVersions(catalogue: Catalogue): { '*': Record<string, string[]> } {
  const paths: Record<string, string[]> = {};
  for (const event of catalogue.events) paths[`events/${event.type}`] = [`./dist/events/${event.type}.d.ts`];
  return { '*': paths };
}
