/**
 * The package as it is published: the packed tarball passes publint and
 * "Are the types wrong?" and holds what consumers need and nothing else; and
 * installed as a new consumer installs it (`npm install <tarball>` into an
 * empty folder, dependencies from the registry), it is the runtime alone,
 * loads in ESM and CommonJS, and its command line reads events, while the
 * authoring commands say they need this repository's toolchain.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleText } from '../support/examples.js';
import { ROOT, repoCatalogue } from '../support/repo.js';

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
let dir: string;
let tarball: string;
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'domain-events-pack-'));
  execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: ROOT, encoding: 'utf8' });
  const name = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!name) throw new Error('npm pack wrote no tarball');
  tarball = join(dir, name);
  files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('passes publint --strict', () => {
    // publint reads a tarball's names from the 100-byte name field alone (@publint/pack's parseTar ignores the ustar
    // prefix and PAX headers), so it cannot find files whose path in the tarball is longer, such as
    // schemas/intervention.session-appointment.session-feedback-submitted/notification/v1.schema.json; npm, which
    // installs it, reads them whole. So publint lints the tarball's content, unpacked, exactly as it was packed.
    const unpacked = join(dir, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    // A CI runner may force colour on; the verdict is read from the plain text.
    const run = spawnSync(bin('publint'), ['run', join(unpacked, 'package'), '--strict'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const last = stripVTControlCharacters(run.stdout).trim().split('\n').at(-1);
    expect({ status: run.status, out: last }).toEqual({ status: 0, out: 'All good!' });
  });

  it('passes attw with its default (strict) profile, every entry point', () => {
    // attw takes "./events/*" and "./zod/*" as one entry point each, without expanding the pattern, so every event type is named to it.
    const types = repoCatalogue().events.map((e) => e.type);
    const entrypoints = ['.', ...types.map((t) => `./events/${t}`), ...types.map((t) => `./zod/${t}`)];
    const run = spawnSync(bin('attw'), [tarball, '--format', 'json', '--entrypoints', ...entrypoints], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(run.stdout) as { analysis: { entrypoints: Record<string, unknown> }; problems?: Record<string, unknown[]> };
    expect({ status: run.status, problems: report.problems ?? {} }).toEqual({ status: 0, problems: {} });
    expect(Object.keys(report.analysis.entrypoints)).toEqual(entrypoints);
  });

  it('holds the build, the raw schemas and the docs, and no sources or tests', () => {
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.cjs');
    expect(files).toContain('package/dist/cli.js');
    expect(files).toContain('package/schemas/approved-premises.booking.cancelled/notification/v1.schema.json');
    expect(files).toContain('package/schemas/approved-premises.booking.cancelled/detail/v2.schema.json');
    expect(files).toContain('package/README.md');
    expect(files).toContain('package/CHANGELOG.md');
    expect(files.filter((f) => /^package\/(src|test|generated|scripts)\//u.test(f))).toEqual([]);
  });
});

/** An installed package: its name and version, and the bytes of its files (those of packages nested in it not counted). */
interface Installed {
  readonly name: string;
  readonly version: string;
  readonly bytes: number;
}

/** Every package under `modules` (a node_modules folder), nested ones included, by walking it. */
function installedPackages(modules: string): Installed[] {
  const found: Installed[] = [];
  const bytesOf = (path: string): number => {
    let total = 0;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const child = join(path, entry.name);
      total += entry.isDirectory() ? bytesOf(child) : entry.isFile() ? statSync(child).size : 0;
    }
    return total;
  };
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      if (entry.name.startsWith('@')) {
        visit(join(folder, entry.name));
        continue;
      }
      const path = join(folder, entry.name);
      if (!existsSync(join(path, 'package.json'))) continue;
      const { name, version } = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { name: string; version: string };
      found.push({ name, version, bytes: bytesOf(path) });
      if (existsSync(join(path, 'node_modules'))) visit(join(path, 'node_modules'));
    }
  };
  visit(modules);
  return found.sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
}

/** The bytes of every file under `path`, as `du --apparent-size` counts them. */
function treeBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const MB = 1_000_000;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
const listed = (packages: readonly Installed[]) => packages.map((p) => `${p.name}@${p.version} (${megabytes(p.bytes)})`).join(', ');

