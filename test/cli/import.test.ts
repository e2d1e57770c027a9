/** `domain-events import`, run as users run it: the built CLI, in a directory of its own. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const cli = join(process.cwd(), 'dist/cli.js');
const fixtures = join(process.cwd(), 'test/fixtures/import');
let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'import-cli-'));
  cpSync(join(process.cwd(), 'schemas'), join(cwd, 'schemas'), { recursive: true });
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'import', ...args], { cwd, encoding: 'utf8' });
/** Every file under the working directory, by its path there. */
const files = () =>
  new Set(
    readdirSync(cwd, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(cwd.length + 1)),
  );

describe('domain-events import', () => {
  it('documents its options', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    for (const option of [
      '--out <dir>',
      '--event-type <type>',
      '--dry-run',
      '--format <format>',
      '--producer <service>',
      '--owner <team>',
      '(default: "schemas")',
    ]) {
      expect(stdout).toContain(option);
    }
  });

  it.each<[string, { args: string[]; status: number; written: string[] }]>([
    ['imports a clean spec: exit 0', { args: [join(fixtures, 'asyncapi-referral-withdrawn.yaml')], status: 0, written: ['intervention.referral.withdrawn'] }],
    [
      'imports despite warnings: exit 0',
      { args: [join(fixtures, 'asyncapi-prisoner-released.json')], status: 0, written: ['probation-case.prisoner.released'] },
    ],
    [
      'takes --event-type',
      {
        args: [join(fixtures, 'asyncapi-appointment-rescheduled.yaml'), '--event-type', 'supervision.appointment.rescheduled'],
        status: 0,
        written: ['supervision.appointment.rescheduled'],
      },
    ],
    ['writes nothing with --dry-run', { args: [join(fixtures, 'openapi-cas3-events.json'), '--dry-run', '--out', 'imported'], status: 0, written: [] }],
    ['an event type the catalogue already has: exit 1, nothing written', { args: [join(fixtures, 'openapi-cas3-events.json')], status: 1, written: [] }],
    ['an event that cannot be converted: exit 1, nothing written', { args: [join(fixtures, 'openapi-unconvertible.yaml')], status: 1, written: [] }],
    ['a file that is not a contract: exit 2', { args: [join(process.cwd(), 'package.json')], status: 2, written: [] }],
    ['an unknown option: exit 2', { args: ['--nope', join(fixtures, 'openapi-cas3-events.json')], status: 2, written: [] }],
  ])('%s', (_name, { args, status, written }) => {
    const before = files();
    const result = run(...args);
    expect(result.status, result.stderr).toBe(status);
    for (const type of written) expect(existsSync(join(cwd, 'schemas', type, 'notification/v1.schema.json'))).toBe(true);
    // The new files are those of the event types written, and nothing else.
    const added = [...files()].filter((file) => !before.has(file));
    expect([...new Set(added.map((file) => file.split('/').slice(0, 2).join('/')))]).toEqual(written.map((type) => `schemas/${type}`));
  });

  it('writes JSON for machines, with findings at their pointers', () => {
    const { status, stdout } = run(join(fixtures, 'openapi-cas3-events.json'), '--format', 'json', '--out', 'elsewhere');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      source: join(fixtures, 'openapi-cas3-events.json'),
      kind: 'openapi',
      dryRun: false,
      events: [
        {
          eventType: 'accommodation.cas3.bedspace.archived',
          written: true,
          files: [
            'elsewhere/accommodation.cas3.bedspace.archived/event.json',
            'elsewhere/accommodation.cas3.bedspace.archived/notification/v1.schema.json',
            'elsewhere/accommodation.cas3.bedspace.archived/examples/notification.v1.example.valid.json',
          ],
        },
      ],
    });
    expect(report.findings).toContainEqual({
      level: 'warning',
      code: 'required-without-property',
      pointer: '/components/schemas/BedspaceArchived/required/3',
      message: '"premisesId" is required but has no property; dropped from required',
      eventType: 'accommodation.cas3.bedspace.archived',
    });
  });

  it('writes one line per finding in text', () => {
    const { stdout } = run(join(fixtures, 'openapi-unconvertible.yaml'), '--dry-run');
    expect(stdout).toContain(
      `error allof-conflict ${join(fixtures, 'openapi-unconvertible.yaml')}#/components/schemas/OffenceChangedEnvelope/properties/eventDetails/allOf/1/properties/code:`,
    );
    expect(stdout).toMatch(/0 event type\(s\) written .* 3 error\(s\)/u);
  });
});
