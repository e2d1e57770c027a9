/**
 * `not-forward-compatible` (a warning): a new version whose valid data some
 * earlier version rejects. Consumers still validating with that earlier
 * version must upgrade the package before producers emit the new one. The
 * catalogue records the same classification (see `compareVersions`).
 */
import type { CheckRule } from '../context.js';
import { type Finding, warning } from '../finding.js';
import { describeReasons, newVersions } from './new-versions.js';

export const notForwardCompatible: CheckRule = (context) => {
  const out: Finding[] = [];
  for (const { version, against } of newVersions(context)) {
    const failing = against.filter((a) => a.forward.length > 0);
    const first = failing[0];
    if (!first) continue;
    const to = `v${version.version}`;
    const others = failing.slice(1).map((a) => `v${a.from}`);
    const message =
      `${to} is not forward compatible with v${first.from}: ${describeReasons(first.forward)}` +
      `${others.length > 0 ? `; nor with ${others.join(', ')}` : ''}. Consumers must upgrade before producers emit ${to}`;
    out.push(warning('not-forward-compatible', version.schema.file, '', message));
  }
  return out;
};
