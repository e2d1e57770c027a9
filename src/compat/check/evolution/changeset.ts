/**
 * `changeset-missing`, `changeset-bump-too-small` and `changeset-invalid`:
 * the changesets added since the baseline must declare, for this package, at
 * least the bump the change set needs (see `changes.ts`), so that
 * `changeset version` releases it as what it is.
 */
import { bumpCovers } from '../bump.js';
import { type CheckContext, checkRule } from '../context.js';

export const changesetInvalid = checkRule({
  code: 'changeset-invalid',
  severity: 'error',
  summary: 'a new changeset that changesets cannot read',
  run: ({ changesets }) => changesets.flatMap((c) => (c.ok ? [] : [{ file: c.file, pointer: '', message: `changesets cannot read it: ${c.message}` }])),
});

export const changesetMissing = checkRule({
  code: 'changeset-missing',
  severity: 'error',
  summary: 'the change needs a release, but no new changeset names the package',
  run: (context) => {
    const { bump } = context;
    if (bump.required === 'none' || bump.declared !== undefined) return [];
    const message = `the change needs a ${bump.required} release of ${bump.packageName} (${why(context)}), but no new changeset names it; add one with \`npx changeset\``;
    return [{ file: '.changeset', pointer: '', message }];
  },
});

export const changesetBumpTooSmall = checkRule({
  code: 'changeset-bump-too-small',
  severity: 'error',
  summary: 'the new changesets declare a smaller bump than the change needs',
  run: (context) => {
    const { bump, changesets } = context;
    if (bump.required === 'none' || bump.declared === undefined || bumpCovers(bump.declared, bump.required, bump.version)) return [];
    const largest = changesets.find((c) => c.ok && c.bump === bump.declared);
    const message = `the pending changesets declare a ${bump.declared} release of ${bump.packageName}, but the change needs ${bump.required} (${why(context)})`;
    return [{ file: largest?.file ?? '.changeset', pointer: '', message }];
  },
});

/** The changes that need the bump, up to five. */
const why = ({ changes, bump }: CheckContext): string =>
  changes
    .filter((c) => c.level === bump.required)
    .map((c) => c.description)
    .slice(0, 5)
    .join('; ');
