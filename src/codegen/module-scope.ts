/**
 * The scope one generated module is written in: it resolves `$ref`s, emits
 * local `$defs` before their first use, and records what the module imports.
 */
import type ts from 'typescript';
import type { JsonSchema, JsonSchemaObject, SharedSchema } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { type SchemaIndex, validatorName } from '../schema/catalogue-index.js';
import { camel, openName } from '../schema/names.js';
import { defsEntry, splitRef, unsupportedRefIn } from '../schema/ref.js';
import { type CheckScope, emitCheck } from './check-emitter.js';
import { checkName, type DefinitionNames } from './module-names.js';
import { exportConst, id } from './ts.js';
import { type EmitScope, emitZod, type ResolvedRef } from './zod-emitter.js';

/** How a module reaches shared definitions: by import, or (in the shared module itself) by defining them. */
export type SharedAccess =
  | { readonly kind: 'import' }
  | { readonly kind: 'define'; ensure(shared: SharedSchema, open: boolean): string; ensureCheck(shared: SharedSchema): string };

export class ModuleScope implements EmitScope, CheckScope {
  /** Helpers used from `runtime/schema-checks`. */
  readonly helpers = new Set<string>();
  /** Shared validators imported from the shared module. */
  readonly sharedValidators = new Set<string>();
  /** Shared TypeScript types the module's types refer to. */
  readonly sharedTypes = new Set<string>();
  /** Local `$defs` validators, in dependency order. */
  readonly definitions: ts.Statement[] = [];
  /** Functions used by the check functions, from the runtime. */
  readonly checkHelpers = new Set<string>();
  /** Shared check functions imported from the shared module. */
  readonly sharedChecks = new Set<string>();
  /** Local `$defs` check functions, as code, in dependency order. */
  readonly checkDefinitions: string[] = [];
  private readonly defined = new Map<string, string>();
  private readonly defining = new Set<string>();
  private readonly checked = new Map<string, string>();

  constructor(
    readonly file: string,
    private readonly baseId: string,
    private readonly root: JsonSchemaObject,
    private readonly index: SchemaIndex,
    private readonly shared: SharedAccess,
    /** The name of each of the document's `$defs` entries, as `nameDefinitions` gives them. */
    private readonly definitionNames: DefinitionNames,
    /** Whether this scope emits the open variant; its shared and local definitions are open too. */
    readonly open = false,
  ) {}

  /** A validator's name in this variant. */
  private named(name: string): string {
    return this.open ? openName(name) : name;
  }

  helper(name: string): ts.Expression {
    this.helpers.add(name);
    return id(name);
  }

  checkHelper(name: string): string {
    this.checkHelpers.add(name);
    return name;
  }

  resolve(ref: string, pointer: string): ResolvedRef {
    const found = this.target(ref, pointer);
    if (found.kind === 'local') return this.local(found.fragment, ref, pointer);
    const { target } = found;
    this.sharedTypes.add(target.typeName);
    if (this.shared.kind === 'define') return { schema: target.json, expression: id(this.shared.ensure(target, this.open)) };
    const name = this.named(validatorName(target));
    this.sharedValidators.add(name);
    return { schema: target.json, expression: id(name) };
  }

  resolveCheck(ref: string, pointer: string): { readonly schema: JsonSchema; readonly name: string } {
    const found = this.target(ref, pointer);
    if (found.kind === 'local') return this.localCheck(found.fragment, ref, pointer);
    const { target } = found;
    if (this.shared.kind === 'define') return { schema: target.json, name: this.shared.ensureCheck(target) };
    const name = checkName(target.typeName);
    this.sharedChecks.add(name);
    return { schema: target.json, name };
  }

  /** What a `$ref` names: an entry of this document's `$defs`, or a shared file. */
  private target(ref: string, pointer: string): { kind: 'local'; fragment: string } | { kind: 'shared'; target: SharedSchema } {
    const unsupported = unsupportedRefIn(ref, this.root, this.baseId);
    if (unsupported) throw new ConfigError(this.file, pointer, unsupported);
    const { document, fragment } = splitRef(ref, this.baseId, this.file, pointer);
    if (document === this.baseId) return { kind: 'local', fragment };
    const target = this.index.shared.get(document);
    if (!target) {
      throw new ConfigError(
        this.file,
        pointer,
        `$ref ${JSON.stringify(ref)} cannot be resolved: no schema has the $id ${document}; shared definitions live in schemas/_shared/`,
      );
    }
    if (fragment !== '') throw new ConfigError(this.file, pointer, `$ref ${JSON.stringify(ref)} points inside a shared file; refer to the whole file`);
    return { kind: 'shared', target };
  }

