/**
 * `naming`: the loader's naming problems (folder and file names, an event
 * type's name, a shared schema's title), and beyond them: every version's
 * title is the event type's PascalCase name followed by its contract
 * (`Notification`, `Detail`), `V` and the version
 * (`Cas1BookingCancelledDetailV2`), because titles name the generated
 * TypeScript types; and no two event types, shared definitions or the
 * envelope share a name; and every `$defs` title is a PascalCase type name,
 * as it names the definition's type and validator. The generator enforces
 * the same rules, from the same functions, but stops at the first problem;
 * this reports every one.
 */

import { checkRule } from '../compat/check/context.js';
import { baseNameOf, definitionTitleProblems, nameCollisions } from '../schema/names.js';
import { loadProblems } from './load-problems.js';

export const naming = checkRule({
  code: 'naming',
  severity: 'error',
  summary:
    "a name that breaks the naming rules: a folder's or a file's, an event type's, or a title, which names a generated type (a version's is its event type's PascalCase name, `Notification` or `Detail`, `V` and the version; no two alike)",
  run: (context) => {
    const { current } = context;
    const named = current.catalogue.events.map(baseNameOf);
    const bases = named.map((n) => n.base);
    const { envelope, shared, events } = current.catalogue;
    const schemas = [envelope, ...shared, ...events.flatMap((e) => e.contracts.flatMap((c) => c.versions.map((v) => v.schema)))];
    return [
      ...loadProblems(context, 'naming'),
      ...named.flatMap((n) => n.problems),
      ...nameCollisions(current.catalogue, bases),
      ...schemas.flatMap((s) => definitionTitleProblems(s.file, s.json)),
    ];
  },
});
