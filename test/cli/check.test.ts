/**
 * `domain-events check`, end to end: the built CLI against temporary git
 * repositories with real commits, and against this repository itself.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CHECK_RULES } from '../../src/compat/check/registry.js';
import { ROOT } from '../support/repo.js';
import { changeset, cli, type GitRepo, gitRepo } from './git-repo.js';

const CANCELLED = 'schemas/approved-premises.booking.cancelled';
type Json = Record<string, unknown>;
const props = (json: Json) => json.properties as Record<string, Json>;

/**
 * Adds v3 of booking.cancelled's detail contract, which requires a new
 * cancellationCategory, with examples (detail documents, whose version is in
 * their file names only) and a minor changeset.
 */
function addIncompatibleV3(repo: GitRepo): void {
  const v3 = JSON.parse(repo.read(`${CANCELLED}/detail/v2.schema.json`)) as Json;
  v3.$id = String(v3.$id).replace('detail/v2.schema.json', 'detail/v3.schema.json');
  v3.title = 'Cas1BookingCancelledDetailV3';
  props(v3).cancellationCategory = { enum: ['recall', 'withdrawn', 'other'] };
  (v3.required as string[]).push('cancellationCategory');
  repo.write(`${CANCELLED}/detail/v3.schema.json`, JSON.stringify(v3, null, 2));
  const valid = JSON.parse(repo.read(`${CANCELLED}/examples/detail.v2.cancelled.valid.json`)) as Json;
  const data = { ...(valid.eventDetails as Json), cancellationCategory: 'recall' };
  repo.write(`${CANCELLED}/examples/detail.v3.cancelled.valid.json`, JSON.stringify({ ...valid, eventDetails: data }, null, 2));
  repo.write(
    `${CANCELLED}/examples/detail.v3.unknown-category.invalid.json`,
    JSON.stringify({ ...valid, eventDetails: { ...data, cancellationCategory: 'lost' } }, null, 2),
  );
  repo.write('.changeset/booking-cancelled-detail-v3.md', changeset('minor', 'Add version 3 of the detail contract of approved-premises.booking.cancelled.'));
}

