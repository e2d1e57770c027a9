/**
 * `event-type-removed` and `version-removed`: consumers and stored events
 * still use what was released, so nothing released is ever removed. An event
 * type that is no longer published is marked `"status": "retired"` in its
 * event.json instead.
 */
import type { CheckRule } from '../context.js';
import { error, type Finding } from '../finding.js';

export const removed: CheckRule = ({ changes, baseline }) => {
  const out: Finding[] = [];
  const dir = baseline.catalogue.dir;
  for (const change of changes) {
    if (change.kind === 'event-type-removed') {
      const message = `event type ${change.eventType} was removed; released event types stay in the catalogue (mark it "status": "retired" in event.json instead)`;
      out.push(error('event-type-removed', `${dir}/${change.eventType}`, '', message));
    } else if (change.kind === 'contract-removed') {
      const message = `the ${change.contract} contract of ${change.eventType} was removed; stored and in-flight documents still carry it, so released contracts stay`;
      out.push(error('version-removed', `${dir}/${change.eventType}/${change.contract}`, '', message));
    } else if (change.kind === 'version-removed') {
      const message = `${change.eventType}/${change.contract} v${change.version} was removed; stored and in-flight events still carry it, so released versions stay`;
      out.push(error('version-removed', `${dir}/${change.eventType}/${change.contract}/v${change.version}.schema.json`, '', message));
    }
  }
  return out;
};
