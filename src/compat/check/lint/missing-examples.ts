/**
 * `missing-examples`: every version of every contract needs at least one
 * valid and one invalid example, the test vectors every language's
 * implementation is held to. `example-invalid`: an example labelled valid
 * whose document does not name its event type (and, for a notification, its
 * version), or whose data its version's schema rejects
 * (as happens to the copies `domain-events bump` writes, once the new
 * schema is edited).
 */
import { rejection } from '../../accepts.js';
import { isObject } from '../../schema-walk.js';
import type { CheckRule } from '../context.js';
import { error, type Finding } from '../finding.js';

export const missingExamples: CheckRule = ({ current }) => {
  const out: Finding[] = [];
  for (const event of current.catalogue.events) {
    for (const contract of event.contracts) {
      const { kind } = contract;
      const dataField = kind === 'notification' ? 'additionalInformation' : 'eventDetails';
      for (const version of contract.versions) {
        const v = `v${version.version}`;
        for (const expect of ['valid', 'invalid'] as const) {
          if (version.examples.some((e) => e.expect === expect)) continue;
          const whole = kind === 'notification' ? 'a whole notification' : 'a whole detail document';
          const message = `${kind} ${v} has no ${expect} example; add ${event.dir}/examples/${kind}.${v}.<name>.${expect}.json (${whole})`;
          out.push(error('missing-examples', `${event.dir}/examples`, '', message));
        }
        const schema = current.normal(version.schema);
        for (const example of version.examples) {
          if (example.expect !== 'valid') continue;
          const json = isObject(example.json) ? example.json : {};
          const rejected = rejection(schema, json[dataField], `/${dataField}`);
          const problem =
            json.eventType !== event.type
              ? { pointer: '/eventType', message: `must be ${JSON.stringify(event.type)}` }
              : kind === 'notification' && (json.version ?? 1) !== version.version
                ? { pointer: '/version', message: `must be ${version.version}, the version this example is for` }
                : rejected && { pointer: rejected.path, message: `${rejected.message}: the example is labelled valid, but ${kind} ${v}'s schema rejects it` };
          if (problem) out.push(error('example-invalid', example.file, problem.pointer, problem.message));
        }
      }
    }
  }
  return out;
};
