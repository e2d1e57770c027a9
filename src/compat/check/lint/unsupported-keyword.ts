/**
 * `unsupported-keyword`: a keyword the generator cannot translate faithfully
 * (see `codegen/keywords.ts`, the one list of what is supported). The
 * generator stops at the first; this lists every one, with the hint for it.
 */
import { isSupported, UNSUPPORTED_HINTS } from '../../../codegen/keywords.js';
import { escapePointer } from '../../../runtime/json-pointer.js';
import { walkSchema } from '../../schema-walk.js';
import type { CheckRule } from '../context.js';
import { error, type Finding } from '../finding.js';

export const unsupportedKeyword: CheckRule = ({ current }) => {
  const out: Finding[] = [];
  for (const schema of current.schemas) {
    walkSchema(schema.json, (node, pointer) => {
      for (const keyword of Object.keys(node)) {
        if (isSupported(keyword)) continue;
        const hint = Object.hasOwn(UNSUPPORTED_HINTS, keyword) ? `: ${UNSUPPORTED_HINTS[keyword]}` : '';
        out.push(error('unsupported-keyword', schema.file, `${pointer}/${escapePointer(keyword)}`, `"${keyword}" is not supported by the generator${hint}`));
      }
    });
  }
  return out;
};
