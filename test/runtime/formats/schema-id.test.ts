import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/catalogue/load.js';
import { schemaIdOf } from '../../../src/catalogue/schema-id.js';
import { registry } from '../../../src/index.js';

// dataschema is written from the naming convention, so the runtime needs no schema; the convention must hold.
describe('dataschema is the $id of the version schema', () => {
  const versions = registry.types.flatMap((type) => {
    const eventType = registry.get(type);
    return (eventType?.versions ?? []).map((version) => [`${type} v${version}`, { type, version, id: eventType?.schema(version as never).$id }] as const);
  });
  it.each(versions)('%s', (_name, { type, version, id }) => {
    expect(schemaIdOf(type, version)).toBe(id);
  });

  it('covers every version in schemas/', () => {
    const { catalogue } = loadCatalogue(process.cwd());
    expect(versions).toHaveLength(catalogue.events.reduce((n, e) => n + e.versions.length, 0));
  });
});
