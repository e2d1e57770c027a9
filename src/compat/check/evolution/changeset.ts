/**
 * `changeset-missing`, `changeset-bump-too-small` and `changeset-invalid`:
 * the changesets added since the baseline must declare, for this package, at
 * least the bump the change set needs (see `changes.ts`), so that
 * `changeset version` releases it as what it is.
 */
import { bumpCovers } from '../bump.js';
import type { CheckRule } from '../context.js';
import { error, type Finding } from '../finding.js';

export const changesetBump: CheckRule = ({ changesets, bump, changes }) => {
  const out: Finding[] = [];
  for (const changeset of changesets) {
    if (!changeset.ok) out.push(error('changeset-invalid', changeset.file, '', `changesets cannot read it: ${changeset.message}`));
  }
  if (bump.required === 'none') return out;
  const why = changes
    .filter((c) => c.level === bump.required)
    .map((c) => c.description)
    .slice(0, 5)
    .join('; ');
  if (bump.declared === undefined) {
    const message = `the change needs a ${bump.required} release of ${bump.packageName} (${why}), but no new changeset names it; add one with \`npx changeset\``;
    out.push(error('changeset-missing', '.changeset', '', message));
  } else if (!bumpCovers(bump.declared, bump.required, bump.version)) {
    const largest = changesets.find((c) => c.ok && c.bump === bump.declared);
    const message = `the pending changesets declare a ${bump.declared} release of ${bump.packageName}, but the change needs ${bump.required} (${why})`;
    out.push(error('changeset-bump-too-small', largest?.file ?? '.changeset', '', message));
  }
  return out;
};
