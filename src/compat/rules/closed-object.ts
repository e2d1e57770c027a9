/**
 * The content model: an open object (no `additionalProperties`, or `true`)
 * accepts properties it does not list; a closed one
 * (`additionalProperties: false`, as every data schema here is) does not. A
 * reader that closes an object the writer left open rejects the writer's
 * documents with unlisted properties.
 */
import { type Rule, reason, typedPair } from '../rule.js';

export const closedObjectRule: Rule = (context) => {
  const pair = typedPair(context, 'object');
  if (!pair) return [];
  const [{ object: writer }, { object: reader }] = pair;
  if (!writer.additionalProperties || reader.additionalProperties) return [];
  const listed = Object.keys(reader.properties);
  const { names } = context;
  return [
    reason(
      context,
      'object-closed',
      `${names.writer} is an open object, ${names.reader} is closed (additionalProperties: false) and allows only ${listed.length > 0 ? listed.join(', ') : 'no properties'}`,
    ),
  ];
};
