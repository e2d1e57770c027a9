import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { listChangesets, newSince, readChangeset } from '../../../src/compat/check/changesets.js';

const PKG = '@probation/domain-events';

const cases: [string, { given: string; want: unknown }][] = [
  ['a minor bump', { given: `---\n"${PKG}": minor\n---\n\nAdd a thing.\n`, want: { ok: true, bump: 'minor', summary: 'Add a thing.' } }],
  ['several packages', { given: `---\n"other": major\n"${PKG}": patch\n---\n\nFix.\n`, want: { ok: true, bump: 'patch' } }],
  ['another package only', { given: '---\n"other": major\n---\n\nx\n', want: { ok: true, bump: undefined } }],
  ['no front matter', { given: 'minor please', want: { ok: false, message: 'could not parse changeset - missing or invalid frontmatter.' } }],
  ['an unknown bump', { given: `---\n"${PKG}": huge\n---\n\nx\n`, want: { ok: false, message: expect.stringContaining('invalid version type "huge"') } }],
];

describe('changesets', () => {
  it.each(cases)('%s', (_name, { given, want }) => expect(readChangeset({ file: '.changeset/x.md', text: given }, PKG)).toMatchObject(want as object));

  it('lists .changeset/*.md but not the README', () => {
    const root = mkdtempSync(join(tmpdir(), 'changesets-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, '.changeset'));
    for (const name of ['b.md', 'a.md', 'README.md', 'config.json']) writeFileSync(join(root, '.changeset', name), name);
    expect(listChangesets(root).map((c) => c.file)).toEqual(['.changeset/a.md', '.changeset/b.md']);
    expect(listChangesets(join(root, 'nowhere'))).toEqual([]);
  });

  it('counts only changesets added or edited since the baseline', () => {
    const before = [
      { file: '.changeset/a.md', text: 'A' },
      { file: '.changeset/b.md', text: 'B' },
    ];
    const now = [
      { file: '.changeset/a.md', text: 'A' },
      { file: '.changeset/b.md', text: 'B, edited' },
      { file: '.changeset/c.md', text: 'C' },
    ];
    expect(newSince(now, before).map((c) => c.file)).toEqual(['.changeset/b.md', '.changeset/c.md']);
  });
});
