/**
 * `required`: a name the reader requires and the writer does not rejects the
 * writer's documents that leave it out. Dropping a name from `required`
 * never breaks.
 */
import { escapePointer } from '../../runtime/json-pointer.js';
import { type Rule, reason, typedPair } from '../rule.js';

export const requiredRule: Rule = (context) => {
  const pair = typedPair(context, 'object');
  if (!pair) return [];
  const [{ object: writer }, { object: reader }] = pair;
  const { names } = context;
  return reader.required
    .filter((name) => !writer.required.includes(name))
    .map((name) =>
      reason(
        context,
        'required-added',
        `${names.reader} requires "${name}", ${names.writer} does not`,
        true,
        `${context.pointer}/properties/${escapePointer(name)}`,
      ),
    );
};
