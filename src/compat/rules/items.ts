/**
 * `items`: every item the writer allows must be allowed by the reader, so the
 * two item schemas are compared. Absent `items` allows any item. A writer
 * whose arrays are always empty (`maxItems: 0`) has no items to break.
 */
import { anything } from '../normal-schema.js';
import { type Rule, typedPair } from '../rule.js';

export const itemsRule: Rule = (context) => {
  const pair = typedPair(context, 'array');
  if (!pair) return [];
  const [writer, reader] = pair;
  if (writer.array.maxItems === 0 || reader.array.items === undefined) return [];
  return context.compare(writer.array.items ?? anything(writer.source), reader.array.items, `${context.pointer}/items`);
};
