/**
 * A contract that does not say where it came from (`metadata-missing`):
 * every event type past `draft` names, in `event.json`'s `source`, the
 * producer files each of its contracts was modelled from, so that a reader
 * can hold the contract to the producer's code (which is the truth).
 */
import type { CheckContext, RuleProblem } from '../compat/check/context.js';
import { toPointer } from '../runtime/json-pointer.js';

export function sources({ current }: CheckContext): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (const event of current.catalogue.events) {
    if (event.metadata.status === 'draft') continue;
    for (const contract of event.contracts) {
      if ((event.metadata.source?.[contract.kind]?.length ?? 0) > 0) continue;
      const message = `names no producer file the ${contract.kind} contract was modelled from; add "owner/repo@commit:path" entries (a draft may leave it out)`;
      out.push({ file: event.metadataFile, pointer: toPointer(['source', contract.kind]), message });
    }
  }
  return out;
}
