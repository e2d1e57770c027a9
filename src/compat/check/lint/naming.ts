/**
 * `naming`, beyond what the loader checks (folder and file names): every
 * version's title is the event type's PascalCase name followed by `V` and the
 * version (`Cas1BookingCancelledV2`), because titles name the generated
 * TypeScript types; and no two event types, shared definitions or the
 * envelope share a name.
 */
import type { CheckRule } from '../context.js';
import { error, type Finding } from '../finding.js';

const PASCAL = /^[A-Z][A-Za-z0-9]*$/u;

export const naming: CheckRule = ({ current }) => {
  const out: Finding[] = [];
  const claimed = new Map<string, string>([['Envelope', current.catalogue.envelope.file]]);
  for (const shared of current.catalogue.shared) claimed.set(shared.typeName, shared.file);
  for (const event of current.catalogue.events) {
    const first = event.versions[0];
    const title = first?.schema.json.title;
    const base = typeof title === 'string' && /V1$/u.test(title) ? title.slice(0, -2) : undefined;
    if (!first || base === undefined || !PASCAL.test(base)) {
      if (first)
        out.push(
          error('naming', first.schema.file, '/title', 'must be a PascalCase name ending in V1, such as Cas1BookingCancelledV1; it names the TypeScript type'),
        );
      continue;
    }
    for (const version of event.versions.slice(1)) {
      const want = `${base}V${version.version}`;
      if (version.schema.json.title !== want)
        out.push(error('naming', version.schema.file, '/title', `must be ${JSON.stringify(want)}, the v1 title's name with V${version.version}`));
    }
    const other = claimed.get(base);
    if (other) out.push(error('naming', first.schema.file, '/title', `the name ${base} is also used by ${other}; names must be unique across the catalogue`));
    else claimed.set(base, first.schema.file);
  }
  return out;
};
