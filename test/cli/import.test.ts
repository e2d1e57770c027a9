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
      '--event-type-map <from=type>',
      '<files...>',
      'folders',
      'globs',
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
    ['a file that is not a contract: exit 1, reported, nothing written', { args: [join(process.cwd(), 'package.json')], status: 1, written: [] }],
    ['a missing file: exit 2', { args: [join(fixtures, 'no-such-file.yaml')], status: 2, written: [] }],
    [
      'a folder of message specs: each one it converts is written, exit 1 for the one it cannot',
      {
        args: [join(fixtures, 'defects'), join(fixtures, 'messages', 'widget-registry-widget-registered.json')],
        status: 1,
        written: ['widget-registry.widget.registered'],
      },
    ],
    [
      'a glob, with --event-type-map for a name the naming rule refuses: exit 0',
      {
        args: [
          join(fixtures, 'defects', 'library-loans-*.yaml'),
          '--event-type-map',
          'library-loans.loanExtension.granted=library-loans.loan-extension.granted',
        ],
        status: 0,
        written: ['library-loans.loan-extension.granted'],
      },
    ],
    [
      'a service document whose messages are files beside it, and one remote: exit 1 for the remote one',
      {
        args: [join(fixtures, 'messages', 'asyncapi.yml')],
        status: 1,
        written: [
          'rota-planner.shift.cancelled',
          'rota-planner.shift-pattern.changed',
          'rota-planner.shift.reassigned',
          'rota-planner.shift.swapped',
          'rota-planner.shift.time-amended',
        ],
      },
    ],
    ['an unknown option: exit 2', { args: ['--nope', join(fixtures, 'openapi-cas3-events.json')], status: 2, written: [] }],
  ])('%s', (_name, { args, status, written }) => {
    const before = files();
    const result = run(...args);
    expect(result.status, result.stderr).toBe(status);
    for (const type of written) expect(existsSync(join(cwd, 'schemas', type, 'notification/v1.schema.json'))).toBe(true);
    // The new files are those of the event types written, and nothing else.
    const added = [...files()].filter((file) => !before.has(file));
    expect([...new Set(added.map((file) => file.split('/').slice(0, 2).join('/')))].sort()).toEqual(written.map((type) => `schemas/${type}`).sort());
  });

  it('writes JSON for machines, with findings at their files and pointers', () => {
    const source = join(fixtures, 'openapi-cas3-events.json');
    const { status, stdout } = run(source, '--format', 'json', '--out', 'elsewhere');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      dryRun: false,
      summary: { files: 1, unreadable: 0, unreachable: 0, events: 1, duplicates: 0, converted: 1, notConverted: 0, share: 1 },
      sources: [{ file: source, kind: 'openapi', events: 1, unreachable: 0 }],
      events: [
        {
          eventType: 'accommodation.cas3.bedspace.archived',
          file: source,
          pointer: '/components/schemas/BedspaceArchivedEnvelope',
          converted: true,
          written: true,
          files: [
            'elsewhere/accommodation.cas3.bedspace.archived/event.json',
            'elsewhere/accommodation.cas3.bedspace.archived/detail/v1.schema.json',
            'elsewhere/accommodation.cas3.bedspace.archived/examples/detail.v1.example.valid.json',
            'elsewhere/accommodation.cas3.bedspace.archived/examples/detail.v1.missing-bedspace-id.invalid.json',
            'elsewhere/accommodation.cas3.bedspace.archived/notification/v1.schema.json',
            'elsewhere/accommodation.cas3.bedspace.archived/examples/notification.v1.points-at-detail.valid.json',
            'elsewhere/accommodation.cas3.bedspace.archived/examples/notification.v1.data-not-an-object.invalid.json',
          ],
        },
      ],
      shared: [],
      changeset: null,
    });
    expect(report.findings).toContainEqual({
      code: 'required-without-property',
      severity: 'warning',
      file: source,
      pointer: '/components/schemas/BedspaceArchived/required/3',
      message: '"premisesId" is required but has no property; kept as an optional property that takes any value, so messages carrying it (or not) are accepted',
      eventType: 'accommodation.cas3.bedspace.archived',
    });
  });

  it('writes one line per finding in text, one per event not converted, and a summary', () => {
    const source = join(fixtures, 'openapi-unconvertible.yaml');
    const { stdout } = run(source, '--dry-run');
    expect(stdout).toContain(`error allof-conflict ${source}#/components/schemas/OffenceChangedEnvelope/properties/eventDetails/allOf/1/properties/code:`);
    expect(stdout).toContain(
      `not converted offence.code.changed from ${source}#/components/schemas/OffenceChangedEnvelope: allof-conflict at /components/schemas/OffenceChangedEnvelope/properties/eventDetails/allOf/1/properties/code`,
    );
    expect(stdout).toMatch(/^0 of 1 converted \(0%\) from 1 file\(s\); 2 error\(s\), \d+ warning\(s\); dry run, nothing written$/mu);
  });
});
