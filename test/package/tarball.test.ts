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
    // attw takes "./events/*" as one entry point, without expanding the pattern, so every event type is named to it.
    const entrypoints = ['.', ...repoCatalogue().events.map((e) => `./events/${e.type}`)];
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

  // A stored version 1 detail document, read and upcast to version 2 (which adds cancelledAtDate), by the event type's own
  // entry point and by the root; and a notification, read by the event type's entry point.
  const example = (name: string) => JSON.stringify(join(ROOT, 'schemas/approved-premises.booking.cancelled/examples', name));
  const script = `
    const v1 = require(${example('detail.v1.cancelled.valid.json')});
    const notification = require(${example('notification.v1.booking-cancelled.valid.json')});
    const report = (root, one) => {
      const r = one.cas1BookingCancelled.safeParseDetail(JSON.stringify(v1), { version: 1 });
      const fromRoot = root.safeParseDetail(JSON.stringify(v1), { version: 1 });
      const n = one.cas1BookingCancelled.safeParse(JSON.stringify(notification));
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

  it('imports the root and one event type as ES modules', () => {
    const code = `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${script}
      const root = await import('@probation/domain-events'); const one = await import('@probation/domain-events/events/approved-premises.booking.cancelled');
      console.log(report(root, one));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' });
    expect({ out: run.stdout.trim(), err: run.stderr }).toEqual({ out: expected, err: '' });
  });

  it('requires them from CommonJS, sharing one ContractError class', () => {
    const code = `${script} console.log(report(require('@probation/domain-events'), require('@probation/domain-events/events/approved-premises.booking.cancelled')));`;
    const run = spawnSync(process.execPath, ['-e', code], { cwd: project, encoding: 'utf8' });
    expect({ out: run.stdout.trim(), err: run.stderr }).toEqual({ out: expected, err: '' });
  });

  it('reads the raw JSON Schemas through the exports map, and no other file of schemas/', () => {
    const code = `const schema = (path) => require('@probation/domain-events/schemas/approved-premises.booking.cancelled/' + path).title;
      const other = (path) => { try { require('@probation/domain-events/schemas/approved-premises.booking.cancelled/' + path); return 'read'; } catch (e) { return e.code; } };
      console.log(JSON.stringify([schema('notification/v1.schema.json'), schema('detail/v2.schema.json'), other('event.json')]))`;
    const run = spawnSync(process.execPath, ['-e', code], { cwd: project, encoding: 'utf8' });
    expect({ out: run.stdout.trim(), err: run.stderr }).toEqual({
      out: JSON.stringify(['Cas1BookingCancelledNotificationV1', 'Cas1BookingCancelledDetailV2', 'ERR_PACKAGE_PATH_NOT_EXPORTED']),
      err: '',
    });
  });
});
