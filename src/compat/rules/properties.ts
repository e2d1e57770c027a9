/**
 * `properties`, by content model, as in Confluent Schema Registry's JSON
 * Schema rules, with this package's readers, which keep a property the
 * contract does not name instead of rejecting it:
 * - in both: the two property schemas are compared;
 * - listed by the writer only: a tolerant reader (see `RuleContext.tolerant`)
 *   keeps it as an unknown property, closed object or not, so a producer
 *   that adds an optional property breaks no consumer; to the letter, a
 *   closed reader rejects the writer's documents that have it
 *   (`property-removed-from-closed-model`); an open reader accepts it as an
 *   additional property;
 * - added by the reader to an open writer: the writer's documents may already
 *   carry that name with any value (`property-added-to-open-model`); added
 *   to a closed writer, the writer's documents never have it, so it breaks
 *   only if the reader also requires it (see `required.ts`).
 */
import { escapePointer } from '../../runtime/json-pointer.js';
import { anything } from '../normal-schema.js';
import { type Reason, type Rule, reason, typedPair } from '../rule.js';

export const propertiesRule: Rule = (context) => {
  const pair = typedPair(context, 'object');
  if (!pair) return [];
  const [writerNode, readerNode] = pair;
  const [writer, reader] = [writerNode.object, readerNode.object];
  const { names } = context;
  const out: Reason[] = [];
  const all = new Set([...Object.keys(writer.properties), ...Object.keys(reader.properties)]);
  for (const name of all) {
    const pointer = `${context.pointer}/properties/${escapePointer(name)}`;
    const w = Object.hasOwn(writer.properties, name) ? writer.properties[name] : undefined;
    const r = Object.hasOwn(reader.properties, name) ? reader.properties[name] : undefined;
    if (w && r) out.push(...context.compare(w, r, pointer));
    else if (w && !reader.additionalProperties && !context.tolerant) {
      if (w.kind === 'values' && w.values.length === 0) continue; // the writer never has it
      out.push(
        reason(
          context,
          'property-removed-from-closed-model',
          `${names.writer} allows "${name}", ${names.reader} is closed and does not list it`,
          true,
          pointer,
        ),
      );
    } else if (r && writer.additionalProperties) {
      const inner = context.compare(anything(writerNode.source), r, pointer);
      if (inner.length === 0) continue;
      out.push(
        reason(
          context,
          'property-added-to-open-model',
          `${names.writer} is an open object, so "${name}" may already hold any value; ${names.reader} constrains it`,
          inner.every((i) => i.decided),
          pointer,
        ),
      );
    }
  }
  return out;
};
