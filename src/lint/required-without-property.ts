/**
 * `required-without-property`: a name in `required` with no schema in
 * `properties` beside it. Real services have shipped this (a field removed
 * but left in `required`); in a closed object it makes every document
 * invalid, in an open one it requires a field nobody describes.
 */

import { checkRule, type RuleProblem } from '../compat/check/context.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { isObject, walkSchema } from '../schema/walk.js';

export const requiredWithoutProperty = checkRule({
  code: 'required-without-property',
  severity: 'error',
  summary: 'a name in `required` with no schema in `properties` beside it',
  run: ({ current }) => {
    const out: RuleProblem[] = [];
    for (const schema of current.schemas) {
      walkSchema(schema.json, (node, pointer) => {
        if (!Array.isArray(node.required)) return;
        const properties = isObject(node.properties) ? node.properties : {};
        node.required.forEach((name, i) => {
          if (typeof name === 'string' && Object.hasOwn(properties, name)) return;
          const message = `${JSON.stringify(name)} is required but has no schema under ${pointer}/properties/${escapePointer(String(name))}; add the property or remove the name`;
          out.push({ file: schema.file, pointer: `${pointer}/required/${i}`, message });
        });
      });
    }
    return out;
  },
});
