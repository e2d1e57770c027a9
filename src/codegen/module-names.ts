/**
 * The names one generated module binds. Each import and declaration needs a
 * name of its own that is an identifier, or the module does not load. A name
 * a title chose is a public type or validator name, so a clash there is
 * refused, naming the schema and pointer; a name the generator makes up (for
 * a `$defs` entry with no title, from its key) is made safe instead.
 */
import type { JsonSchemaObject } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';
import { escapePointer } from '../runtime/json-pointer.js';
import * as checks from '../runtime/schema-checks.js';
import * as upcastHelpers from '../runtime/upcast-helpers.js';
import { camel, definitionTitleProblems, isBindingName, openName, typeNameFrom } from '../schema/names.js';

/** Where a title is written, for a refusal to name. */
export interface TitleAt {
  readonly file: string;
  readonly pointer: string;
}

/** Every name a generated module binds, with what binds it. */
export class ModuleNames {
  private readonly owners = new Map<string, string>();

  /** @param module The generated file, such as `generated/events/test.thing.happened.ts`; messages name it. */
  constructor(readonly module: string) {}

  /**
   * Binds names nothing in the schemas chose: imports, and the generator's
   * own declarations. A module may leave some of them out (an import it turns
   * out not to need), but they are bound whether used or not, so that adding
   * a keyword to a schema never makes a name clash elsewhere in it.
   */
  reserve(names: Iterable<string>, owner: string): this {
    for (const name of names) if (!this.owners.has(name)) this.owners.set(name, owner);
    return this;
  }

  /** Whether every one of `names` is an identifier that nothing binds yet. */
  free(names: readonly string[]): boolean {
    return names.every((name) => isBindingName(name) && !this.owners.has(name));
  }

  /**
   * Binds the names a title chose, or throws {@link ConfigError} at the
   * title when one is not an identifier or is bound already; `instead` says
   * what to write instead.
   */
  claim(names: readonly string[], owner: string, at: TitleAt, instead: string): void {
    for (const name of names) {
      const other = this.owners.get(name);
      if (other !== undefined && other !== owner)
        throw new ConfigError(at.file, at.pointer, `the name ${name} is already used in ${this.module} by ${other}; ${instead}`);
      if (!isBindingName(name))
        throw new ConfigError(at.file, at.pointer, `the name ${name} cannot be used in ${this.module}: it is a reserved word; ${instead}`);
    }
    for (const name of names) this.owners.set(name, owner);
  }

  /** The first of `candidates` whose names are all free, bound to `owner`. */
  fresh(candidates: Iterable<string>, namesOf: (candidate: string) => readonly string[], owner: string): string {
    for (const candidate of candidates) {
      const names = namesOf(candidate);
      if (!this.free(names)) continue;
      for (const name of names) this.owners.set(name, owner);
      return candidate;
    }
    throw new Error(`${this.module}: no free name for ${owner}`);
  }
}

/** The name of the check function of a type: `StaffMember` → `checkStaffMember`. */
export const checkName = (typeName: string): string => `check${typeName}`;

/** The names a type and its validators bind: `Thing`, `thing`, readers' `thingOpen`, and the check function `checkThing`. */
export const typeAndValidators = (type: string): string[] => [type, camel(type), openName(camel(type)), checkName(type)];

/** `candidate`, then `candidateDefinition`, `candidateDefinition2`… */
function* variants(candidate: string): Generator<string> {
  yield candidate;
  yield `${candidate}Definition`;
  for (let n = 2; ; n++) yield `${candidate}Definition${n}`;
}

/** `hint` and `title` together, then {@link variants} of `title`. */
function* prefixed(hint: string, title: string): Generator<string> {
  if (hint !== '') yield `${hint}${title}`;
  yield* variants(title);
}

/** The first of `candidates` whose type and validator names are free. */
function firstFree(names: ModuleNames, candidates: Iterable<string>): string {
  for (const candidate of candidates) if (names.free(typeAndValidators(candidate))) return candidate;
  throw new Error('unreachable: the candidates never end');
}

/**
 * Binds what generated modules import from zod, the runtime and the envelope
 * module. Every module binds them all, though each imports only some: a
 * shared definition's validator is imported beside them in every event
 * module, so it may take none of these names either.
 */
