/**
 * `missing-examples`: every version of every contract needs at least one
 * valid and one invalid example, the test vectors every language's
 * implementation is held to. Each must also be what its name says
 * (`example-invalid.ts`).
 */
import { checkRule, type RuleProblem } from '../compat/check/context.js';

export const missingExamples = checkRule({
  code: 'missing-examples',
  severity: 'error',
  summary: 'a version without a valid example, or without an invalid one',
  run: ({ current }) => {
    const out: RuleProblem[] = [];
    for (const event of current.catalogue.events) {
      for (const { kind, versions } of event.contracts) {
        for (const version of versions) {
          const v = `v${version.version}`;
          for (const expect of ['valid', 'invalid'] as const) {
            if (version.examples.some((e) => e.expect === expect)) continue;
            const whole = kind === 'notification' ? 'a whole notification' : 'a whole detail document';
            const message = `${kind} ${v} has no ${expect} example; add ${event.dir}/examples/${kind}.${v}.<name>.${expect}.json (${whole})`;
            out.push({ file: `${event.dir}/examples`, pointer: '', message });
          }
        }
      }
    }
    return out;
  },
});
