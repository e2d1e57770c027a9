/**
 * `unsupported-keyword`: a keyword the generator cannot translate faithfully
 * (see `codegen/keywords.ts`, the one list of what is supported), or a
 * supported one written in a way that is not: an `$id` below the root with
 * `$ref`s inside, or a `$ref` to `#`, to an anchor or to a nested `$id`. The
 * generator stops at the first; this lists every one, with what to write
 * instead.
 */

import { checkRule, type RuleProblem } from '../compat/check/context.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { isSupported, nestedIdProblem, UNSUPPORTED_HINTS } from '../schema/keywords.js';
import { idScopesRefs, unsupportedRefIn } from '../schema/ref.js';
import { walkSchema } from '../schema/walk.js';

export const unsupportedKeyword = checkRule({
  code: 'unsupported-keyword',
  severity: 'error',
  summary:
    "a keyword the generator cannot translate faithfully, or one written in a way it does not support (an `$id` below a file's root with `$ref`s inside it, a `$ref` to `#`, to an anchor or to such an `$id`); says what to write instead",
  run: ({ current }) => {
    const out: RuleProblem[] = [];
    for (const schema of current.schemas) {
      const add = (pointer: string, message: string) => out.push({ file: schema.file, pointer, message });
      walkSchema(schema.json, (node, pointer) => {
        for (const keyword of Object.keys(node)) {
          if (keyword === '$id' && pointer !== '' && idScopesRefs(node)) add(`${pointer}/$id`, nestedIdProblem(pointer));
          const ref = keyword === '$ref' && typeof node.$ref === 'string' ? unsupportedRefIn(node.$ref, schema.json, schema.id) : undefined;
          if (ref !== undefined) add(`${pointer}/$ref`, ref);
          if (isSupported(keyword)) continue;
          const hint = Object.hasOwn(UNSUPPORTED_HINTS, keyword) ? `: ${UNSUPPORTED_HINTS[keyword]}` : '';
          add(`${pointer}/${escapePointer(keyword)}`, `"${keyword}" is not supported by the generator${hint}`);
        }
      });
    }
    return out;
  },
});
