/**
 * `naming`, beyond what the loader checks (folder and file names): every
 * version's title is the event type's PascalCase name followed by its
 * contract (`Notification`, `Detail`), `V` and the version
 * (`Cas1BookingCancelledDetailV2`), because titles name the generated
 * TypeScript types; and no two event types, shared definitions or the
 * envelope share a name; and every `$defs` title is a PascalCase type name,
 * as it names the definition's type and validator. The generator enforces
 * the same rules, from the same functions, but stops at the first problem;
 * this reports every one.
 */
import { baseNameOf, definitionTitleProblems, nameCollisions } from '../codegen/names.js';
import type { CheckRule } from '../compat/check/context.js';
import { error } from '../compat/check/finding.js';

export const naming: CheckRule = ({ current }) => {
  const named = current.catalogue.events.map(baseNameOf);
  const bases = named.map((n) => n.base);
  const { envelope, shared, events } = current.catalogue;
  const schemas = [envelope, ...shared, ...events.flatMap((e) => e.contracts.flatMap((c) => c.versions.map((v) => v.schema)))];
  const problems = [
    ...named.flatMap((n) => n.problems),
    ...nameCollisions(current.catalogue, bases),
    ...schemas.flatMap((s) => definitionTitleProblems(s.file, s.json)),
  ];
  return problems.map((p) => error('naming', p.file, p.pointer, p.message));
};
