/**
 * The CLI starts without the generator's dependencies: `validate` and
 * `upcast` run in CI pipelines on every build, and TypeScript,
 * json-schema-to-typescript and prettier take over a second to load. Only the
 * commands that generate code load them, when they run. Checked on the built
 * CLI's static import graph, and on that of the modules `check` and `catalog`
 * import when they run: they read schemas, and generate no code.
 *
 * The CLI carries the libraries it uses (commander, semver, cli-progress…),
 * and what `check`, `catalog`, `validate` and `upcast` load imports nothing
 * but Node's own modules and the package's dependencies, so they run from an
 * installed copy; only the authoring commands import the toolchain.
 *
 * Nor does it load the catalogue's generated code until a command reads
 * events with it, so a broken generated file never stops `--help`, nor the
 * `generate` that repairs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHORING_TOOLCHAIN } from '../../src/cli/authoring.js';
import { ROOT, repoCatalogue } from '../support/repo.js';
import { type TempRepo, tempRepo } from '../support/temp-repo.js';

/** The built files reachable from `entry` through static imports alone, and the bare packages they import. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import … from "x"` and `import "x"`, never `import("x")`.
    for (const match of code.matchAll(/^\s*(?:import|export)\s[^;]*?\bfrom\s*"([^"]+)"|^\s*import\s*"([^"]+)"/gmu)) {
      const specifier = (match[1] ?? match[2]) as string;
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string));
    }
  };
  visit(entry);
  return { files, packages };
}

const staticPackages = (entry: string): Set<string> => staticGraph(entry).packages;

/** The packages bundled into the built files reachable from `entry` through static imports, as the build notes them (`// node_modules/<package>/…`). */
function bundledPackages(entry: string): string[] {
  const found = new Set<string>();
  for (const file of staticGraph(entry).files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^\/\/ (?:[^\n]*\/)?node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gmu)) found.add(match[1] as string);
  }
  return [...found].sort();
}

/** The built module whose source file is `name` (its file name carries a content hash). */
function built(name: string): string {
  const files = readdirSync(join(ROOT, 'dist')).filter((f) => f.startsWith(`${name}-`) && /^[A-Z0-9]+\.js$/u.test(f.slice(name.length + 1)));
  expect(files, name).toHaveLength(1);
  return join(ROOT, 'dist', files[0] as string);
}

/**
 * The files of `src/` and `generated/` reachable from `entry`, a source file,
 * through imports that stay at run time (not `import type`).
 */
function staticSources(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?\bfrom\s*'([^']+)'|^\s*import\s*'([^']+)'/gmu)) {
      const specifier = (match[1] ?? match[2]) as string;
      if (!specifier.startsWith('.')) continue;
      const path = join(dirname(file), specifier).replace(/\.js$/u, '.ts');
      if (existsSync(path)) visit(path);
    }
  };
  visit(entry);
  return seen;
}

describe('the CLI starts without the generated code', () => {
  it('from source: no static import reaches generated/', () => {
    const reached = [...staticSources(join(ROOT, 'src/cli/main.ts'))].filter((file) => file.startsWith(join(ROOT, 'generated')));
    expect(reached).toEqual([]);
  });

  /** The built files reachable from `entry` that define an event type of the catalogue. */
  const defining = (entry: string): string[] => {
    const types = repoCatalogue().events.map((e) => e.type);
    return [...staticGraph(entry).files].filter((file) => {
      const code = readFileSync(file, 'utf8');
      return types.some((type) => code.includes(`type: ${JSON.stringify(type)}`));
    });
  };

  it('built: no module it loads at start defines an event type', () => {
    expect(defining(join(ROOT, 'dist/cli.js'))).toEqual([]);
  });

  it('nor does the pipeline, which validate and upcast load when they run: with worker threads the main thread reads no record', () => {
    expect(defining(built('pipeline'))).toEqual([]);
  });

  it('the job a thread makes to read records, and the pipeline’s worker, do, so the checks above can see it', () => {
    expect(defining(built('create-job'))).not.toEqual([]);
    expect(defining(join(ROOT, 'dist/pipeline-worker.js'))).not.toEqual([]);
  });
});