/** What only authors of the contracts need: the generator and its own dependencies, and the command line's libraries. */
const TOOLCHAIN = [
  'typescript',
  'json-schema-to-typescript',
  '@apidevtools/json-schema-ref-parser',
  'prettier',
  'lodash',
  'yaml',
  'js-yaml',
  'commander',
  'cli-progress',
  'semver',
  'tinyglobby',
  '@changesets/parse',
  '@changesets/types',
];

describe("a new consumer's install", () => {
  let project: string;
  let modules: string;
  let packages: Installed[];
  beforeAll(() => {
    project = join(dir, 'consumer');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{"name":"consumer","private":true}\n');
    execFileSync('npm', ['install', tarball, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, encoding: 'utf8' });
    modules = join(project, 'node_modules');
    packages = installedPackages(modules);
  }, 180_000);

  it('brings no toolchain package', () => {
    const toolchain = packages.filter((p) => TOOLCHAIN.includes(p.name));
    expect(toolchain, `toolchain packages in the consumer's node_modules: ${listed(toolchain)}`).toEqual([]);
  });

  it('is the package and its dependencies, nothing more', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
    const expected = [pkg.name, ...Object.keys(pkg.dependencies ?? {})].sort();
    expect(packages.map((p) => p.name).sort(), `the consumer's node_modules holds ${listed(packages)}`).toEqual(expected);
  });

  it('takes at most 10 MB', () => {
    const bytes = treeBytes(modules);
    expect(bytes, `the consumer's node_modules takes ${megabytes(bytes)}, over 10 MB: ${listed(packages)}`).toBeLessThanOrEqual(10 * MB);
  });

  // A stored version 1 detail document, read and upcast to version 2 (which adds cancelledAtDate), by the event type's own
  // entry point and by the root; and a notification, read by the event type's entry point.
  const CANCELLED = 'approved-premises.booking.cancelled';
  const script = `
    const v1 = ${JSON.stringify(exampleText(CANCELLED, 'detail.v1.cancelled.valid.json'))};
    const notification = ${JSON.stringify(exampleText(CANCELLED, 'notification.v1.booking-cancelled.valid.json'))};
    const report = (root, one) => {
      const r = one.cas1BookingCancelled.safeParseDetail(v1, { version: 1 });
      const fromRoot = root.safeParseDetail(v1, { version: 1 });
      const n = one.cas1BookingCancelled.safeParse(notification);
      const bad = root.safeParse('{}');
      return JSON.stringify([
        r.success && r.detail.eventDetails.cancelledAtDate,
        fromRoot.success && fromRoot.detail.eventDetails.cancelledAtDate,
        n.success && n.event.additionalInformation.applicationId,
        bad.success,
        bad.error instanceof root.ContractError,
      ]);
    };`;
  const expected = JSON.stringify(['2024-03-04', '2024-03-04', 'a941e714-9c9f-41a2-ab22-2a7a6e16ff75', false, true]);
  const node = (args: readonly string[]) => spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
  const types = repoCatalogue().events.map((e) => e.type);

  it('imports the root and one event type as ES modules, and parses', () => {
    const code = `${script}
      const root = await import('@probation/domain-events'); const one = await import('@probation/domain-events/events/${CANCELLED}');
      console.log(report(root, one));`;
    const run = node(['--input-type=module', '-e', code]);
    expect({ out: run.stdout.trim(), err: run.stderr }).toEqual({ out: expected, err: '' });
  });

  it('requires them from CommonJS, sharing one ContractError class, and parses', () => {
    const code = `${script} console.log(report(require('@probation/domain-events'), require('@probation/domain-events/events/${CANCELLED}')));`;
    const run = node(['-e', code]);
    expect({ out: run.stdout.trim(), err: run.stderr }).toEqual({ out: expected, err: '' });
  });

  it.each(['events', 'zod'])("finds every event type's %s entry point through the exports pattern, in ESM and CommonJS", (kind) => {
    const code = `import { createRequire } from 'node:module'; import { existsSync } from 'node:fs'; import { fileURLToPath } from 'node:url';
      const require = createRequire(import.meta.url);
      const at = (type) => '@probation/domain-events/${kind}/' + type;
      const found = (type) => [fileURLToPath(import.meta.resolve(at(type))), require.resolve(at(type))];
      console.log(JSON.stringify(${JSON.stringify(types)}.filter((type) => !found(type).every((file) => existsSync(file)))));`;
    const run = node(['--input-type=module', '-e', code]);
    expect({ missing: run.stdout.trim(), err: run.stderr }).toEqual({ missing: '[]', err: '' });
  });

  it("loads no zod to read an event type, and zod with the event type's zod validators", () => {
    // zod's core sets globalThis.__zod_globalConfig when it is evaluated, bundled or not.
    const code = `${script}
      const zodLoaded = () => '__zod_globalConfig' in globalThis;
      const root = await import('@probation/domain-events'); const one = await import('@probation/domain-events/events/${CANCELLED}');
      const read = report(root, one) === ${JSON.stringify(expected)};
      const before = zodLoaded();
      const validators = await import('@probation/domain-events/zod/${CANCELLED}');
      console.log(JSON.stringify([read, before, zodLoaded(), validators.cas1BookingCancelledDetailV2.safeParse({}).success]));`;
    const run = node(['--input-type=module', '-e', code]);
    expect({ out: run.stdout.trim(), err: run.stderr }).toEqual({ out: JSON.stringify([true, false, true, false]), err: '' });
  });

  it('reads the raw JSON Schemas through the exports map, and no other file of schemas/', () => {
    const code = `const schema = (path) => require('@probation/domain-events/schemas/${CANCELLED}/' + path).title;
      const other = (path) => { try { require('@probation/domain-events/schemas/${CANCELLED}/' + path); return 'read'; } catch (e) { return e.code; } };
      console.log(JSON.stringify([schema('notification/v1.schema.json'), schema('detail/v2.schema.json'), other('event.json')]))`;
    const run = node(['-e', code]);
    expect({ out: run.stdout.trim(), err: run.stderr }).toEqual({
      out: JSON.stringify(['Cas1BookingCancelledNotificationV1', 'Cas1BookingCancelledDetailV2', 'ERR_PACKAGE_PATH_NOT_EXPORTED']),
      err: '',
    });
  });

  describe('its command line, run from the installed copy', () => {
    const cli = (args: readonly string[], cwd = project) =>
      spawnSync(join(modules, '.bin/domain-events'), args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

    it('shows --help', () => {
      const run = cli(['--help']);
      expect({ status: run.status, usage: run.stdout.includes('Usage: domain-events'), stderr: run.stderr }).toEqual({ status: 0, usage: true, stderr: '' });
    });

    it('validates an NDJSON file', () => {
      const file = join(project, 'events.ndjson');
      const line = (name: string) => JSON.stringify(JSON.parse(exampleText(CANCELLED, name)));
      writeFileSync(
        file,
        [
          line('notification.v1.booking-cancelled.valid.json'),
          line('notification.v1.missing-application-id.invalid.json'),
          line('detail.v1.cancelled.valid.json'),
        ].join('\n'),
      );
      const run = cli(['validate', file, '--format', 'json']);
      const { summary } = JSON.parse(run.stdout) as { summary: { records: number; valid: number; invalid: number } };
      expect({ status: run.status, summary, stderr: run.stderr }).toEqual({
        status: 1,
        summary: expect.objectContaining({ records: 3, valid: 2, invalid: 1 }),
        stderr: '',
      });
    });

    it('writes the catalogue site from the installed schemas, and checks them against themselves', () => {
      const installed = join(modules, '@probation/domain-events');
      const site = cli(['catalog', '--out', join(project, 'site'), '--format', 'json'], installed);
      const check = cli(['check', '--against', installed, '--format', 'json'], installed);
      expect({
        catalog: site.status,
        check: check.status,
        errors: (JSON.parse(check.stdout) as { errors: number }).errors,
        stderr: site.stderr + check.stderr,
      }).toEqual({
        catalog: 0,
        check: 0,
        errors: 0,
        stderr: '',
      });
      expect(existsSync(join(project, 'site/index.html'))).toBe(true);
    });

    it.each(['generate', 'new test.thing.happened', 'bump approved-premises.booking.cancelled', 'import contracts.yaml'])(
      '%s says it needs the authoring toolchain, exit 2, instead of failing on a missing module',
      (command) => {
        const run = cli(command.split(' '));
        const name = command.split(' ')[0];
        expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
          status: 2,
          stdout: '',
          stderr: expect.stringContaining(`error: ${name} is an authoring command: it needs typescript, json-schema-to-typescript and yaml`),
        });
      },
    );
  });
});
