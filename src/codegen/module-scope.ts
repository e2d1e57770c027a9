/**
 * The scope one generated module is written in: it resolves `$ref`s, emits
 * local `$defs` before their first use, and records what the module imports.
 */
import type ts from 'typescript';
import type { JsonSchema, JsonSchemaObject, SharedSchema } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { camel, pascal } from './names.js';
import { type SchemaIndex, splitRef, validatorName } from './schema-index.js';
import { exportConst, id } from './ts.js';
import { type EmitScope, emitZod, type ResolvedRef } from './zod-emitter.js';

/** How a module reaches shared definitions: by import, or (in the shared module itself) by defining them. */
export type SharedAccess = { readonly kind: 'import' } | { readonly kind: 'define'; ensure(shared: SharedSchema): string };

export class ModuleScope implements EmitScope {
  /** Helpers used from `runtime/schema-checks`. */
  readonly helpers = new Set<string>();
  /** Shared validators imported from the shared module. */
  readonly sharedValidators = new Set<string>();
  /** Shared TypeScript types the module's types refer to. */
  readonly sharedTypes = new Set<string>();
  /** Local `$defs` validators, in dependency order. */
  readonly definitions: ts.Statement[] = [];
  private readonly defined = new Map<string, string>();
  private readonly defining = new Set<string>();

  constructor(
    readonly file: string,
    private readonly baseId: string,
    private readonly root: JsonSchemaObject,
    private readonly index: SchemaIndex,
    private readonly shared: SharedAccess,
    private readonly reservedNames: Set<string>,
  ) {}

  helper(name: string): ts.Expression {
    this.helpers.add(name);
    return id(name);
  }

  resolve(ref: string, pointer: string): ResolvedRef {
    const { document, fragment } = splitRef(ref, this.baseId, this.file, pointer);
    if (document === this.baseId) return this.local(fragment, ref, pointer);
    const target = this.index.shared.get(document);
    if (!target) {
      throw new ConfigError(
        this.file,
        pointer,
        `$ref ${JSON.stringify(ref)} cannot be resolved: no schema has the $id ${document}; shared definitions live in schemas/_shared/`,
      );
    }
    if (fragment !== '') throw new ConfigError(this.file, pointer, `$ref ${JSON.stringify(ref)} points inside a shared file; refer to the whole file`);
    this.sharedTypes.add(target.typeName);
    if (this.shared.kind === 'define') return { schema: target.json, expression: id(this.shared.ensure(target)) };
    const name = validatorName(target);
    this.sharedValidators.add(name);
    return { schema: target.json, expression: id(name) };
  }

  /** A `#/$defs/<key>` reference inside this document. */
  private local(fragment: string, ref: string, pointer: string): ResolvedRef {
    const match = /^\/\$defs\/([^/]+)$/u.exec(fragment);
    const key = match?.[1]?.replaceAll('~1', '/').replaceAll('~0', '~');
    const defs = this.root.$defs as Record<string, JsonSchema> | undefined;
    if (key === undefined || !defs || !Object.hasOwn(defs, key)) {
      throw new ConfigError(this.file, pointer, `$ref ${JSON.stringify(ref)} cannot be resolved: local references must name an entry of this file's $defs`);
    }
    const schema = defs[key] as JsonSchema;
    const done = this.defined.get(key);
    if (done) return { schema, expression: id(done) };
    if (this.defining.has(key)) throw new ConfigError(this.file, pointer, `$ref ${JSON.stringify(ref)} is recursive; recursive schemas are not supported`);
    const title = typeof schema === 'object' && typeof schema.title === 'string' ? schema.title : pascal(key);
    const name = camel(title);
    if (this.reservedNames.has(name))
      throw new ConfigError(this.file, `/$defs/${escapePointer(key)}`, `the name ${name} is already used in this module; give the definition another title`);
    this.defining.add(key);
    const expression = emitZod(schema, `/$defs/${escapePointer(key)}`, this);
    this.defining.delete(key);
    this.definitions.push(exportConst(name, expression, `Validator for {@link ${title}}.`));
    this.defined.set(key, name);
    this.reservedNames.add(name);
    return { schema, expression: id(name) };
  }
}
