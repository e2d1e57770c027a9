/**
 * `invalid-schema`: a part of a schema the compatibility engine cannot read,
 * such as a `$ref` that resolves to nothing or a bound that is not a number.
 * Each is reported once, where it is written, however many versions reach it.
 */
import type { CheckRule } from '../compat/check/context.js';
import { error, type Finding } from '../compat/check/finding.js';

export const invalidSchema: CheckRule = ({ current }) => {
  const out = new Map<string, Finding>();
  for (const schema of current.schemas) {
    for (const p of current.normaliseProblems(schema)) {
      out.set(`${p.file}#${p.pointer}`, error('invalid-schema', p.file, p.pointer, p.message));
    }
  }
  return [...out.values()];
};
