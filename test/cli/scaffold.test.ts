/**
 * `domain-events new` and `domain-events bump`, end to end with the built
 * CLI in a temporary git repository: the files they write (checked with Ajv
 * against the catalogue's own meta-schemas), the regenerated code, what
 * `check` says afterwards, and `changeset version` (the real @changesets/cli)
 * turning their changeset into a CHANGELOG entry.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { referenceValidator } from '../support/ajv.js';
import { ROOT } from '../support/repo.js';
import { cli, type GitRepo, gitRepo } from './git-repo.js';

const BASE = 'https://schemas.probation.justice.gov.uk/domain-events/';

/** Ajv with every schema of the temporary repository's catalogue, and its meta-schema for event.json. */
function validatorFor(repo: GitRepo): (id: string, data: unknown) => boolean | undefined {
  const ajv = referenceValidator(loadCatalogue(repo.root).catalogue);
  ajv.addSchema(JSON.parse(repo.read('schemas/_meta/event.schema.json')) as object);
  return (id, data) => ajv.getSchema(id)?.(data) as boolean | undefined;
}

const json = (repo: GitRepo, file: string) => JSON.parse(repo.read(file)) as Record<string, unknown>;
const codes = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { code: string; file: string; pointer: string }[] }).findings.map((f) => `${f.code} ${f.file}#${f.pointer}`);

