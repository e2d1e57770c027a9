/**
 * `enum` and `const`: a value the writer lists must be accepted by the
 * reader (an enum narrowed, a const changed), and a reader that lists values
 * rejects the rest of what a writer without a list allows. Listed values are
 * checked one by one, so these reasons are always decided.
 */
import { accepts } from '../accepts.js';
import { acceptsType } from '../normal-schema.js';
import { type Reason, type Rule, reason } from '../rule.js';

export const enumRule: Rule = (context) => {
  const { writer, reader, names } = context;
  if (writer.kind === 'values') {
    return writer.values
      .filter((value) => !accepts(reader, value))
      .map((value) => reason(context, 'value-not-accepted', `${names.writer} allows ${JSON.stringify(value)} here, ${names.reader} does not`));
  }
  if (writer.kind !== 'typed' || reader.kind !== 'values') return [];
  const out: Reason[] = [];
  const listed = reader.values.map((v) => JSON.stringify(v)).join(', ') || 'nothing';
  for (const type of writer.types) {
    // null and booleans are finite: check each value rather than the type.
    const candidates = type === 'null' ? [null] : type === 'boolean' ? [true, false] : undefined;
    if (candidates) {
      for (const value of candidates) {
        if (acceptsType(writer, type) && !accepts(reader, value)) {
          out.push(reason(context, 'value-not-accepted', `${names.writer} allows ${JSON.stringify(value)} here, ${names.reader} does not`));
        }
      }
    } else {
      out.push(reason(context, 'restricted-to-values', `${names.writer} allows any ${type} here, ${names.reader} only ${listed}`));
    }
  }
  return out;
};
