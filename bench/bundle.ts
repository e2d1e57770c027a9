/**
 * What a consumer ships: esbuild bundles (minified, tree-shaken, ESM for the
 * browser or a Lambda) of a module that reads one event type, and of one that
 * reads the whole catalogue, gzipped at level 9. The built package carries
 * its own zod, which is counted. The size without zod is given too: the same
 * modules bundled from this repository's sources with zod left out.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROOT } from '../test/support/repo.js';

export interface BundleSize {
  readonly minified: number;
  readonly gzip: number;
  readonly gzipWithoutZod: number;
}

export interface BundleResults {
  readonly oneEventType: BundleSize & { readonly eventType: string };
  readonly wholeCatalogue: BundleSize;
}

const one = (from: string) => `import { cas1BookingCancelled } from '${from}';
export const read = (text) => cas1BookingCancelled.safeParse(text);
`;
const all = (from: string) => `import { safeParse } from '${from}';
export const read = (text) => safeParse(text);
`;

async function size(project: string, source: (from: string) => string, built: string, sources: string): Promise<BundleSize> {
  const bundle = async (from: string, external: string[]) => {
    const entry = join(project, `entry-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(entry, source(from));
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      treeShaking: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      external,
      logLevel: 'error',
    });
    return (result.outputFiles[0] as { contents: Uint8Array }).contents;
  };
  const whole = await bundle(built, []);
  const withoutZod = await bundle(sources, ['zod', 'zod/*']);
  return { minified: whole.byteLength, gzip: gzipSync(whole, { level: 9 }).byteLength, gzipWithoutZod: gzipSync(withoutZod, { level: 9 }).byteLength };
}

export async function benchBundle(): Promise<BundleResults> {
  // A consumer project that has this package (as built) and zod installed.
  const project = mkdtempSync(join(tmpdir(), 'domain-events-bench-'));
  try {
    mkdirSync(join(project, 'node_modules/@probation'), { recursive: true });
    symlinkSync(ROOT, join(project, 'node_modules/@probation/domain-events'));
    symlinkSync(join(ROOT, 'node_modules/zod'), join(project, 'node_modules/zod'));
    const type = 'approved-premises.booking.cancelled';
    return {
      oneEventType: { eventType: type, ...(await size(project, one, `@probation/domain-events/events/${type}`, join(ROOT, `generated/events/${type}.ts`))) },
      wholeCatalogue: await size(project, all, '@probation/domain-events', join(ROOT, 'src/index.ts')),
    };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
