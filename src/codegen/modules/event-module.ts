/**
 * `generated/events/<event.type>.ts`: one module per event type, importable
 * on its own. It holds each version's data type and validator, the upcast
 * chain, the typed envelopes, and the event type's object.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { EventTypeSource, JsonSchema, JsonSchemaObject, SharedSchema, VersionSource } from '../../catalogue/model.js';
import { ConfigError } from '../../errors.js';
import { ModuleScope } from '../module-scope.js';
import { camel, requireBaseName } from '../names.js';
import type { SchemaIndex } from '../schema-index.js';
import { exportConst, id, importNamed, json, literalType, object, printModule, pure, str, typeRef, withDoc } from '../ts.js';
import { emitTypes, mergeDeclarations } from '../typescript-types.js';
import { compileUpcast } from '../upcast-compiler.js';
import { emitZod } from '../zod-emitter.js';
import { importsFor } from './imports.js';
import { sharedSchemaName } from './shared-module.js';

const f = ts.factory;

/** The names a module exports, which the registry index re-exports. */
export interface EventModuleNames {
  readonly type: string;
  readonly module: string;
  /** The event type's object, e.g. `cas1BookingCancelled`. */
  readonly object: string;
  /** e.g. `Cas1BookingCancelled`; types are `<base>V1`, `<base>Envelope`… */
  readonly base: string;
  readonly versions: readonly number[];
}

/** The names of an event type's module; throws {@link ConfigError} when its titles break the naming. */
export function namesOf(event: EventTypeSource): EventModuleNames {
  const base = requireBaseName(event);
  return { type: event.type, module: `./events/${event.type}.js`, object: camel(base), base, versions: event.versions.map((v) => v.version) };
}

export async function eventModule(event: EventTypeSource, index: SchemaIndex, root: string): Promise<string> {
  const names = namesOf(event);
  const { base } = names;
  const reserved = new Set([names.object, ...event.versions.map((v) => camel(`${base}V${v.version}`))]);
  const helpers = new Set<string>();
  const upcastHelpers = new Set<string>();
  const sharedValidators = new Set<string>();
  const definitions: ts.Statement[] = [];
  const validators: ts.Statement[] = [];
  const upcasters: ts.Statement[] = [];
  const typedImports: ts.Statement[] = [];

  for (const version of event.versions) {
    const scope = new ModuleScope(version.schema.file, version.schema.id, version.schema.json, index, { kind: 'import' }, reserved);
    const expression = emitZod(version.schema.json, '', scope);
    for (const h of scope.helpers) helpers.add(h);
    for (const v of scope.sharedValidators) sharedValidators.add(v);
    definitions.push(...scope.definitions);
    validators.push(exportConst(camel(`${base}V${version.version}`), expression, `Validator for {@link ${base}V${version.version}}.`));
  }
  const typeParts = await Promise.all(event.versions.map((v) => emitTypes(v.schema.json, v.schema.file, index)));
  const types = mergeDeclarations(event.dir, typeParts);
  const sharedTypes = new Set(typeParts.flatMap((t) => [...t.sharedTypes]));

  const schemaFunctions = new Set<string>();
  const steps = new Map<number, { kind: string; run: string }>();
  for (let i = 1; i < event.versions.length; i++) {
    const from = event.versions[i - 1] as VersionSource;
    const to = event.versions[i] as VersionSource;
    const fn = `upcastV${from.version}ToV${to.version}`;
    const declaration = to.upcast?.declaration;
    if (!declaration) continue; // no upcast declared: the data is carried over and must be valid at the new version
    if (declaration.kind === 'meaning-only') {
      upcastHelpers.add('carryOver');
      steps.set(to.version, { kind: 'meaning-only', run: 'carryOver' });
    } else if (declaration.kind === 'typed') {
      const file = `src/upcasters/${event.type}.ts`;
      if (!existsSync(join(root, file))) {
        throw new ConfigError((to.upcast as { file: string }).file, '/kind', `a typed upcast needs ${file}, exporting ${fn}`);
      }
      typedImports.push(importNamed(`../../src/upcasters/${event.type}.js`, [fn]) as ts.Statement);
      steps.set(to.version, { kind: 'typed', run: fn });
    } else {
      const compiled = compileUpcast({
        file: (to.upcast as { file: string }).file,
        functionName: fn,
        from: { schema: from.schema.json, typeName: `${base}V${from.version}`, deref: derefIn(from, index) },
        to: { schema: to.schema.json, typeName: `${base}V${to.version}`, deref: derefIn(to, index) },
        operations: declaration.operations,
      });
      for (const h of compiled.helpers) upcastHelpers.add(h);
      upcasters.push(...compiled.statements);
      steps.set(to.version, { kind: 'transform', run: fn });
    }
  }

  const latest = event.versions.length;
  const versionMap = f.createTypeLiteralNode(
    event.versions.map((v) => f.createPropertySignature(undefined, f.createNumericLiteral(v.version), undefined, typeRef(`${base}V${v.version}`))),
  );
  const envelopeTypes = event.versions.map((v) =>
    withDoc(
      f.createTypeAliasDeclaration(
        [f.createModifier(ts.SyntaxKind.ExportKeyword)],
        `${base}EnvelopeV${v.version}`,
        undefined,
        typeRef('EventEnvelope', [literalType(event.type), literalType(v.version), typeRef(`${base}V${v.version}`)]),
      ),
      `An ${event.type} envelope with version ${v.version} data.`,
    ),
  );
  const alias = (name: string, target: string, doc: string) =>
    withDoc(f.createTypeAliasDeclaration([f.createModifier(ts.SyntaxKind.ExportKeyword)], name, undefined, typeRef(target)), doc);

  const definition = object([
    ['type', str(event.type)],
    ['title', str(event.metadata.title)],
    ['description', str(event.metadata.description)],
    ['timeline', json(event.metadata.timeline)],
    ['envelope', id('envelopeShape')],
    [
      'versions',
      f.createArrayLiteralExpression(
        event.versions.map((v) => {
          const step = steps.get(v.version);
          return object([
            ['version', json(v.version)],
            ['schemaId', str(v.schema.id)],
            ['data', id(camel(`${base}V${v.version}`))],
            [
              'schema',
              f.createArrowFunction(
                undefined,
                undefined,
                [],
                undefined,
                undefined,
                f.createParenthesizedExpression(bundledSchema(v.schema.json, index, schemaFunctions)),
              ),
            ],
            ...(step
              ? [
                  [
                    'upcast',
                    object([
                      ['kind', str(step.kind)],
                      ['run', id(step.run)],
                    ]),
                  ] as [string, ts.Expression],
                ]
              : []),
          ]);
        }),
        true,
      ),
    ],
  ]);
  const call = pure(f.createCallExpression(id('defineEventType'), [literalType(event.type), typeRef(`${base}Versions`), literalType(latest)], [definition]));

  return printModule([
    ...importsFor(
      { runtime: '../../src/runtime', shared: '../shared.js' },
      { zod: true, checks: helpers, upcastHelpers, sharedValidators: [...sharedValidators, ...schemaFunctions], sharedTypes },
    ),
    importNamed('../../src/runtime/event-type.js', ['defineEventType']),
    importNamed('../../src/runtime/event-type.js', ['EventEnvelope'], true),
    upcasters.length > 0 ? importNamed('../../src/runtime/upcast.js', ['UpcastContext'], true) : undefined,
    importNamed('../envelope.js', ['envelopeShape']),
    ...typedImports,
    ...types.values(),
    withDoc(
      f.createTypeAliasDeclaration([f.createModifier(ts.SyntaxKind.ExportKeyword)], `${base}Versions`, undefined, versionMap),
      `The data type of each version of ${event.type}.`,
    ),
    ...envelopeTypes,
    alias(`${base}Envelope`, `${base}EnvelopeV${latest}`, `An ${event.type} envelope at the latest version (${latest}).`),
    alias(`${base}Data`, `${base}V${latest}`, `The data of ${event.type} at the latest version (${latest}).`),
    ...definitions,
    ...validators,
    ...upcasters,
    exportConst(
      names.object,
      call,
      `${event.metadata.title}: ${event.metadata.description}\n\nOwner: ${event.metadata.owner}. Produced by ${event.metadata.producers.join(', ')}.`,
    ),
  ]);
}

