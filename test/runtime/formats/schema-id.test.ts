import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/catalogue/load.js';
import { eventTypes } from '../../../src/index.js';
import { schemaIdOf } from '../../../src/runtime/schema-id.js';

// dataschema is written from the naming convention, so the runtime needs no schema; the convention must hold.
describe('dataschema is the $id of the version schema', () => {
  const versions = eventTypes.flatMap((eventType) =>
    (['notification', 'detail'] as const).flatMap((kind) => {
      const contract = (eventType as { [K in typeof kind]?: { versions: readonly number[]; schema(v: number): { $id?: unknown } } })[kind];
      return (contract?.versions ?? []).map(
        (version) => [`${eventType.type} ${kind} v${version}`, { type: eventType.type, kind, version, id: contract?.schema(version).$id }] as const,
      );
    }),
  );
  it.each(versions)('%s', (_name, { type, kind, version, id }) => {
    expect(schemaIdOf(type, kind, version)).toBe(id);
  });

  it('covers every version in schemas/', () => {
    const { catalogue } = loadCatalogue(process.cwd());
    expect(versions).toHaveLength(catalogue.events.reduce((n, e) => n + e.contracts.reduce((m, c) => m + c.versions.length, 0), 0));
  });
});