describe('domain-events new', () => {
  it('scaffolds an event type that generates, validates, and that check holds to its placeholders', () => {
    const repo = gitRepo();
    const dir = 'schemas/approved-premises.room.cleaned';
    const { code, stdout } = cli(repo.root, 'new', 'approved-premises.room.cleaned');
    expect(code).toBe(0);
    expect(stdout).toContain(`${dir}/event.json`);

    const validate = validatorFor(repo);
    const metadata = json(repo, `${dir}/event.json`);
    expect(validate(`${BASE}_meta/event.schema.json`, metadata)).toBe(true);
    expect(metadata).toMatchObject({ eventType: 'approved-premises.room.cleaned', title: 'Room cleaned', status: 'draft' });

    const schema = json(repo, `${dir}/notification/v1.schema.json`);
    expect(schema).toMatchObject({
      $id: `${BASE}approved-premises.room.cleaned/notification/v1.schema.json`,
      title: 'RoomCleanedNotificationV1',
      type: 'object',
      additionalProperties: false,
    });
    const examples = readdirSync(join(repo.root, dir, 'examples'));
    expect(examples).toEqual(['notification.v1.room-cleaned.valid.json', 'notification.v1.unknown-property.invalid.json']);
    const valid = json(repo, `${dir}/examples/notification.v1.room-cleaned.valid.json`);
    const invalid = json(repo, `${dir}/examples/notification.v1.unknown-property.invalid.json`);
    expect(validate(String(schema.$id), valid.additionalInformation)).toBe(true);
    expect(validate(String(schema.$id), invalid.additionalInformation)).toBe(false);
    expect(validate(`${BASE}envelope.schema.json`, valid)).toBe(true);

    const [changesetFile] = readdirSync(join(repo.root, '.changeset')).filter((f) => f.endsWith('.md'));
    expect(parseChangeset(repo.read(`.changeset/${changesetFile}`))).toEqual({
      releases: [{ name: '@probation/domain-events', type: 'minor' }],
      summary: 'Add the `approved-premises.room.cleaned` event type.',
    });
    expect(repo.read('generated/events/approved-premises.room.cleaned.ts')).toContain('RoomCleanedNotificationV1');
    expect(cli(repo.root, 'generate', '--check').code).toBe(0);

    const checked = cli(repo.root, 'check', '--against', 'HEAD', '--format', 'json');
    expect(codes(checked.stdout)).toEqual([
      `metadata-missing ${dir}/event.json#/description`,
      `metadata-missing ${dir}/event.json#/owner`,
      `metadata-missing ${dir}/event.json#/producers/0`,
      `metadata-missing ${dir}/event.json#/timeline/1`,
      `metadata-missing ${dir}/notification/v1.schema.json#/description`,
    ]);
    expect(checked.code).toBe(1);
  });

  it('takes the owner, producers, title, description and type name as options', () => {
    const repo = gitRepo();
    const dir = 'schemas/intervention.referral.withdrawn';
    const args = [
      '--owner',
      'hmpps-interventions',
      '--producer',
      'hmpps-interventions-service',
      '--description',
      'The referral was withdrawn.',
      '--type-name',
      'InterventionWithdrawn',
    ];
    expect(cli(repo.root, 'new', 'intervention.referral.withdrawn', ...args).code).toBe(0);
    expect(json(repo, `${dir}/event.json`)).toMatchObject({
      owner: 'hmpps-interventions',
      producers: ['hmpps-interventions-service'],
      description: 'The referral was withdrawn.',
    });
    expect(json(repo, `${dir}/notification/v1.schema.json`).title).toBe('InterventionWithdrawnNotificationV1');
    repo.editJson(`${dir}/event.json`, (m) => (m.timeline = { '1': 'The referral was withdrawn' }));
    const checked = cli(repo.root, 'check', '--against', 'HEAD');
    expect(checked.stdout).toContain('0 error(s), 0 warning(s)');
    expect(checked.code).toBe(0);
  });

  it.each([
    ['a name that is not an event type name', ['new', 'Booking Cancelled'], 'is not an event type name'],
    ['a name with two parts', ['new', 'booking.cancelled'], 'is not an event type name'],
    ['an event type that exists', ['new', 'approved-premises.booking.made'], 'already exists'],
    ['a type name that is taken', ['new', 'x.y.happened', '--type-name', 'Cas1StaffMember'], 'already used'],
    ['a producer that is not kebab-case', ['new', 'x.y.happened', '--producer', 'My Service'], 'must be a kebab-case service name'],
    ['bump of an unknown event type', ['bump', 'approved-premises.booking.vanished'], 'there is no event type'],
  ])('exits 2 for %s, writing nothing', (_name, args, message) => {
    const repo = gitRepo();
    const { code, stderr } = cli(repo.root, ...args);
    expect(stderr).toContain(message);
    expect(code).toBe(2);
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});

describe('domain-events bump', () => {
  it('writes the next version of the detail contract (the default where there is one), its stubs and a changeset; then check says what is still missing', () => {
    const repo = gitRepo();
    const dir = 'schemas/approved-premises.booking.cancelled';
    const { code } = cli(repo.root, 'bump', 'approved-premises.booking.cancelled');
    expect(code).toBe(0);

    // The copy keeps the file's layout: only the $id and title lines differ.
    const [v2, v3] = [repo.read(`${dir}/detail/v2.schema.json`).split('\n'), repo.read(`${dir}/detail/v3.schema.json`).split('\n')];
    expect(v3.length).toBe(v2.length);
    expect(v3.filter((line, i) => line !== v2[i])).toEqual([
      `  "$id": "${BASE}approved-premises.booking.cancelled/detail/v3.schema.json",`,
      '  "title": "Cas1BookingCancelledDetailV3",',
    ]);
    expect(json(repo, `${dir}/detail/v3.upcast.json`)).toMatchObject({ kind: 'transform', operations: [] });
    // The latest valid example, as it is: a detail document carries no version.
    const valid = json(repo, `${dir}/examples/detail.v3.stored-2024.valid.json`);
    expect(valid).toEqual(json(repo, `${dir}/examples/detail.v2.stored-2024.valid.json`));
    // Its invalid twin lacks the first required property of the data.
    const { personReference: _, ...withoutPerson } = valid.eventDetails as Record<string, unknown>;
    expect(json(repo, `${dir}/examples/detail.v3.missing-person-reference.invalid.json`)).toEqual({ ...valid, eventDetails: withoutPerson });
    expect(parseChangeset(repo.read('.changeset/booking-cancelled-detail-v3.md')).releases).toEqual([{ name: '@probation/domain-events', type: 'minor' }]);
    expect(repo.read('generated/events/approved-premises.booking.cancelled.ts')).toContain('Cas1BookingCancelledDetailV3');

    // As bumped: only the upcast's description is left to write.
    const bumped = cli(repo.root, 'check', '--against', 'HEAD', '--format', 'json');
    expect(codes(bumped.stdout)).toEqual([`metadata-missing ${dir}/detail/v3.upcast.json#/description`]);

    // After an incompatible edit, check names the upcaster and the example still to do.
    repo.editJson(`${dir}/detail/v3.schema.json`, (s) => {
      (s.properties as Record<string, unknown>).cancellationCategory = { enum: ['recall', 'other'] };
      (s.required as string[]).push('cancellationCategory');
    });
    repo.editJson(`${dir}/detail/v3.upcast.json`, (u) => (u.description = 'Old cancellations are recorded as other.'));
    const edited = cli(repo.root, 'check', '--against', 'HEAD', '--format', 'json');
    // Readers of v1 and v2 keep v3's new field, so it is no forward break.
    expect(codes(edited.stdout)).toEqual([
      `upcaster-required ${dir}/detail/v3.upcast.json#`,
      `example-invalid ${dir}/examples/detail.v3.stored-2024.valid.json#/eventDetails/cancellationCategory`,
    ]);
    expect(edited.code).toBe(1);
  });

  it('writes the next version of the notification contract with --contract notification, its example stub saying its version', () => {
    const repo = gitRepo();
    const dir = 'schemas/approved-premises.booking.cancelled';
    expect(cli(repo.root, 'bump', 'approved-premises.booking.cancelled', '--contract', 'notification').code).toBe(0);
    expect(json(repo, `${dir}/notification/v2.schema.json`)).toMatchObject({
      $id: `${BASE}approved-premises.booking.cancelled/notification/v2.schema.json`,
      title: 'Cas1BookingCancelledNotificationV2',
    });
    expect(json(repo, `${dir}/notification/v2.upcast.json`)).toMatchObject({ kind: 'transform', operations: [] });
    const valid = json(repo, `${dir}/examples/notification.v2.without-booking-id.valid.json`);
    expect(valid).toEqual({ ...json(repo, `${dir}/examples/notification.v1.without-booking-id.valid.json`), version: 2 });
    const { applicationId: _, ...withoutApplication } = valid.additionalInformation as Record<string, unknown>;
    expect(json(repo, `${dir}/examples/notification.v2.missing-application-id.invalid.json`)).toEqual({ ...valid, additionalInformation: withoutApplication });
    expect(existsSync(join(repo.root, '.changeset/booking-cancelled-notification-v2.md'))).toBe(true);
    expect(existsSync(join(repo.root, dir, 'detail/v3.schema.json'))).toBe(false);

    // An unchanged copy is compatible both ways: only the upcast's description is left to write.
    const bumped = cli(repo.root, 'check', '--against', 'HEAD', '--format', 'json');
    expect(codes(bumped.stdout)).toEqual([`metadata-missing ${dir}/notification/v2.upcast.json#/description`]);
  });
});

describe('domain-events bump, all or nothing', () => {
  const SENT = 'schemas/intervention.referral.sent';

  /** intervention.referral.sent v1 with `$defs` as `domain-events import` writes them: titled (and one untitled, which the generator names by its key). */
  function withDefinitions(repo: GitRepo): void {
    repo.editJson(`${SENT}/notification/v1.schema.json`, (s) => {
      const properties = s.properties as Record<string, unknown>;
      properties.sentBy = { $ref: '#/$defs/StaffMember' };
      properties.sentFrom = { $ref: '#/$defs/office' };
      s.$defs = {
        StaffMember: {
          title: 'StaffMember',
          type: 'object',
          additionalProperties: false,
          required: ['staffCode'],
          properties: { staffCode: { type: 'string' } },
        },
        office: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } },
      };
    });
    repo.commit('Definitions in referral.sent v1');
  }

  it('bumps a schema whose $defs have titles: the copy titles them for its version, so the new version generates beside the old', () => {
    const repo = gitRepo();
    withDefinitions(repo);
    const { code, stdout, stderr } = cli(repo.root, 'bump', 'intervention.referral.sent', '--format', 'json');
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ written: expect.arrayContaining([`${SENT}/notification/v2.schema.json`]) });

    const v2 = json(repo, `${SENT}/notification/v2.schema.json`);
    expect(v2.$defs).toEqual({
      StaffMember: expect.objectContaining({ title: 'StaffMemberV2' }),
      office: expect.objectContaining({ title: 'OfficeV2' }),
    });
    // The layout is kept: only the lines that had to change differ, and one is added for the definition that had no title.
    const [before, after] = [repo.read(`${SENT}/notification/v1.schema.json`).split('\n'), repo.read(`${SENT}/notification/v2.schema.json`).split('\n')];
    expect(after.filter((line) => !before.includes(line))).toEqual([
      `  "$id": "${BASE}intervention.referral.sent/notification/v2.schema.json",`,
      '  "title": "InterventionReferralSentNotificationV2",',
      '      "title": "StaffMemberV2",',
      '      "title": "OfficeV2",',
    ]);
    expect(after.length).toBe(before.length + 1);

    const module = repo.read('generated/events/intervention.referral.sent.ts');
    expect(module).toContain('export interface StaffMemberV2');
    expect(module).toContain('export function checkOfficeV2');
    expect(repo.read('generated/zod/events/intervention.referral.sent.ts')).toContain('export const officeV2');
    expect(cli(repo.root, 'generate', '--check').code).toBe(0);
    // A third version titles them for itself in turn.
    expect(cli(repo.root, 'bump', 'intervention.referral.sent').code).toBe(0);
    expect(json(repo, `${SENT}/notification/v3.schema.json`).$defs).toMatchObject({ StaffMember: { title: 'StaffMemberV3' }, office: { title: 'OfficeV3' } });
    expect(cli(repo.root, 'generate', '--check').code).toBe(0);
  });

  it('writes nothing when the result does not generate: every file it wrote is removed, and it says so', () => {
    const repo = gitRepo();
    // Another event type the generator cannot translate: the catalogue loads, so bump plans and writes, then generating fails.
    repo.editJson('schemas/approved-premises.booking.made/detail/v1.schema.json', (s) => (s.patternProperties = {}));
    repo.commit('A keyword the generator refuses');

    const text = cli(repo.root, 'bump', 'intervention.referral.sent');
    expect(text.stderr).toContain('"patternProperties" is not supported by the generator');
    expect(text.stderr).toContain('nothing was written');
    expect(text.code).toBe(2);
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe('');

    const machine = cli(repo.root, 'bump', 'intervention.referral.sent', '--format', 'json');
    expect(JSON.parse(machine.stdout)).toEqual({
      error: {
        kind: 'config',
        message: expect.stringContaining('nothing was written'),
        file: 'schemas/approved-premises.booking.made/detail/v1.schema.json',
        pointer: '/patternProperties',
      },
      written: [],
      generated: [],
    });
    expect(machine.code).toBe(2);
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it.each([
    ['an unknown event type', ['bump', 'approved-premises.booking.vanished'], 'usage', 'there is no event type'],
    ['no event type', ['bump'], 'usage', "missing required argument 'eventType'"],
    [
      'a contract that is not one, given before --format',
      ['bump', 'approved-premises.booking.cancelled', '--contract', 'both'],
      'usage',
      'Allowed choices are',
    ],
    ['an unknown option', ['bump', 'approved-premises.booking.cancelled', '--bogus'], 'usage', "unknown option '--bogus'"],
    ['new of an event type that exists', ['new', 'approved-premises.booking.made'], 'usage', 'already exists'],
  ])('with --format json, a failure is one JSON object on stdout too: %s', (_name, args, kind, message) => {
    const repo = gitRepo();
    const { code, stdout } = cli(repo.root, ...args, '--format', 'json');
    expect(JSON.parse(stdout)).toEqual({ error: { kind, message: expect.stringContaining(message) }, written: [], generated: [] });
    expect(code).toBe(2);
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe('');
  });
});

describe('changesets', () => {
  it('changeset version writes the CHANGELOG entry from a changeset the scaffolding wrote', () => {
    const repo = gitRepo();
    expect(cli(repo.root, 'new', 'approved-premises.room.cleaned', '--owner', 'hmpps-approved-premises').code).toBe(0);
    cpSync(join(ROOT, 'CHANGELOG.md'), join(repo.root, 'CHANGELOG.md'));
    // The config names "@changesets/cli/changelog", which changesets resolves from the project.
    symlinkSync(join(ROOT, 'node_modules'), join(repo.root, 'node_modules'), 'dir');
    const version = spawnSync(process.execPath, [join(ROOT, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: repo.root, encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    const changelog = repo.read('CHANGELOG.md');
    expect(changelog).toContain('## 0.2.0');
    expect(changelog).toContain('### Minor Changes');
    expect(changelog).toContain('- Add the `approved-premises.room.cleaned` event type.');
    expect(json(repo, 'package.json').version).toBe('0.2.0');
    expect(existsSync(join(repo.root, '.changeset/add-room-cleaned.md'))).toBe(false);
  });
});
