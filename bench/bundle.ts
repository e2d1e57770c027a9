/**
 * What a consumer ships: esbuild bundles (minified, tree-shaken, ESM for the
 * browser or a Lambda) of a module that reads one event type, and of one that
 * reads the whole catalogue, gzipped at level 9, from the built package (whose
 * zod entries carry zod bundled; a reader imports none of them). The same
 * modules bundled from this repository's sources too, and where their bytes
 * come from, by origin, as esbuild's metafile attributes them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';
import { ROOT } from '../test/support/repo.js';

/** Minified bytes by where they come from. */
export interface BundleParts {
  /** zod's `z.compile`, which makes validators fast after their first uses. */
  readonly zodCompiler: number;
  readonly zodOther: number;
  /** The wire formats `auto` tells apart: SQS and CloudEvents. */
  readonly formats: number;
  /** Generated validators, types' runtime parts and upcaster wiring. */
  readonly generated: number;
  /** The rest of the runtime: parsing, messages, string formats, upcasting. */
  readonly runtime: number;
}

export interface BundleSize {
  readonly minified: number;
  /** The same bundle made from the TypeScript sources, where every part is told apart (`parts` adds up to it). */
  readonly minifiedFromSources?: number;
  readonly gzip: number;
  /** The same bundle made from the TypeScript sources, min+gz. */
  readonly gzipFromSources?: number;
  /** Runs before zod left the readers' entry points: the sources' bundle with zod left out, min+gz. */
  readonly gzipWithoutZod?: number;
  readonly parts: BundleParts;
}

function partOf(input: string): keyof BundleParts {
  if (input.includes('node_modules/zod/')) return input.endsWith('/core/compile.js') ? 'zodCompiler' : 'zodOther';
  if (input.includes('src/runtime/formats/')) return 'formats';
  return input.startsWith('generated/') || input.includes('/generated/') ? 'generated' : 'runtime';
}

/**
 * What any bundle of one event type's reader carries whatever its checks are
 * made of: the JSON Schemas its contracts' `schema()` return, and the wire
 * formats `auto` tells apart. Each min+gz alone, and the two together.
 */
export interface BundleFloor {
  readonly schemasGzip: number;
  readonly formatsGzip: number;
  readonly togetherGzip: number;
  /**
   * The same reader's bundle (from the sources) with every generated check
   * function emptied to `return 0`: everything it carries but its checks and
   * what only they call (the string formats), min+gz. Absent from runs
   * before it was measured.
   */
  readonly withoutChecksGzip?: number;
}

export interface BundleResults {
  readonly oneEventType: BundleSize & { readonly eventType: string; readonly floor?: BundleFloor };
  readonly wholeCatalogue: BundleSize;
}

/** How a consumer's bundler builds: one minified, tree-shaken ES module for any platform, kept in memory. */
const CONSUMER_BUILD = {
  bundle: true,
  minify: true,
  treeShaking: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'error',
} as const satisfies BuildOptions;

const one = (from: string) => `import { cas1BookingCancelled } from '${from}';
export const read = (text) => cas1BookingCancelled.safeParse(text);
`;
const all = (from: string) => `import { safeParse } from '${from}';
export const read = (text) => safeParse(text);
`;

async function size(project: string, source: (from: string) => string, built: string, sources: string): Promise<BundleSize> {
  const bundle = async (from: string, external: string[], parts?: Record<keyof BundleParts, number>) => {
    const entry = join(project, `entry-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(entry, source(from));
    const result = await build({ ...CONSUMER_BUILD, entryPoints: [entry], external, metafile: parts !== undefined });
    if (parts && result.metafile) {
      for (const output of Object.values(result.metafile.outputs)) {
        for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) parts[partOf(input)] += bytesInOutput;
      }
    }
    return (result.outputFiles[0] as { contents: Uint8Array }).contents;
  };
  const whole = await bundle(built, []);
  const parts = { zodCompiler: 0, zodOther: 0, formats: 0, generated: 0, runtime: 0 };
  const fromSources = await bundle(sources, [], parts);
  return {
    minified: whole.byteLength,
    minifiedFromSources: fromSources.byteLength,
    gzip: gzipSync(whole, { level: 9 }).byteLength,
    gzipFromSources: gzipSync(fromSources, { level: 9 }).byteLength,
    parts,
  };
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
      oneEventType: {
        eventType: type,
        ...(await size(project, one, `@probation/domain-events/events/${type}`, join(ROOT, `generated/events/${type}.ts`))),
        floor: await floorOf(project, type),
      },
      wholeCatalogue: await size(project, all, '@probation/domain-events', join(ROOT, 'src/index.ts')),
    };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/**
 * A generated check function, from its signature to the brace that closes it
 * (the generator writes the closing brace alone at the start of a line, and
 * nothing inside a function there), with its signature as group 1.
 */
const CHECK_FUNCTION = /^((?:export )?function check[\w$]*\(v: any, p: string, o: IssueInput\[\], open: boolean[^)]*\): number \{)\n[\s\S]*?\n\}$/gmu;

/** The one-event reader's bundle from the sources, its generated check functions emptied, min+gz; throws unless it found some to empty. */
async function withoutChecks(project: string, type: string): Promise<number> {
  const entry = join(project, 'entry-without-checks.mjs');
  writeFileSync(entry, one(join(ROOT, `generated/events/${type}.ts`)));
  let emptied = 0;
  const result = await build({
    ...CONSUMER_BUILD,
    entryPoints: [entry],
    plugins: [
      {
        name: 'empty-generated-checks',
        setup(b) {
          b.onLoad({ filter: /[\\/]generated[\\/].*\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replace(CHECK_FUNCTION, (_whole, signature: string) => {
              emptied++;
              return `${signature}\n    return 0;\n}`;
            }),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  if (emptied === 0) throw new Error('found no generated check function to empty: has the generator changed how it writes them?');
  return gzipSync((result.outputFiles[0] as { contents: Uint8Array }).contents, { level: 9 }).byteLength;
}

/** The {@link BundleFloor} of one event type. */
async function floorOf(project: string, type: string): Promise<BundleFloor> {
  const module = (await import(join(ROOT, `generated/events/${type}.ts`))) as Record<string, unknown>;
  const eventType = Object.values(module).find((v) => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === type) as
    | Record<'notification' | 'detail', { versions: number[]; schema(v: number): unknown } | undefined>
    | undefined;
  if (!eventType) throw new Error(`no event type object in ${type}`);
  const schemas = [eventType.notification, eventType.detail].flatMap((c) => (c ? c.versions.map((v) => c.schema(v)) : []));
  const schemaText = Buffer.from(JSON.stringify(schemas));
  const result = await build({
    ...CONSUMER_BUILD,
    stdin: { contents: `export { FORMATS } from ${JSON.stringify(join(ROOT, 'src/runtime/formats/index.ts'))};`, resolveDir: ROOT, loader: 'ts' },
  });
  const formats = Buffer.from((result.outputFiles[0] as { contents: Uint8Array }).contents);
  const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).byteLength;
  return {
    schemasGzip: gz(schemaText),
    formatsGzip: gz(formats),
    togetherGzip: gz(Buffer.concat([schemaText, formats])),
    withoutChecksGzip: await withoutChecks(project, type),
  };
}