export function reserveImports(names: ModuleNames): ModuleNames {
  return names
    .reserve(['z'], 'the import of zod (`z`)')
    .reserve(Object.keys(checks), 'a check that generated modules import from src/runtime/schema-checks.ts')
    .reserve(Object.keys(upcastHelpers), 'a helper that event modules import from src/runtime/upcast-helpers.ts')
    .reserve(['defineEventType', 'DetailDocument', 'EventEnvelope'], 'a name that event modules import from src/runtime/event-type.ts')
    .reserve(['UpcastContext'], 'a name that event modules import from src/runtime/upcast.ts')
    .reserve(['envelopeShape', 'envelopeShapeOpen'], 'a name that event modules import from generated/envelope.ts');
}

/** A schema of a module, whose `$defs` entries are named. */
export interface ModuleSchema {
  readonly file: string;
  readonly json: JsonSchemaObject;
}

/** By `$defs` key, the name of each entry's type; its validator is the same in camelCase. */
export type DefinitionNames = ReadonlyMap<string, string>;

/**
 * Names every `$defs` entry of a module's schemas, by file and key: the name
 * of its TypeScript type, whose validator is the same name in camelCase
 * (`Thing`, `thing`, and `thingOpen` for readers). A titled entry is named by
 * its title, which must be a type name (`TYPE_NAME`) that nothing else in
 * the module binds; `hint` (the event type's name) goes in front of the title
 * suggested instead. Titles are named first, in every schema, so that a
 * made-up name never takes one. An untitled entry is named from its key,
 * made into a type name (`1st` → `Definition1St`), with `Definition` and then
 * a number after it while that is taken (`z` → `ZDefinition`, zod being `z`).
 */
export function nameDefinitions(names: ModuleNames, schemas: readonly ModuleSchema[], hint = ''): Map<string, DefinitionNames> {
  const out = new Map<string, Map<string, string>>();
  const entries = schemas.flatMap((schema) => {
    const named = new Map<string, string>();
    out.set(schema.file, named);
    const defs = schema.json.$defs;
    if (typeof defs !== 'object' || defs === null || Array.isArray(defs)) return [];
    return Object.entries(defs).map(([key, def]) => {
      const title = typeof def === 'object' && def !== null && !Array.isArray(def) ? (def as JsonSchemaObject).title : undefined;
      return { schema, named, key, title: typeof title === 'string' ? title : undefined, pointer: `/$defs/${escapePointer(key)}` };
    });
  });
  for (const { schema, named, key, title, pointer } of entries) {
    if (title === undefined) continue;
    const [problem] = definitionTitleProblems(schema.file, { $defs: { [key]: { title } } });
    if (problem) throw new ConfigError(problem.file, problem.pointer, problem.message);
    const owner = `the definition ${pointer} of ${schema.file}`;
    const suggestion = firstFree(names, prefixed(hint, title));
    names.claim(
      typeAndValidators(title),
      owner,
      { file: schema.file, pointer: `${pointer}/title` },
      `give the definition another title, such as ${JSON.stringify(suggestion)}`,
    );
    named.set(key, title);
  }
  for (const { schema, named, key, title, pointer } of entries) {
    if (title !== undefined) continue;
    named.set(key, names.fresh(variants(typeNameFrom(key)), typeAndValidators, `the definition ${pointer} of ${schema.file}`));
  }
  return out;
}

/**
 * Binds the types json-schema-to-typescript declared for one schema besides
 * `expected` (the names of its root and its `$defs` entries): types a title
 * inside it named, such as a property's. Identical ones from two schemas of
 * a module merge into one; a clash with any other name is refused at that title.
 */
export function claimInnerTypes(names: ModuleNames, schema: ModuleSchema, declared: Iterable<string>, expected: ReadonlySet<string>): void {
  for (const name of declared) {
    if (expected.has(name)) continue;
    const at = { file: schema.file, pointer: innerTitleOf(schema.json, name) ?? '' };
    names.claim([name], 'a type named by a title inside a schema', at, 'change or remove the title');
  }
}

/** The pointer of a title inside `schema` (not its root's) that names the type `name`, as far as it can be told. */
function innerTitleOf(schema: JsonSchemaObject, name: string): string | undefined {
  const stem = name.replace(/[0-9]+$/u, '');
  const visit = (node: unknown, pointer: string): string | undefined => {
    if (typeof node !== 'object' || node === null) return undefined;
    for (const [key, value] of Object.entries(node)) {
      const here = `${pointer}/${escapePointer(key)}`;
      if (key === 'title' && pointer !== '' && typeof value === 'string' && [name, stem].includes(typeNameFrom(value))) return here;
      const found = visit(value, here);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(schema, '');
}
