/**
 * Names for generated code, made from event types and titles. Kept apart from
 * the TypeScript printer so that commands that only name things (`new`,
 * `bump`, `import`, `check`) do not load TypeScript.
 */
import type { Catalogue, ContractKind, EventTypeSource } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';

/** `lowerCamelCase` from a PascalCase type name. */
export const camel = (pascal: string): string => pascal.charAt(0).toLowerCase() + pascal.slice(1);

/** `PascalCase` from a kebab, dotted or spaced name. */
export const pascal = (name: string): string =>
  name
    .split(/[^A-Za-z0-9]+/u)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/**
 * `kebab-case` from a title, a camelCase name or a phrase: `Referral sent
 * notification` and `referralSentNotification` both give
 * `referral-sent-notification`. Only ASCII letters and digits are kept, and
 * they are kept before lower-casing, so a letter such as the Kelvin sign never
 * turns into an ASCII one. Empty when nothing is left.
 */
export const kebab = (text: string): string =>
  text
    .replace(/([a-z0-9])([A-Z])/gu, '$1-$2')
    .replace(/[^A-Za-z0-9]+/gu, '-')
    .toLowerCase()
    .replace(/^-|-$/gu, '');

/** A PascalCase name, as generated types take. */
export const PASCAL_NAME = /^[A-Z][A-Za-z0-9]*$/u;

/** A title that breaks the naming of generated types. */
export interface NameProblem {
  readonly file: string;
  readonly pointer: string;
  readonly message: string;
}

/** The word a contract's titles carry after the event type's base name. */
export const contractWord = (kind: ContractKind): string => (kind === 'notification' ? 'Notification' : 'Detail');

/** The title version `version` of a contract must have, given the event type's base name. */
export const contractTitle = (base: string, kind: ContractKind, version: number): string => `${base}${contractWord(kind)}V${version}`;

/**
 * The name an event type's generated types share, read from its contracts'
 * titles: a notification contract's are `<Base>NotificationV<n>` and a
 * detail contract's `<Base>DetailV<n>` (`Cas1BookingCancelledDetailV2`), with
 * one base for both. `base` is undefined when the first contract's v1 title
 * gives no such name; `problems` lists each title that breaks the rule.
 */
export function baseNameOf(event: EventTypeSource): { readonly base: string | undefined; readonly problems: readonly NameProblem[] } {
  const [primary, ...others] = event.contracts;
  const first = primary?.versions[0];
  if (!primary || !first) return { base: undefined, problems: [] };
  const title = first.schema.json.title;
  const suffix = `${contractWord(primary.kind)}V1`;
  const base = typeof title === 'string' && title.endsWith(suffix) ? title.slice(0, -suffix.length) : undefined;
  if (base === undefined || !PASCAL_NAME.test(base)) {
    const example = contractTitle('Cas1BookingCancelled', primary.kind, 1);
    const message = `must be a PascalCase name ending in ${suffix}, such as ${example}; it names the generated TypeScript types`;
    return { base: undefined, problems: [{ file: first.schema.file, pointer: '/title', message }] };
  }
  const problems = [primary, ...others].flatMap((contract) =>
    contract.versions
      .filter((v) => v.schema.json.title !== contractTitle(base, contract.kind, v.version))
      .map((v) => ({
        file: v.schema.file,
        pointer: '/title',
        message: `must be ${JSON.stringify(contractTitle(base, contract.kind, v.version))}: the event type's name ${base}, then ${contractWord(contract.kind)}V${v.version}`,
      })),
  );
  return { base, problems };
}

/** The base name of an event type's generated types; throws {@link ConfigError} at the first title that breaks the naming. */
export function requireBaseName(event: EventTypeSource): string {
  const { base, problems } = baseNameOf(event);
  const problem = problems[0];
  if (problem) throw new ConfigError(problem.file, problem.pointer, problem.message);
  if (base === undefined) throw new ConfigError(event.dir, '', 'has no contract schemas');
  return base;
}

/**
 * Names claimed twice across the catalogue. The envelope claims `Envelope`
 * first, then each shared definition its type name, then each event type its
 * base name (`bases`, in catalogue order; undefined claims nothing). The later
 * claim is the problem.
 */
export function nameCollisions(catalogue: Catalogue, bases: readonly (string | undefined)[]): NameProblem[] {
  const claimed = new Map<string, string>();
  const problems: NameProblem[] = [];
  const claim = (name: string | undefined, file: string) => {
    if (name === undefined) return;
    const other = claimed.get(name);
    if (other)
      problems.push({
        file,
        pointer: '/title',
        message: `the name ${name} is also used by ${other}; generated type names must be unique across the catalogue`,
      });
    else claimed.set(name, file);
  };
  claim('Envelope', catalogue.envelope.file);
  for (const shared of catalogue.shared) claim(shared.typeName, shared.file);
  for (const [i, event] of catalogue.events.entries()) claim(bases[i], event.contracts[0]?.versions[0]?.schema.file ?? event.dir);
  return problems;
}
