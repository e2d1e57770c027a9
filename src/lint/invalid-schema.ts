/**
 * `invalid-schema`: a part of a schema the compatibility engine cannot read,
 * such as a `$ref` that resolves to nothing or a bound that is not a number.
 * Each is reported once, where it is written, however many versions reach it.
 */
import { checkRule } from '../compat/check/context.js';
import type { Problem } from '../diagnostic.js';

export const invalidSchema = checkRule({
  code: 'invalid-schema',
  severity: 'error',
  summary: 'a part of a schema the compatibility engine cannot read, such as a `$ref` that resolves to nothing or a bound that is not a number',
  run: ({ current }) => {
    const out = new Map<string, Problem>();
    for (const schema of current.schemas) {
      for (const p of current.normaliseProblems(schema)) out.set(`${p.file}#${p.pointer}`, p);
    }
    return [...out.values()];
  },
});
