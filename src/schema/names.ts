/**
 * Names for generated code, made from event types and titles. Kept apart from
 * the TypeScript printer so that commands that only name things (`new`,
 * `bump`, `import`, `check`) do not load TypeScript.
 */
import type { Catalogue, ContractKind, EventTypeSource, JsonSchemaObject } from '../catalogue/model.js';
import type { Problem } from '../diagnostic.js';
import { ConfigError } from '../errors.js';
import { escapePointer } from '../runtime/json-pointer.js';

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

/**
 * A type name that json-schema-to-typescript keeps as it is written, so that
 * a type and its validator keep one name: PascalCase ASCII letters and
 * digits, with a capital after digits (it would write `V1beta` as `V1Beta`).
 */
export const TYPE_NAME = /^[A-Z][A-Za-z]*(?:[0-9]+(?:[A-Z][A-Za-z]*)?)*$/u;

/**
 * A {@link TYPE_NAME} made from any text: its words in PascalCase, a capital
 * after digits, and `Definition` in front when it would not start with a
 * letter (`My Thing` → `MyThing`, `1st` → `Definition1St`).
 */
export function typeNameFrom(text: string): string {
  const name = pascal(text).replace(/(?<=[0-9])[a-z]/gu, (letter) => letter.toUpperCase());
  return /^[A-Z]/u.test(name) ? name : `Definition${name}`;
}

/** The name of the open variant of a validator, which readers use: `cas1StaffMember` → `cas1StaffMemberOpen`. */
export const openName = (name: string): string => `${name}Open`;

/**
 * Words a generated module cannot bind (ECMAScript's reserved words, strict
 * mode's, and `eval` and `arguments`), and globals its code uses, which a
 * binding would hide (`undefined`).
 */
const UNBINDABLE = new Set(
  'await break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield implements interface let package private protected public static eval arguments undefined NaN Infinity globalThis'.split(
    ' ',
  ),
);

/** Whether an import or a declaration of a generated module can take `name`. */
export const isBindingName = (name: string): boolean => /^[A-Za-z_$][A-Za-z0-9_$]*$/u.test(name) && !UNBINDABLE.has(name);

/**
 * The titles of a schema's `$defs` entries that cannot name the entry's
 * generated type and validator: each title must be a {@link TYPE_NAME}. An
 * entry with no title is named from its key, which the generator makes safe.
 */
export function definitionTitleProblems(file: string, schema: JsonSchemaObject): Problem[] {
  const defs = schema.$defs;
  if (typeof defs !== 'object' || defs === null || Array.isArray(defs)) return [];
  return Object.entries(defs).flatMap(([key, def]) => {
    const title = typeof def === 'object' && def !== null && !Array.isArray(def) ? (def as JsonSchemaObject).title : undefined;
    if (typeof title !== 'string' || TYPE_NAME.test(title)) return [];
    const message = `must be a PascalCase name of ASCII letters and digits, with a capital after digits, such as ${JSON.stringify(typeNameFrom(title))}: it names the definition's generated TypeScript type and validator`;
    return [{ file, pointer: `/$defs/${escapePointer(key)}/title`, message }];
  });
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
export function baseNameOf(event: EventTypeSource): { readonly base: string | undefined; readonly problems: readonly Problem[] } {
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
export function nameCollisions(catalogue: Catalogue, bases: readonly (string | undefined)[]): Problem[] {
  const claimed = new Map<string, string>();
  const problems: Problem[] = [];
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
