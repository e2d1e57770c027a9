/** `domain-events catalog`, run as users run it: the built CLI, in a repository of its own. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/repo.js';
import { type TempRepo, tempRepo } from '../support/temp-repo.js';

const CLI = join(ROOT, 'dist/cli.js');
let repo: TempRepo;
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'catalog', ...args], { cwd: repo.root, encoding: 'utf8' });

beforeAll(() => {
  repo = tempRepo('copy');
});
afterAll(() => repo.remove());

describe('domain-events catalog', () => {
  it('documents its options', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    // Commander wraps the help to the terminal's width.
    const help = stdout.replace(/\s+/gu, ' ');
    for (const text of ['--out <dir>', '--topic <name>', '(default: "hmpps-domain-events")', '--format <format>', 'asyncapi.json', 'file://', 'Exit codes']) {
      expect(help).toContain(text);
    }
  });

  it('writes the site and asyncapi.json, and says where', () => {
    const { status, stdout, stderr } = run('--out', 'site', '--topic', 'my-topic');
    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(/^wrote the catalogue of 53 event types \(\d+ files\) to .*\/site\n {2}open .*\/site\/index\.html\n/u);
    expect(existsSync(join(repo.root, 'site/index.html'))).toBe(true);
    const asyncapi = JSON.parse(readFileSync(join(repo.root, 'site/asyncapi.json'), 'utf8')) as { channels: Record<string, { address: string }> };
    expect(Object.values(asyncapi.channels).map((c) => c.address)).toEqual(['my-topic']);
  });

  it('reports in JSON for machines', () => {
    const { status, stdout } = run('--out', 'site', '--format', 'json');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { eventTypes: number; messages: number; files: string[]; removed: string[] };
    expect(report).toMatchObject({ eventTypes: 53, removed: [] });
    expect(report.files).toContain('asyncapi.json');
    expect(report.files).toContain('events/approved-premises.booking.changed.html');
    // An event type with a detail contract only is in the catalogue too.
    expect(report.files).toContain('events/approved-premises.application.expired.html');
  });

  it.each<[string, { args: string[]; message: RegExp; setup?: () => void }]>([
    ['without --out: exit 2', { args: [], message: /required option '--out <dir>' not specified/u }],
    ['--out the repository root: exit 2', { args: ['--out', '.'], message: /--out must name a folder of its own/u }],
    [
      'a catalogue with problems: exit 2, naming the file',
      {
        args: ['--out', 'site'],
        message: /error: schemas\/intervention\.referral\.sent\/event\.json.*/u,
        setup: () => writeFileSync(join(repo.root, 'schemas/intervention.referral.sent/event.json'), '{ not json'),
      },
    ],
  ])('%s', (_name, { args, message, setup }) => {
    setup?.();
    rmSync(join(repo.root, 'site'), { recursive: true, force: true });
    const { status, stderr } = run(...args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(existsSync(join(repo.root, 'site'))).toBe(false);
  });
});
