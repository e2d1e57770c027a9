/**
 * `missing-examples`: every version of every contract needs at least one
 * valid and one invalid example, the test vectors every language's
 * implementation is held to. `example-invalid`: an example that is not what
 * its name says, judged as a whole document as the readers judge it
 * (`whole-document.ts`): one labelled valid that they reject (its event
 * type, its version, the envelope or detail document around the data, such
 * as an `occurredAt` without an offset, or the data, as happens to the
 * copies `domain-events bump` writes once the new schema is edited), named
 * with the JSON Pointer of the first problem; or one labelled invalid that
 * they accept.
 */

import { describesNoData } from '../catalogue/no-data.js';
import type { CheckRule } from '../compat/check/context.js';
import { error, type Finding } from '../compat/check/finding.js';
import { hasUndecidedPart, readerOf, wholeDocumentRejection } from './whole-document.js';

export const missingExamples: CheckRule = ({ current }) => {
  const out: Finding[] = [];
  const envelope = current.normal(current.catalogue.envelope);
  for (const event of current.catalogue.events) {
    for (const contract of event.contracts) {
      const { kind } = contract;
      const reader = readerOf(kind);
      for (const version of contract.versions) {
        const v = `v${version.version}`;
        for (const expect of ['valid', 'invalid'] as const) {
          if (version.examples.some((e) => e.expect === expect)) continue;
          const whole = kind === 'notification' ? 'a whole notification' : 'a whole detail document';
          const message = `${kind} ${v} has no ${expect} example; add ${event.dir}/examples/${kind}.${v}.<name>.${expect}.json (${whole})`;
          out.push(error('missing-examples', `${event.dir}/examples`, '', message));
        }
        const data = current.normal(version.schema);
        const target = {
          eventType: event.type,
          kind,
          version: version.version,
          data,
          dataOptional: kind === 'notification' && describesNoData(version.schema.json),
          envelope,
          source: { file: version.schema.file, pointer: '' },
        };
        // Where a schema has a part that could not be read (reported on its own), that part accepts everything: an acceptance proves nothing.
        const decided = !hasUndecidedPart(data) && (kind === 'detail' || !hasUndecidedPart(envelope));
        for (const example of version.examples) {
          const rejected = wholeDocumentRejection(target, example.json);
          if (example.expect === 'valid' && rejected) {
            const message = `${rejected.message}: the example is labelled valid, but ${reader} rejects it as a ${kind} ${v} document`;
            out.push(error('example-invalid', example.file, rejected.path, message));
          } else if (example.expect === 'invalid' && !rejected && decided) {
            const what = kind === 'notification' ? `the envelope and ${kind} ${v}'s schema accept` : `the detail document and ${kind} ${v}'s schema accept`;
            const message = `the example is labelled invalid, but ${reader} accepts it: ${what} the whole document; break the rule its name says, or label it valid`;
            out.push(error('example-invalid', example.file, '', message));
          }
        }
      }
    }
  }
  return out;
};