describe('domain-events check (built CLI, temporary git repository)', () => {
  it('refuses an upcast that fills only one of two new required fields, naming the step, the field and a counterexample', () => {
    const repo = gitRepo();
    addIncompatibleV3(repo);
    repo.editJson(`${CANCELLED}/detail/v3.schema.json`, (s) => {
      props(s).cancellationChannel = { enum: ['phone', 'email', 'unknown'] };
      (s.required as string[]).push('cancellationChannel');
    });
    repo.editJson(`${CANCELLED}/examples/detail.v3.cancelled.valid.json`, (e) => ((e.eventDetails as Json).cancellationChannel = 'phone'));
    repo.write(
      `${CANCELLED}/detail/v3.upcast.json`,
      JSON.stringify({
        $schema: '../../_meta/upcast.schema.json',
        kind: 'transform',
        description: 'Old cancellations are recorded as other; the channel is forgotten.',
        operations: [{ op: 'add', path: '/cancellationCategory', value: 'other' }],
      }),
    );
    repo.commit('Add booking.cancelled v3 with an incomplete upcast');

    const { code, stdout } = cli(repo.root, 'check', '--against', 'HEAD~1', '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: (Json & { counterexample?: Json })[] };
    expect(report.findings).toEqual([
      {
        code: 'upcaster-invalid',
        severity: 'error',
        file: `${CANCELLED}/detail/v3.upcast.json`,
        pointer: '/operations',
        message: expect.stringMatching(
          /^approved-premises\.booking\.cancelled\/detail v2 → v3 does not make valid v3 data: \/cancellationChannel is required in the new version, but no operation fills it; for example, from the valid v2 data \{.*"cancelledAtDate":/u,
        ),
        counterexample: {
          step: { eventType: 'approved-premises.booking.cancelled', contract: 'detail', from: 2, to: 3 },
          path: '/cancellationChannel',
          input: expect.objectContaining({ cancelledAt: expect.any(String), cancelledAtDate: expect.any(String) }),
          output: expect.objectContaining({ cancellationCategory: 'other' }),
        },
      },
    ]);
    expect(report.findings[0]?.counterexample?.output).not.toHaveProperty('cancellationChannel');

    const text = cli(repo.root, 'check', '--against', 'HEAD~1');
    expect(text.stdout).toContain(`upcaster-invalid  ${CANCELLED}/detail/v3.upcast.json#/operations`);
    expect(text.stdout).toContain('approved-premises.booking.cancelled/detail v2 → v3 does not make valid v3 data: /cancellationChannel');
  });

  it('fails an edit to a released schema, naming the JSON Pointer', () => {
    const repo = gitRepo();
    repo.git('checkout', '-q', '-b', 'change');
    repo.editJson(`${CANCELLED}/detail/v1.schema.json`, (s) => ((props(s).cancellationReason as Json).maxLength = 500));
    repo.write('.changeset/tighten.md', changeset('patch'));
    repo.commit('Limit the cancellation reason');

    const { code, stdout } = cli(repo.root, 'check', '--against', 'main');
    expect(code).toBe(1);
    expect(stdout).toContain(`released-version-changed  ${CANCELLED}/detail/v1.schema.json#/properties/cancellationReason/maxLength`);
    expect(stdout).toContain('"maxLength" added: 500');
    // A changed released version is a breaking change, so a patch changeset is too small as well.
    expect(stdout).toContain('changeset-bump-too-small');
  });

  it('fails a new version that is not backward compatible until it has an upcaster', () => {
    const repo = gitRepo();
    addIncompatibleV3(repo);
    repo.commit('Add booking.cancelled v3');

    const without = cli(repo.root, 'check', '--against', 'HEAD~1', '--format', 'json');
    expect(without.code).toBe(1);
    const report = JSON.parse(without.stdout) as { findings: { code: string; file: string; message: string; severity: string }[] };
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({
        code: 'upcaster-required',
        file: `${CANCELLED}/detail/v3.upcast.json`,
        message: expect.stringContaining('v3 requires "cancellationCategory", v2 does not'),
      }),
    ]);

    repo.write(
      `${CANCELLED}/detail/v3.upcast.json`,
      JSON.stringify({
        $schema: '../../_meta/upcast.schema.json',
        kind: 'transform',
        description: 'Version 2 did not say why; old cancellations are recorded as other.',
        operations: [{ op: 'add', path: '/cancellationCategory', value: 'other' }],
      }),
    );
    repo.commit('Upcast v2 to v3');
    const withUpcaster = cli(repo.root, 'check', '--against', 'HEAD~2');
    // v2 readers keep v3's new field (reading is tolerant), so v3 is no forward break either.
    expect(withUpcaster.stdout).not.toContain('not-forward-compatible');
    expect(withUpcaster.stdout).toContain('0 error(s), 0 warning(s)');
    expect(withUpcaster.code).toBe(0);
  });

  it('fails a new event type with only a patch changeset', () => {
    const repo = gitRepo();
    const from = 'schemas/intervention.referral.sent';
    const to = 'schemas/intervention.referral.withdrawn';
    for (const file of [
      'event.json',
      'notification/v1.schema.json',
      'examples/notification.v1.referral-sent.valid.json',
      'examples/notification.v1.referral-id-not-a-uuid.invalid.json',
    ]) {
      repo.write(
        `${to}/${file.replace('referral-sent', 'referral-withdrawn')}`,
        repo.read(`${from}/${file}`).replaceAll('referral.sent', 'referral.withdrawn').replaceAll('ReferralSent', 'ReferralWithdrawn'),
      );
    }
    repo.write('.changeset/withdrawn.md', changeset('patch'));
    repo.commit('Add intervention.referral.withdrawn');

    const patch = cli(repo.root, 'check', '--against', 'main~1');
    expect(patch.code).toBe(1);
    expect(patch.stdout).toContain('changeset-bump-too-small  .changeset/withdrawn.md');
    expect(patch.stdout).toContain(
      'the pending changesets declare a patch release of @probation/domain-events, but the change needs minor (new event type intervention.referral.withdrawn)',
    );

    repo.write('.changeset/withdrawn.md', changeset('minor'));
    const minor = cli(repo.root, 'check', '--against', 'main~1');
    expect(minor.stdout).toContain('the change needs a minor release (0.1.0 → 0.2.0); the new changesets declare minor');
    expect(minor.code).toBe(0);
  });

  it('passes an edit to annotations only as a patch', () => {
    const repo = gitRepo();
    repo.editJson(`${CANCELLED}/detail/v1.schema.json`, (s) => {
      s.description = 'A booking at an approved premises was cancelled (reworded).';
      Object.assign(props(s).cancelledAt as Json, { description: 'Midnight UTC.', examples: ['2024-10-27T00:00:00Z'], deprecated: true });
      s.$comment = 'Superseded by v2.';
    });
    repo.write('.changeset/words.md', changeset('patch'));

    const { code, stdout } = cli(repo.root, 'check', '--against', 'HEAD', '--format', 'json');
    const report = JSON.parse(stdout) as { errors: number; findings: unknown[]; bump: Json };
    expect(report.findings).toEqual([]);
    expect(report.bump).toMatchObject({ required: 'patch', declared: 'patch', version: '0.1.0', next: '0.1.1' });
    expect(code).toBe(0);

    repo.remove('.changeset/words.md');
    const missing = cli(repo.root, 'check', '--against', 'HEAD');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('changeset-missing');
  });

  it('fails removing a released version or event type', () => {
    const repo = gitRepo();
    repo.remove('schemas/approved-premises.booking.not-made');
    repo.write('.changeset/x.md', changeset('major'));
    const { code, stdout } = cli(repo.root, 'check', '--against', 'HEAD');
    expect(code).toBe(1);
    expect(stdout).toContain('event-type-removed  schemas/approved-premises.booking.not-made');
  });

  it('compares with a directory, such as an unpacked package', () => {
    const repo = gitRepo();
    const unpacked = mkdtempSync(join(tmpdir(), 'domain-events-package-'));
    onTestFinished(() => rmSync(unpacked, { recursive: true, force: true }));
    cpSync(join(repo.root, 'schemas'), join(unpacked, 'schemas'), { recursive: true });
    repo.editJson(`${CANCELLED}/detail/v2.schema.json`, (s) => (props(s).cancelledAtDate = { type: 'string' }));
    const { code, stdout } = cli(repo.root, 'check', '--against', unpacked);
    expect(code).toBe(1);
    expect(stdout).toContain(`released-version-changed  ${CANCELLED}/detail/v2.schema.json#/properties/cancelledAtDate`);
  });

  it('writes GitHub annotations', () => {
    const repo = gitRepo();
    repo.editJson(`${CANCELLED}/detail/v1.schema.json`, (s) => ((props(s).cancellationReason as Json).maxLength = 500));
    const { stdout } = cli(repo.root, 'check', '--against', 'HEAD', '--format', 'github');
    expect(stdout).toContain(
      `::error file=${CANCELLED}/detail/v1.schema.json,title=released-version-changed::released-version-changed: /properties/cancellationReason/maxLength: "maxLength" added: 500`,
    );
  });

  it.each([
    ['a ref git does not know', ['check', '--against', 'no-such-branch'], 'is neither a directory nor a git ref'],
    ['a directory without schemas/', ['check', '--against', '.changeset'], 'has no schemas/ folder'],
    ['no --against', ['check'], "required option '--against <ref-or-dir>' not specified"],
    ['an unknown format', ['check', '--against', 'HEAD', '--format', 'xml'], 'Allowed choices are text, json, github'],
  ])('exits 2 for %s', (_name, args, message) => {
    const repo = gitRepo();
    const { code, stderr } = cli(repo.root, ...args);
    expect(stderr).toContain(message);
    expect(code).toBe(2);
  });

  it('reads a ref whose tree has no schemas/ as an empty baseline', () => {
    const repo = gitRepo();
    const empty = spawnSync('git', ['commit-tree', '-m', 'empty', '4b825dc642cb6eb9a060e54bf8d69288fbee4904'], {
      cwd: repo.root,
      encoding: 'utf8',
    }).stdout.trim();
    repo.write('.changeset/all.md', changeset('minor'));
    const { code, stdout } = cli(repo.root, 'check', '--against', empty);
    expect(stdout).toContain('the change needs a minor release');
    expect(code).toBe(0);
  });

  it('works from a package folder inside a larger repository', () => {
    const top = mkdtempSync(join(tmpdir(), 'domain-events-monorepo-'));
    onTestFinished(() => rmSync(top, { recursive: true, force: true }));
    const pkg = join(top, 'packages/events');
    for (const path of ['schemas', 'package.json']) cpSync(join(ROOT, path), join(pkg, path), { recursive: true });
    const git = (...args: string[]) => spawnSync('git', args, { cwd: top, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.test', 'commit', '-q', '--no-gpg-sign', '-m', 'Release');
    const file = join(pkg, 'schemas/intervention.referral.sent/notification/v1.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Json;
    (props(schema).referralId as Json).maxLength = 40;
    writeFileSync(file, JSON.stringify(schema));
    const { code, stdout } = cli(pkg, 'check', '--against', 'main');
    expect(stdout).toContain('released-version-changed  schemas/intervention.referral.sent/notification/v1.schema.json#/properties/referralId/maxLength');
    expect(code).toBe(1);
  });

  it.each([
    ['check', '--help'],
    ['help', 'check'],
  ])('documents every rule of the registry, with its severity, and the exit codes in `%s %s`', (...args) => {
    const { code, stdout } = cli(ROOT, ...args);
    expect(code).toBe(0);
    const listed = [...stdout.matchAll(/^ {2}([a-z]+(?:-[a-z]+)*) {2,}(\(warning\) )?\S/gmu)].map((m) => `${m[1]} ${m[2] ? 'warning' : 'error'}`);
    expect(listed).toEqual(CHECK_RULES.map((r) => `${r.code} ${r.severity}`));
    expect(stdout).toContain('Exit codes: 0 no errors');
  });
});

describe('domain-events check on this repository', () => {
  it('is clean against HEAD: the catalogue passes its own lint', () => {
    const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' });
    expect(inside.stdout.trim(), 'the repository must be a git checkout').toBe('true');
    const { code, stdout } = cli(ROOT, 'check', '--against', 'HEAD', '--format', 'json');
    const report = JSON.parse(stdout) as { findings: unknown[] };
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });
});
