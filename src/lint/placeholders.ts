/**
 * Text that is still a placeholder written by `domain-events new` or `bump`
 * (see `catalogue/placeholder.ts`), in event.json, a schema's description or
 * an upcast's description: `metadata-missing` that the loader cannot see.
 */
import { isPlaceholder } from '../catalogue/placeholder.js';
import type { CheckContext, RuleProblem } from '../compat/check/context.js';
import { toPointer } from '../runtime/json-pointer.js';

export function placeholders({ current }: CheckContext): RuleProblem[] {
  const out: RuleProblem[] = [];
  const flag = (file: string, path: readonly (string | number)[]) =>
    out.push({ file, pointer: toPointer(path), message: 'is still a placeholder; say what it should say' });
  for (const event of current.catalogue.events) {
    const { metadata } = event;
    for (const key of ['title', 'description', 'owner', 'detailUrl'] as const) if (isPlaceholder(metadata[key])) flag(event.metadataFile, [key]);
    for (const [i, producer] of metadata.producers.entries()) if (isPlaceholder(producer)) flag(event.metadataFile, ['producers', i]);
    for (const [key, text] of Object.entries(metadata.timeline)) if (isPlaceholder(text)) flag(event.metadataFile, ['timeline', key]);
    for (const version of event.contracts.flatMap((c) => c.versions)) {
      if (isPlaceholder(version.schema.json.description)) flag(version.schema.file, ['description']);
      if (version.upcast && isPlaceholder(version.upcast.declaration.description)) flag(version.upcast.file, ['description']);
    }
  }
  return out;
}
