/**
 * `example-invalid`: an example that is not what its name says, judged as a
 * whole document as the readers judge it (`whole-document.ts`): one
 * labelled valid that they reject (its event type, its version, the
 * envelope or detail document around the data, such as an `occurredAt`
 * without an offset, or the data, as happens to the copies
 * `domain-events bump` writes once the new schema is edited), named with the
 * JSON Pointer of the first problem; or one labelled invalid that they
 * accept.
 */
import { describesNoData } from '../catalogue/no-data.js';
import { checkRule, type RuleProblem } from '../compat/check/context.js';
import { hasUndecidedPart, readerOf, wholeDocumentRejection } from './whole-document.js';

export const exampleInvalid = checkRule({
  code: 'example-invalid',
  severity: 'error',
  summary:
    'an example that is not what its name says, judged as a whole document as the readers judge it (the envelope or the detail document, and the data): a valid one they reject, named at the JSON Pointer of the first problem, or an invalid one they accept',
  run: ({ current }) => {
    const out: RuleProblem[] = [];
    const envelope = current.normal(current.catalogue.envelope);
    for (const event of current.catalogue.events) {
      for (const { kind, versions } of event.contracts) {
        const reader = readerOf(kind);
        for (const version of versions) {
          const v = `v${version.version}`;
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
              out.push({ file: example.file, pointer: rejected.path, message });
            } else if (example.expect === 'invalid' && !rejected && decided) {
              const what = kind === 'notification' ? `the envelope and ${kind} ${v}'s schema accept` : `the detail document and ${kind} ${v}'s schema accept`;
              const message = `the example is labelled invalid, but ${reader} accepts it: ${what} the whole document; break the rule its name says, or label it valid`;
              out.push({ file: example.file, pointer: '', message });
            }
          }
        }
      }
    }
    return out;
  },
});
