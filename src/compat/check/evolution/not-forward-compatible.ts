/**
 * `not-forward-compatible` (a warning): a new version whose valid data some
 * earlier version rejects. Consumers still validating with that earlier
 * version must upgrade the package before producers emit the new one. The
 * catalogue records the same classification (see `compareVersions`).
 */
import { checkRule, type RuleProblem } from '../context.js';
import { describeReasons, newVersions } from './new-versions.js';

export const notForwardCompatible = checkRule({
  code: 'not-forward-compatible',
  severity: 'warning',
  summary: "some earlier version rejects a new version's data: consumers must upgrade before producers emit it",
  run: (context) => {
    const out: RuleProblem[] = [];
    for (const { version, against } of newVersions(context)) {
      const failing = against.filter((a) => a.forward.length > 0);
      const first = failing[0];
      if (!first) continue;
      const to = `v${version.version}`;
      const others = failing.slice(1).map((a) => `v${a.from}`);
      const message =
        `${to} is not forward compatible with v${first.from}: ${describeReasons(first.forward)}` +
        `${others.length > 0 ? `; nor with ${others.join(', ')}` : ''}. Consumers must upgrade before producers emit ${to}`;
      out.push({ file: version.schema.file, pointer: '', message });
    }
    return out;
  },
});
