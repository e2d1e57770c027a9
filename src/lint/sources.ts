/**
 * `metadata-missing`, for a contract that does not say where it came from:
 * every event type past `draft` names, in `event.json`'s `source`, the
 * producer files each of its contracts was modelled from, so that a reader
 * can hold the contract to the producer's code (which is the truth).
 */

import type { CheckRule } from '../compat/check/context.js';
import { error, type Finding } from '../compat/check/finding.js';
import { toPointer } from '../runtime/json-pointer.js';

export const sources: CheckRule = ({ current }) => {
  const out: Finding[] = [];
  for (const event of current.catalogue.events) {
    if (event.metadata.status === 'draft') continue;
    for (const contract of event.contracts) {
      if ((event.metadata.source?.[contract.kind]?.length ?? 0) > 0) continue;
      const message = `names no producer file the ${contract.kind} contract was modelled from; add "owner/repo@commit:path" entries (a draft may leave it out)`;
      out.push(error('metadata-missing', event.metadataFile, toPointer(['source', contract.kind]), message));
    }
  }
  return out;
};