/** Follows `$ref`s (local `$defs` or shared files) from inside `root` to the schema they name. */
function derefIn(root: VersionSource, index: SchemaIndex): (schema: JsonSchema) => JsonSchemaObject {
  return (schema) => {
    let current = schema;
    let document = root.schema.json;
    for (let hops = 0; typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
      if (hops > 16) throw new ConfigError(root.schema.file, '', 'a chain of $refs is too long');
      const url = new URL(current.$ref, document.$id as string);
      const fragment = decodeURIComponent(url.hash.replace(/^#/u, ''));
      url.hash = '';
      const target = url.href === root.schema.id ? root.schema.json : index.shared.get(url.href)?.json;
      if (!target) return {};
      document = target;
      current = fragment.startsWith('/$defs/') ? ((target.$defs as Record<string, JsonSchema> | undefined)?.[fragment.slice(7)] ?? {}) : target;
    }
    return typeof current === 'object' ? current : {};
  };
}

/**
 * The version's schema with every shared definition it uses embedded under
 * `$defs`, each keeping its own `$id`, so `$ref`s resolve with no other file
 * (a JSON Schema 2020-12 compound document). Shared schemas come from the
 * shared module's functions, so each is written once.
 */
function bundledSchema(schema: JsonSchemaObject, index: SchemaIndex, used: Set<string>): ts.Expression {
  const embedded = new Map<string, SharedSchema>();
  const visit = (node: unknown, baseId: string) => {
    if (Array.isArray(node)) for (const item of node) visit(item, baseId);
    else if (typeof node === 'object' && node !== null) {
      const ref = (node as JsonSchemaObject).$ref;
      if (typeof ref === 'string') {
        const url = new URL(ref, baseId);
        url.hash = '';
        const target = index.shared.get(url.href);
        if (target && !embedded.has(target.typeName)) {
          embedded.set(target.typeName, target);
          visit(target.json, target.id);
        }
      }
      for (const value of Object.values(node)) visit(value, baseId);
    }
  };
  visit(schema, schema.$id as string);
  if (embedded.size === 0) return json(schema);
  const own = (schema.$defs ?? {}) as Record<string, unknown>;
  const defs: Array<[string, ts.Expression]> = Object.entries(own).map(([k, v]) => [k, json(v)]);
  for (const name of [...embedded.keys()].sort()) {
    if (Object.hasOwn(own, name))
      throw new ConfigError(String(schema.$id), `/$defs/${name}`, `this $defs key is also the name of a shared definition the schema uses; rename it`);
    const fn = sharedSchemaName(embedded.get(name) as SharedSchema);
    used.add(fn);
    defs.push([name, f.createCallExpression(id(fn), undefined, [])]);
  }
  const rest = Object.entries(schema).filter(([k]) => k !== '$defs');
  return object([...rest.map(([k, v]): [string, ts.Expression] => [k, json(v)]), ['$defs', object(defs, true)]], true);
}
