/**
 * The package as it is published: the packed tarball passes publint and
 * "Are the types wrong?", holds what consumers need and nothing else, and
 * loads from a consumer's node_modules in ESM and CommonJS.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/repo.js';

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
    // A CI runner may force colour on; the verdict is read from the plain text.
    const run = spawnSync(bin('publint'), ['run', tarball, '--strict'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const last = stripVTControlCharacters(run.stdout).trim().split('\n').at(-1);
    expect({ status: run.status, out: last }).toEqual({ status: 0, out: 'All good!' });
  });

  it('passes attw with its default (strict) profile, every entry point', () => {
    const run = spawnSync(bin('attw'), [tarball, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(run.stdout) as { analysis: { entrypoints: Record<string, unknown> }; problems?: Record<string, unknown[]> };
    expect({ status: run.status, problems: report.problems ?? {} }).toEqual({ status: 0, problems: {} });
    expect(Object.keys(report.analysis.entrypoints)).toContain('./events/approved-premises.booking.cancelled');
  });

  it('holds the build, the raw schemas and the docs, and no sources or tests', () => {
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.cjs');
    expect(files).toContain('package/dist/cli.js');
    expect(files).toContain('package/schemas/approved-premises.booking.cancelled/notification/v2.schema.json');
    expect(files).toContain('package/README.md');
    expect(files).toContain('package/CHANGELOG.md');
    expect(files.filter((f) => /^package\/(src|test|generated|scripts)\//u.test(f))).toEqual([]);
  });
});

describe('a consumer', () => {
  let project: string;
  beforeAll(() => {
    project = join(dir, 'consumer');
    const modules = join(project, 'node_modules');
    mkdirSync(join(modules, '@probation'), { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', join(modules, '@probation')]);
    execFileSync('mv', [join(modules, '@probation/package'), join(modules, '@probation/domain-events')]);
    symlinkSync(join(ROOT, 'node_modules/zod'), join(modules, 'zod'));
    writeFileSync(join(project, 'package.json'), '{"name":"consumer","private":true}\n');
  });

  const script = `
    const v1 = require(${JSON.stringify(join(ROOT, 'schemas/approved-premises.booking.cancelled/examples/notification.v1.cancelled.valid.json'))});
    const report = (root, one) => {
      const r = one.cas1BookingCancelled.safeParse(JSON.stringify(v1));
      const bad = root.safeParse('{}');
      return JSON.stringify([r.success && r.event.additionalInformation.cancelledAtDate, bad.success, bad.error instanceof root.ContractError]);
    };`;

  it('imports the root and one event type as ES modules', () => {
    const code = `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${script}
      const root = await import('@probation/domain-events'); const one = await import('@probation/domain-events/events/approved-premises.booking.cancelled');
      console.log(report(root, one));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' });
    expect({ out: run.stdout.trim(), err: run.stderr }).toEqual({ out: '["2024-03-31",false,true]', err: '' });
  });

  it('requires them from CommonJS, sharing one ContractError class', () => {
    const code = `${script} console.log(report(require('@probation/domain-events'), require('@probation/domain-events/events/approved-premises.booking.cancelled')));`;
    const run = spawnSync(process.execPath, ['-e', code], { cwd: project, encoding: 'utf8' });
    expect({ out: run.stdout.trim(), err: run.stderr }).toEqual({ out: '["2024-03-31",false,true]', err: '' });
  });

  it('reads the raw JSON Schemas through the exports map', () => {
    const code = `console.log(require('@probation/domain-events/schemas/approved-premises.booking.cancelled/notification/v2.schema.json').title)`;
    const run = spawnSync(process.execPath, ['-e', code], { cwd: project, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('Cas1BookingCancelledNotificationV2');
  });
});
