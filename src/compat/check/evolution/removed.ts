/**
 * `event-type-removed` and `version-removed`: consumers and stored events
 * still use what was released, so nothing released is ever removed. An event
 * type that is no longer published is marked `"status": "retired"` in its
 * event.json instead.
 */
import { checkRule, type RuleProblem } from '../context.js';

export const eventTypeRemoved = checkRule({
  code: 'event-type-removed',
  severity: 'error',
  summary: 'a released event type was removed (retire it with `"status": "retired"` in its event.json instead)',
  run: ({ changes, baseline }) => {
    const out: RuleProblem[] = [];
    for (const change of changes) {
      if (change.kind !== 'event-type-removed') continue;
      const message = `event type ${change.eventType} was removed; released event types stay in the catalogue (mark it "status": "retired" in event.json instead)`;
      out.push({ file: `${baseline.catalogue.dir}/${change.eventType}`, pointer: '', message });
    }
    return out;
  },
});

export const versionRemoved = checkRule({
  code: 'version-removed',
  severity: 'error',
  summary: 'a released version, or a released contract, was removed: stored and in-flight events still carry it',
  run: ({ changes, baseline }) => {
    const out: RuleProblem[] = [];
    const dir = baseline.catalogue.dir;
    for (const change of changes) {
      if (change.kind === 'contract-removed') {
        const message = `the ${change.contract} contract of ${change.eventType} was removed; stored and in-flight documents still carry it, so released contracts stay`;
        out.push({ file: `${dir}/${change.eventType}/${change.contract}`, pointer: '', message });
      } else if (change.kind === 'version-removed') {
        const message = `${change.eventType}/${change.contract} v${change.version} was removed; stored and in-flight events still carry it, so released versions stay`;
        out.push({ file: `${dir}/${change.eventType}/${change.contract}/v${change.version}.schema.json`, pointer: '', message });
      }
    }
    return out;
  },
});