  /** The `$defs` entry a local reference names. */
  private entry(fragment: string, ref: string, pointer: string): { key: string; schema: JsonSchema; typeName: string } {
    const entry = defsEntry(this.root, fragment);
    if (!entry) {
      throw new ConfigError(this.file, pointer, `$ref ${JSON.stringify(ref)} cannot be resolved: local references must name an entry of this file's $defs`);
    }
    const typeName = this.definitionNames.get(entry.key);
    if (typeName === undefined) throw new Error(`${this.file}: the $defs entry ${JSON.stringify(entry.key)} was not named`);
    return { ...entry, typeName };
  }

  /** The check function of a `#/$defs/<key>` entry, written before the first function that calls it. */
  private localCheck(fragment: string, ref: string, pointer: string): { readonly schema: JsonSchema; readonly name: string } {
    const { key, schema, typeName } = this.entry(fragment, ref, pointer);
    const name = checkName(typeName);
    if (!this.checked.has(key)) {
      // Named before it is written, so that a branch can refer to it; the zod emitter has already refused recursion.
      this.checked.set(key, name);
      this.checkDefinitions.push(emitCheck(name, schema, `/$defs/${escapePointer(key)}`, this, { doc: `Checks a value against {@link ${typeName}}.` }));
    }
    return { schema, name };
  }

  /** A `#/$defs/<key>` reference inside this document. */
  private local(fragment: string, ref: string, pointer: string): ResolvedRef {
    const { key, schema, typeName } = this.entry(fragment, ref, pointer);
    const done = this.defined.get(key);
    if (done) return { schema, expression: id(done) };
    if (this.defining.has(key)) throw new ConfigError(this.file, pointer, `$ref ${JSON.stringify(ref)} is recursive; recursive schemas are not supported`);
    const name = this.named(camel(typeName));
    this.defining.add(key);
    const expression = emitZod(schema, `/$defs/${escapePointer(key)}`, this);
    this.defining.delete(key);
    this.definitions.push(exportConst(name, expression, `zod validator for \`${typeName}\`.`));
    this.defined.set(key, name);
    return { schema, expression: id(name) };
  }
}

/**
 * Whether a schema reaches an object with `additionalProperties: false`,
 * following `$ref`s into its own `$defs` and into shared files. Only then
 * does its open variant differ from its closed one.
 */
export function reachesClosedObject(schema: JsonSchema, baseId: string, root: JsonSchemaObject, index: SchemaIndex, seen = new Set<string>()): boolean {
  const visit = (node: unknown, base: string, document: JsonSchemaObject): boolean => {
    if (Array.isArray(node)) return node.some((item) => visit(item, base, document));
    if (typeof node !== 'object' || node === null) return false;
    const object = node as JsonSchemaObject;
    if (object.additionalProperties === false) return true;
    if (typeof object.$ref === 'string') {
      const key = `${base}|${object.$ref}`;
      if (!seen.has(key)) {
        seen.add(key);
        let target: { node: unknown; base: string; document: JsonSchemaObject } | undefined;
        try {
          const { document: uri, fragment } = splitRef(object.$ref, base, '', '');
          const doc = uri === base ? document : index.shared.get(uri)?.json;
          if (doc) target = { node: fragment === '' ? doc : defsEntry(doc, fragment)?.schema, base: uri, document: doc };
        } catch {
          target = undefined;
        }
        if (target && visit(target.node, target.base, target.document)) return true;
      }
    }
    return Object.entries(object).some(
      ([key, value]) => key !== '$defs' && key !== 'examples' && key !== 'default' && key !== 'const' && key !== 'enum' && visit(value, base, document),
    );
  };
  return visit(schema, baseId, root);
}
