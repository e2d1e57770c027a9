/**
 * `type`: every type the writer allows must be allowed by the reader.
 * Narrowing `number` to `integer`, or dropping `null` from
 * `["string", "null"]`, rejects documents the writer accepted; widening
 * `integer` to `number`, or adding `null`, does not.
 */
import type { InstanceType } from '../../schema/keywords.js';
import { acceptsType } from '../normal-schema.js';
import { type Reason, type Rule, reason } from '../rule.js';

export const typeRule: Rule = (context) => {
  const { writer, reader, names } = context;
  if (writer.kind !== 'typed' || reader.kind !== 'typed') return [];
  const out: Reason[] = [];
  for (const type of writer.types) {
    if (acceptsType(reader, type)) continue;
    const message =
      type === 'number' && acceptsType(reader, 'integer')
        ? `${names.writer} allows any number here, ${names.reader} only integers`
        : `${names.writer} allows ${article(type)} here, ${names.reader} does not`;
    out.push(reason(context, 'type-narrowed', message));
  }
  return out;
};

const article = (type: InstanceType) => (type === 'null' ? 'null' : type === 'integer' || type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`);
