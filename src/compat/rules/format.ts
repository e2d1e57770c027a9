/**
 * `format`: the generated validators assert formats (JSON Schema 2020-12
 * leaves that to the validator; this package always checks them), so a format
 * the reader adds rejects strings the writer allowed, and two different known
 * formats never hold one another (a uuid is not a URI, a date is not a
 * date-time). A format the engine does not know is compared as undecided.
 */
import { STRING_FORMATS } from '../../runtime/string-formats.js';
import { type Rule, reason, typedPair } from '../rule.js';

const known = (format: string) => Object.hasOwn(STRING_FORMATS, format);

export const formatRule: Rule = (context) => {
  const pair = typedPair(context, 'string');
  if (!pair) return [];
  const [{ string: writer }, { string: reader }] = pair;
  const { names } = context;
  if (reader.format === undefined || writer.format === reader.format) return [];
  if (writer.format === undefined) {
    const decided = writer.pattern === undefined && known(reader.format);
    return [reason(context, 'format-added', `${names.reader} requires format "${reader.format}", ${names.writer} has no format`, decided)];
  }
  const decided = known(writer.format) && known(reader.format);
  return [reason(context, 'format-changed', `format: ${names.writer} has "${writer.format}", ${names.reader} has "${reader.format}"`, decided)];
};
