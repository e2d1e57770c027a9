/**
 * `released-version-changed`: a version in the baseline changed in more than
 * its annotations. Each change is reported where it is written, with its JSON
 * Pointer: in the version's own file, or in the shared file it reaches by
 * `$ref` (once, naming every released version it changes).
 */
import { COMPATIBILITY_TEXT } from '../changes.js';
import { checkRule, type RuleProblem } from '../context.js';

export const releasedVersionChanged = checkRule({
  code: 'released-version-changed',
  severity: 'error',
  summary:
    'a released version changed in more than its annotations (title, description, examples, $comment, deprecated, default, readOnly, writeOnly); names the file and JSON Pointer of each change, in the version or in the shared file it reaches by `$ref`',
  run: ({ changes }) => {
    const grouped = new Map<string, { file: string; pointer: string; message: string; versions: string[]; eventTypes: Set<string>; compat: Set<string> }>();
    for (const change of changes) {
      if (change.kind !== 'version-changed') continue;
      for (const difference of change.differences) {
        const key = JSON.stringify([difference.file, difference.pointer, difference.message]);
        const group = grouped.get(key) ?? { ...difference, versions: [], eventTypes: new Set(), compat: new Set() };
        group.compat.add(COMPATIBILITY_TEXT[change.compatibility]);
        group.versions.push(`${change.eventType}/${change.contract} v${change.version}`);
        group.eventTypes.add(`${change.eventType} --contract ${change.contract}`);
        grouped.set(key, group);
      }
    }
    const out: RuleProblem[] = [];
    for (const { file, pointer, message, versions, eventTypes, compat } of grouped.values()) {
      const shared = !/\/v[1-9][0-9]*\.schema\.json$/u.test(file);
      const advice = shared
        ? `this file is used by released version(s) ${versions.join(', ')}, which must not change except in annotations; give new versions a new shared file instead`
        : `released version ${versions[0]} must not change except in annotations (title, description, examples, $comment, deprecated, default, readOnly, writeOnly); add a version instead: domain-events bump ${[...eventTypes][0]}`;
      out.push({ file, pointer, message: `${message} (the change is ${[...compat].join('; ')}); ${advice}` });
    }
    return out;
  },
});