describe('with a generated module broken, in a repository of its own', () => {
  // The CLI from source, as `npm run generate` runs it, with that repository's generated/ (its src/ is a link, so links are kept as they are).
  const KEEP_LINKS = ['--preserve-symlinks', '--preserve-symlinks-main', '--import', 'tsx'];
  const node = (repo: TempRepo, args: readonly string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [...KEEP_LINKS, ...args], { cwd: repo.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const sourceCli = (repo: TempRepo, ...args: string[]) => node(repo, [join(repo.root, 'src/cli/main.ts'), ...args]);
  /** The generated modules that fail to load, each imported in a process of its own run. */
  const unloadable = (repo: TempRepo): string[] => {
    const files = readdirSync(join(repo.root, 'generated'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(repo.root, 'generated', f));
    const script =
      'const failed = []; for (const f of JSON.parse(process.env.FILES)) { try { await import(f); } catch { failed.push(f); } } console.log(JSON.stringify(failed));';
    const run = node(repo, ['--input-type=module', '-e', script], { FILES: JSON.stringify(files) });
    if (run.status !== 0) throw new Error(run.stderr);
    return (JSON.parse(run.stdout) as string[]).map((f) => f.slice(repo.root.length + 1)).sort();
  };
  const BROKEN = 'generated/events/intervention.referral.sent.ts';
  let repo: TempRepo;
  let fresh: string;
  let broken: { unloadable: string[]; help: ReturnType<typeof sourceCli>; generate: ReturnType<typeof sourceCli> };
  beforeAll(() => {
    repo = tempRepo('copy');
    const first = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'generate'], { cwd: repo.root, encoding: 'utf8' });
    if (first.status !== 0) throw new Error(first.stderr);
    fresh = repo.read(BROKEN);
    repo.write(BROKEN, `${fresh}\nexport const = ;\n`);
    broken = { unloadable: unloadable(repo), help: sourceCli(repo, '--help'), generate: sourceCli(repo, 'generate') };
  });
  afterAll(() => repo?.remove());

  it('the broken module, and the index that imports it, do not load', () => {
    expect(broken.unloadable).toEqual(['generated/events/intervention.referral.sent.ts', 'generated/index.ts']);
  });

  it('--help works', () => {
    const { status, stdout, stderr } = broken.help;
    expect({ status, usage: stdout.includes('Usage: domain-events'), stderr }).toEqual({ status: 0, usage: true, stderr: '' });
  });

  it('generate works, and repairs it', () => {
    const { status, stdout, stderr } = broken.generate;
    expect({ status, stdout, stderr }).toEqual({ status: 0, stdout: expect.stringContaining(BROKEN), stderr: '' });
    expect(repo.read(BROKEN)).toBe(fresh);
  });

  it('afterwards every generated module loads, and validate reads events with them', () => {
    expect(unloadable(repo)).toEqual([]);
    const run = sourceCli(repo, 'validate', join(repo.root, 'schemas/intervention.referral.sent/examples/notification.v1.referral-sent.valid.json'));
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});

describe('the built CLI', () => {
  const packages = staticPackages(join(ROOT, 'dist/cli.js'));

  it('carries the libraries it uses, so at start it imports only Node’s own modules', () => {
    expect([...packages].filter((p) => !isBuiltin(p))).toEqual([]);
    expect(bundledPackages(join(ROOT, 'dist/cli.js'))).toContain('commander');
  });

  it('does not load the generator, the compatibility engine or the importers until a command needs them', () => {
    const heavy = ['typescript', 'json-schema-to-typescript', 'prettier', 'yaml', '@changesets/parse'];
    const loaded = [...packages, ...bundledPackages(join(ROOT, 'dist/cli.js'))];
    expect(loaded.filter((p) => heavy.includes(p))).toEqual([]);
  });
});

describe('the modules the commands load when they run', () => {
  const GENERATOR = ['typescript', 'json-schema-to-typescript', 'prettier'];
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const installed = (p: string) => isBuiltin(p) || Object.hasOwn(pkg.dependencies ?? {}, p);

  it.each(['run-check', 'write-catalog'])('%s does not load the generator', (name) => {
    expect([...staticPackages(built(name))].filter((p) => GENERATOR.includes(p))).toEqual([]);
  });

  it('generate does, so the check above can see it', () => {
    expect([...staticPackages(built('generate'))]).toEqual(expect.arrayContaining(['typescript', 'json-schema-to-typescript']));
  });

  // What check, catalog, validate and upcast load comes with the package: run from an installed copy, they find every module.
  it.each(['baseline', 'run-check', 'write-catalog', 'pipeline', 'create-job'])('%s imports only Node’s own modules and the package’s dependencies', (name) => {
    expect([...staticPackages(built(name))].filter((p) => !installed(p))).toEqual([]);
  });

  it('so does the pipeline’s worker', () => {
    expect([...staticPackages(join(ROOT, 'dist/pipeline-worker.js'))].filter((p) => !installed(p))).toEqual([]);
  });

  it('across the build, what is neither is the authoring toolchain, which the authoring commands check for', () => {
    const imported = new Set(
      readdirSync(join(ROOT, 'dist'))
        .filter((f) => f.endsWith('.js'))
        .flatMap((f) => [...staticPackages(join(ROOT, 'dist', f))]),
    );
    expect([...imported].filter((p) => !installed(p)).sort()).toEqual([...AUTHORING_TOOLCHAIN].sort());
  });
});
