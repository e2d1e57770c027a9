/**
 * `pattern`: a pattern the reader adds rejects strings the writer allowed; a
 * changed pattern may or may not, and deciding whether one regular expression's
 * language holds another's is beyond this engine, so a change is reported as
 * undecided and counted as breaking. A pattern removed never breaks.
 */
import { type Rule, reason, typedPair } from '../rule.js';

export const patternRule: Rule = (context) => {
  const pair = typedPair(context, 'string');
  if (!pair) return [];
  const [{ string: writer }, { string: reader }] = pair;
  const { names } = context;
  if (reader.pattern === undefined || writer.pattern === reader.pattern) return [];
  if (writer.pattern === undefined) {
    // A writer's format may already keep its strings within the pattern (a uuid pattern on a uuid format, say).
    const decided = writer.format === undefined;
    return [reason(context, 'pattern-added', `${names.reader} requires the pattern /${reader.pattern}/, ${names.writer} has no pattern`, decided)];
  }
  return [
    reason(
      context,
      'pattern-changed',
      `cannot decide whether every string matching ${names.writer}'s /${writer.pattern}/ matches ${names.reader}'s /${reader.pattern}/; assumed not`,
      false,
    ),
  ];
};
