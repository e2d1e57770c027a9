/**
 * `domain-events generate`, timed as a user runs it (a fresh process), on
 * this catalogue and on a synthetic one of 1000 event types × 3 detail
 * versions made from approved-premises.booking.cancelled: its notification,
 * its two detail versions and upcast, renamed, plus a third detail version
 * that adds an optional field (4 schemas an event type).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonText } from '../src/catalogue/json-file.js';
import { ROOT } from '../test/support/repo.js';
import { tempRepo } from '../test/support/temp-repo.js';
import { runNode } from './processes.js';

const TEMPLATE = 'approved-premises.booking.cancelled';

export interface GenerateResults {
  readonly catalogue: { readonly eventTypes: number; readonly schemas: number; readonly seconds: number; readonly peakRssBytes: number | null };
  readonly synthetic: { readonly eventTypes: number; readonly schemas: number; readonly seconds: number; readonly peakRssBytes: number | null };
}

const writeJson = (path: string, value: unknown) => writeFileSync(path, jsonText(value));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** The contract of the template that carries its version history: its detail contract (its notification has version 1 only). */
const CONTRACT: 'notification' | 'detail' = 'detail';

/** Writes event type `synthetic-<n>.booking.cancelled` into `schemas`: the template, with a third version of its versioned contract. */
function writeSynthetic(schemas: string, n: number): void {
  const type = `synthetic-${n}.booking.cancelled`;
  const from = join(ROOT, 'schemas', TEMPLATE);
  const to = join(schemas, type);
  mkdirSync(join(to, 'examples'), { recursive: true });
  const rename = (text: string) => text.replaceAll(TEMPLATE, type).replaceAll('Cas1BookingCancelled', `Synthetic${n}BookingCancelled`);

  const event = readJson(join(from, 'event.json'));
  writeJson(join(to, 'event.json'), {
    ...event,
    eventType: type,
    title: `Synthetic booking cancelled ${n}`,
    timeline: { ...event.timeline, 3: event.timeline['2'] },
  });
  for (const dir of readdirSync(from).filter((d) => d === 'notification' || d === 'detail')) {
    mkdirSync(join(to, dir), { recursive: true });
    for (const file of readdirSync(join(from, dir))) writeFileSync(join(to, dir, file), rename(readFileSync(join(from, dir, file), 'utf8')));
  }
  const v3 = JSON.parse(rename(readFileSync(join(from, CONTRACT, 'v2.schema.json'), 'utf8')));
  writeJson(join(to, CONTRACT, 'v3.schema.json'), {
    ...v3,
    $id: v3.$id.replace(`/${CONTRACT}/v2.schema.json`, `/${CONTRACT}/v3.schema.json`),
    title: v3.title.replace(/V2$/u, 'V3'),
    properties: { ...v3.properties, note: { type: 'string', maxLength: 500, description: 'A note from whoever cancelled it.' } },
  });
  writeJson(join(to, CONTRACT, 'v3.upcast.json'), {
    $schema: '../../_meta/upcast.schema.json',
    kind: 'transform',
    description: 'Version 3 only added the optional note.',
    operations: [],
  });
  for (const file of readdirSync(join(from, 'examples'))) {
    writeFileSync(join(to, 'examples', file), rename(readFileSync(join(from, 'examples', file), 'utf8')));
    if (file.startsWith(`${CONTRACT}.v2.`)) {
      const example = JSON.parse(rename(readFileSync(join(from, 'examples', file), 'utf8')));
      const v3Example = CONTRACT === 'notification' ? { ...example, version: 3 } : example;
      writeJson(join(to, 'examples', file.replace(`${CONTRACT}.v2.`, `${CONTRACT}.v3.`)), v3Example);
    }
  }
}

async function timeGenerate(root: string) {
  const run = await runNode([join(ROOT, 'dist/cli.js'), 'generate'], { cwd: root });
  if (run.status !== 0) throw new Error(`generate failed (exit ${run.status}) in ${root}: ${run.stderr.slice(0, 2000)}`);
  return { seconds: run.seconds, peakRssBytes: run.peakRss ?? null };
}

const countSchemas = (schemas: string) =>
  readdirSync(schemas, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)v\d+\.schema\.json$/u.test(f) && !f.startsWith('_')).length;

export async function benchGenerate(syntheticTypes: number): Promise<GenerateResults> {
  const own = tempRepo('copy');
  const synthetic = tempRepo('minimal');
  try {
    const types = readdirSync(join(ROOT, 'schemas'), { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('_'));
    for (let n = 0; n < syntheticTypes; n++) writeSynthetic(join(synthetic.root, 'schemas'), n);
    return {
      catalogue: { eventTypes: types.length, schemas: countSchemas(join(own.root, 'schemas')), ...(await timeGenerate(own.root)) },
      synthetic: { eventTypes: syntheticTypes, schemas: countSchemas(join(synthetic.root, 'schemas')), ...(await timeGenerate(synthetic.root)) },
    };
  } finally {
    own.remove();
    synthetic.remove();
  }
}
