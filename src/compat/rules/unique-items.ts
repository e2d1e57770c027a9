/**
 * `uniqueItems`: a reader that requires unique items rejects the writer's
 * arrays with repeated items, unless the writer's arrays hold at most one.
 */
import { type Rule, reason, typedPair } from '../rule.js';

export const uniqueItemsRule: Rule = (context) => {
  const pair = typedPair(context, 'array');
  if (!pair) return [];
  const [{ array: writer }, { array: reader }] = pair;
  if (!reader.uniqueItems || writer.uniqueItems || (writer.maxItems !== undefined && writer.maxItems < 2)) return [];
  return [reason(context, 'unique-items-added', `${context.names.reader} requires unique items, ${context.names.writer} allows repeats`)];
};
