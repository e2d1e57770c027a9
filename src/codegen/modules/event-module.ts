/**
 * `generated/events/<event.type>.ts`: one module per event type, importable
 * on its own. For each of its contracts (notification, detail) it holds each
 * version's data type and validator and the upcast chain; then the typed
 * notifications and detail documents, and the event type's object.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { ContractKind, ContractSource, EventTypeSource, JsonSchemaObject, SharedSchema, VersionSource } from '../../catalogue/model.js';
import { describesNoData } from '../../catalogue/no-data.js';
import { ConfigError } from '../../errors.js';
import { type SchemaIndex, sharedReachedFrom } from '../../schema/catalogue-index.js';
import { camel, contractWord, openName, requireBaseName } from '../../schema/names.js';
import { claimInnerTypes, type DefinitionNames, ModuleNames, nameDefinitions, reserveImports, typeAndValidators } from '../module-names.js';
import { ModuleScope, reachesClosedObject } from '../module-scope.js';
import { exportConst, id, importNamed, json, literalType, object, printModule, pure, str, typeRef, withDoc } from '../ts.js';
import { type EmittedTypes, emitTypes, mergeDeclarations } from '../typescript-types.js';
import { compileUpcast } from '../upcast-compiler.js';
import { derefIn } from '../upcast-plan.js';
import { emitZod } from '../zod-emitter.js';
import { importsFor } from './imports.js';
import { sharedSchemaName } from './shared-module.js';

const f = ts.factory;

/** The names of one contract's generated code. */
export interface ContractNames {
  readonly kind: ContractKind;
  /** e.g. `Cas1BookingCancelledDetail`; each version's data type is `<prefix>V<n>`, its validator `<camel prefix>V<n>`. */
  readonly prefix: string;
  readonly versions: readonly number[];
}

/** The names a module exports, which the registry index re-exports. */
export interface EventModuleNames {
  readonly type: string;
  readonly module: string;
  /** The event type's object, e.g. `cas1BookingCancelled`. */
  readonly object: string;
  /** e.g. `Cas1BookingCancelled`; types are `<base>NotificationV1`, `<base>DetailV2`, `<base>Envelope`… */
  readonly base: string;
  /** The schema whose title gives `base`: the first contract's version 1. */
  readonly titled: string;
  readonly notification?: ContractNames;
  readonly detail?: ContractNames;
}

/** The names of an event type's module; throws {@link ConfigError} when its titles break the naming. */
export function namesOf(event: EventTypeSource): EventModuleNames {
  const base = requireBaseName(event);
  const contract = (c: ContractSource | undefined): { notification?: ContractNames } | { detail?: ContractNames } =>
    c ? { [c.kind]: { kind: c.kind, prefix: `${base}${contractWord(c.kind)}`, versions: c.versions.map((v) => v.version) } } : {};
  const titled = event.contracts[0]?.versions[0]?.schema.file ?? event.dir;
  return {
    type: event.type,
    module: `./events/${event.type}.js`,
    object: camel(base),
    base,
    titled,
    ...contract(event.notification),
    ...contract(event.detail),
  };
}

/** What one contract contributes to its event type's module. */
interface ContractCode {
  /** Each version's types; the module merges both contracts' into one set of declarations. */
  readonly types: readonly EmittedTypes[];
  readonly statements: ts.Statement[];
  readonly definition: ts.Expression;
}

/** What the module's contracts need imported. */
interface ModuleNeeds {
  readonly helpers: Set<string>;
  readonly upcastHelpers: Set<string>;
  readonly sharedValidators: Set<string>;
  readonly sharedTypes: Set<string>;
  readonly typedImports: ts.Statement[];
  upcastContext: boolean;
}

export async function eventModule(event: EventTypeSource, index: SchemaIndex, root: string): Promise<string> {
  const names = namesOf(event);
  const { base } = names;
  const needs: ModuleNeeds = {
    helpers: new Set(),
    upcastHelpers: new Set(),
    sharedValidators: new Set(),
    sharedTypes: new Set(),
    typedImports: [],
    upcastContext: false,
  };
  const moduleNames = bindNames(event, names, index);
  const definitionNames = nameDefinitions(
    moduleNames,
    event.contracts.flatMap((c) => c.versions.map((v) => v.schema)),
    base,
  );
  const named: Naming = { module: moduleNames, definitions: definitionNames };
  const notification = event.notification && (await contractCode(event, event.notification, names.notification as ContractNames, index, root, named, needs));
  const detail = event.detail && (await contractCode(event, event.detail, names.detail as ContractNames, index, root, named, needs));

  const envelopeTypes: ts.Statement[] = [];
  if (names.notification) {
    const { prefix, versions } = names.notification;
    const latest = versions.length;
    const noData = new Set(event.notification?.versions.filter((v) => describesNoData(v.schema.json)).map((v) => v.version));
    for (const v of versions) {
      envelopeTypes.push(
        typeAlias(
          `${base}EnvelopeV${v}`,
          typeRef('EventEnvelope', [
            literalType(event.type),
            literalType(v),
            noData.has(v)
              ? f.createUnionTypeNode([typeRef(`${prefix}V${v}`), f.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword)])
              : typeRef(`${prefix}V${v}`),
          ]),
          `An ${event.type} notification with version ${v} data.`,
        ),
      );
    }
    envelopeTypes.push(typeAlias(`${base}Envelope`, typeRef(`${base}EnvelopeV${latest}`), `An ${event.type} notification at the latest version (${latest}).`));
  }
  if (names.detail) {
    const { prefix, versions } = names.detail;
    const latest = versions.length;
    for (const v of versions) {
      envelopeTypes.push(
        typeAlias(
          `${base}DetailDocumentV${v}`,
          typeRef('DetailDocument', [literalType(event.type), typeRef(`${prefix}V${v}`)]),
          `An ${event.type} detail document with version ${v} details.`,
        ),
      );
    }
    envelopeTypes.push(
      typeAlias(`${base}DetailDocument`, typeRef(`${base}DetailDocumentV${latest}`), `An ${event.type} detail document at the latest version (${latest}).`),
    );
  }

  const contractTypes = (c: ContractNames | undefined) =>
    c ? [[c.kind, f.createTypeLiteralNode([prop('versions', typeRef(`${c.prefix}Versions`)), prop('latest', literalType(c.versions.length))])] as const] : [];
  const typeArguments = f.createTypeLiteralNode([...contractTypes(names.notification), ...contractTypes(names.detail)].map(([k, t]) => prop(k, t)));
  const definition = object([
    ['type', str(event.type)],
    ['title', str(event.metadata.title)],
    ['description', str(event.metadata.description)],
    ['timeline', json(event.metadata.timeline)],
    ['envelope', id('envelopeShape')],
    ['openEnvelope', id('envelopeShapeOpen')],
    ...(event.metadata.detailUrl === undefined ? [] : [['detailUrl', str(event.metadata.detailUrl)] as [string, ts.Expression]]),
    ...(notification ? [['notification', notification.definition] as [string, ts.Expression]] : []),
    ...(detail ? [['detail', detail.definition] as [string, ts.Expression]] : []),
  ]);
  const call = pure(f.createCallExpression(id('defineEventType'), [literalType(event.type), typeArguments], [definition]));

  return printModule([
    ...importsFor(
      { runtime: '../../src/runtime', shared: '../shared.js' },
      { zod: true, checks: needs.helpers, upcastHelpers: needs.upcastHelpers, sharedValidators: needs.sharedValidators, sharedTypes: needs.sharedTypes },
    ),
    importNamed('../../src/runtime/event-type.js', ['defineEventType']),
    importNamed('../../src/runtime/event-type.js', [...(names.detail ? ['DetailDocument'] : []), ...(names.notification ? ['EventEnvelope'] : [])], true),
    needs.upcastContext ? importNamed('../../src/runtime/upcast.js', ['UpcastContext'], true) : undefined,
    importNamed('../envelope.js', ['envelopeShape', 'envelopeShapeOpen']),
    ...needs.typedImports,
    ...mergeDeclarations(event.dir, [...(notification?.types ?? []), ...(detail?.types ?? [])]).values(),
    ...(notification?.statements ?? []),
    ...(detail?.statements ?? []),
    ...envelopeTypes,
    exportConst(
      names.object,
      call,
      `${event.metadata.title}: ${event.metadata.description}\n\nOwner: ${event.metadata.owner}. Produced by ${event.metadata.producers.join(', ')}.`,
    ),
  ]);
}

/** The module's names, and those of its schemas' `$defs` entries by file. */
interface Naming {
  readonly module: ModuleNames;
  readonly definitions: ReadonlyMap<string, DefinitionNames>;
}

/**
 * The names an event type's module binds before its `$defs` are named: what
 * it may import (the runtime's names, and the shared definitions its schemas
 * reach), the upcast functions, then the names its titles choose (the event
 * type's object and types, each version's type and validators).
 */
function bindNames(event: EventTypeSource, names: EventModuleNames, index: SchemaIndex): ModuleNames {
  const module = reserveImports(new ModuleNames(`generated/events/${event.type}.ts`));
  for (const shared of sharedReachedFrom(
    event.contracts.flatMap((c) => c.versions.map((v) => v.schema)),
    index,
  )) {
    module.reserve([...typeAndValidators(shared.typeName), sharedSchemaName(shared)], `the shared definition ${shared.typeName} (${shared.file})`);
  }
  for (const contract of event.contracts) {
    const word = contractWord(contract.kind);
    for (const [i, v] of contract.versions.entries())
      if (i > 0) module.reserve([upcastName(word, contract.versions[i - 1] as VersionSource, v)], 'an upcast function');
  }
  const contracts = [names.notification, names.detail].flatMap((c) => (c ? [c] : []));
  module.claim(
    [
      names.object,
      ...contracts.flatMap((c) => [c.prefix, `${c.prefix}Versions`]),
      ...(names.notification ? [`${names.base}Envelope`, ...names.notification.versions.map((v) => `${names.base}EnvelopeV${v}`)] : []),
      ...(names.detail ? [`${names.base}DetailDocument`, ...names.detail.versions.map((v) => `${names.base}DetailDocumentV${v}`)] : []),
    ],
    `the event type's object and types, named ${names.base} by its titles`,
    { file: names.titled, pointer: '/title' },
    `name the event type otherwise: change the ${names.base} part of its titles`,
  );
  for (const contract of event.contracts) {
    const { prefix } = (contract.kind === 'notification' ? names.notification : names.detail) as ContractNames;
    for (const v of contract.versions) {
      module.claim(
        typeAndValidators(`${prefix}V${v.version}`),
        `version ${v.version} of the ${contract.kind} contract`,
        { file: v.schema.file, pointer: '/title' },
        `name the event type otherwise: change the ${names.base} part of its titles`,
      );
    }
  }
  return module;
}

/** The name of the function upcasting `from` data to `to`: `upcastDetailV1ToV2`. */
const upcastName = (word: string, from: VersionSource, to: VersionSource): string => `upcast${word}V${from.version}ToV${to.version}`;

const prop = (name: string, type: ts.TypeNode) => f.createPropertySignature(undefined, name, undefined, type);
const typeAlias = (name: string, type: ts.TypeNode, doc: string) =>
  withDoc(f.createTypeAliasDeclaration([f.createModifier(ts.SyntaxKind.ExportKeyword)], name, undefined, type), doc);

/** One contract's types, validators and upcasters, and the definition `defineEventType` takes for it. */
async function contractCode(
  event: EventTypeSource,
  contract: ContractSource,
  names: ContractNames,
  index: SchemaIndex,
  root: string,
  named: Naming,
  needs: ModuleNeeds,
): Promise<ContractCode> {
  const { prefix } = names;
  const definitions: ts.Statement[] = [];
  const validators: ts.Statement[] = [];
  const upcasters: ts.Statement[] = [];
  const openValidators = new Map<number, string>();
  for (const version of contract.versions) {
    const name = camel(`${prefix}V${version.version}`);
    const { json: schema, id: schemaId, file } = version.schema;
    // Readers use an open variant where the schema has closed objects: properties it does not name are kept, and reported.
    const variants = reachesClosedObject(schema, schemaId, schema, index) ? [false, true] : [false];
    for (const open of variants) {
      const scope = new ModuleScope(file, schemaId, schema, index, { kind: 'import' }, named.definitions.get(file) ?? new Map(), open);
      const expression = emitZod(schema, '', scope);
      for (const h of scope.helpers) needs.helpers.add(h);
      for (const v of scope.sharedValidators) needs.sharedValidators.add(v);
      definitions.push(...scope.definitions);
      const doc = open
        ? `Validator for {@link ${prefix}V${version.version}}, as readers use it: properties it does not name are accepted.`
        : `Validator for {@link ${prefix}V${version.version}}.`;
      validators.push(exportConst(open ? openName(name) : name, expression, doc));
    }
    openValidators.set(version.version, variants.length === 2 ? openName(name) : name);
  }
  const types = await Promise.all(
    contract.versions.map((v) => emitTypes(v.schema.json, v.schema.file, index, { definitionNames: named.definitions.get(v.schema.file) ?? new Map() })),
  );
  for (const [i, t] of types.entries()) {
    const version = contract.versions[i] as VersionSource;
    const own = new Set([`${prefix}V${version.version}`, ...(named.definitions.get(version.schema.file)?.values() ?? [])]);
    claimInnerTypes(named.module, version.schema, t.declarations.keys(), own);
    for (const s of t.sharedTypes) needs.sharedTypes.add(s);
  }

  const schemaFunctions = new Set<string>();
  const steps = new Map<number, { kind: string; run: string }>();
  for (let i = 1; i < contract.versions.length; i++) {
    const from = contract.versions[i - 1] as VersionSource;
    const to = contract.versions[i] as VersionSource;
    const fn = upcastName(contractWord(contract.kind), from, to);
    const declaration = to.upcast?.declaration;
    if (!declaration) continue; // no upcast declared: the data is carried over and must be valid at the new version
    if (declaration.kind === 'meaning-only') {
      needs.upcastHelpers.add('carryOver');
      steps.set(to.version, { kind: 'meaning-only', run: 'carryOver' });
    } else if (declaration.kind === 'typed') {
      const file = `src/upcasters/${event.type}.ts`;
      if (!existsSync(join(root, file))) {
        throw new ConfigError((to.upcast as { file: string }).file, '/kind', `a typed upcast needs ${file}, exporting ${fn}`);
      }
      needs.typedImports.push(importNamed(`../../src/upcasters/${event.type}.js`, [fn]) as ts.Statement);
      steps.set(to.version, { kind: 'typed', run: fn });
    } else {
      const compiled = compileUpcast({
        file: (to.upcast as { file: string }).file,
        functionName: fn,
        from: { schema: from.schema.json, typeName: `${prefix}V${from.version}`, deref: derefIn(from, index) },
        to: { schema: to.schema.json, typeName: `${prefix}V${to.version}`, deref: derefIn(to, index) },
        operations: declaration.operations,
      });
      for (const h of compiled.helpers) needs.upcastHelpers.add(h);
      needs.upcastContext = true;
      upcasters.push(...compiled.statements);
      steps.set(to.version, { kind: 'transform', run: fn });
    }
  }
  for (const fn of schemaFunctions) needs.sharedValidators.add(fn);

  const latest = contract.versions.length;
  const versionMap = f.createTypeLiteralNode(
    contract.versions.map((v) => f.createPropertySignature(undefined, f.createNumericLiteral(v.version), undefined, typeRef(`${prefix}V${v.version}`))),
  );
  const definition = object([
    [
      'versions',
      f.createArrayLiteralExpression(
        contract.versions.map((v) => {
          const step = steps.get(v.version);
          return object([
            ['version', json(v.version)],
            ['schemaId', str(v.schema.id)],
            ['data', id(camel(`${prefix}V${v.version}`))],
            ['open', id(openValidators.get(v.version) as string)],
            ...(contract.kind === 'notification' && describesNoData(v.schema.json) ? [['dataOptional', f.createTrue()] as [string, ts.Expression]] : []),
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
  for (const fn of schemaFunctions) needs.sharedValidators.add(fn);
  const word = contract.kind === 'notification' ? 'notification (`additionalInformation`)' : 'detail document (`eventDetails`)';
  return {
    types,
    statements: [
      typeAlias(`${prefix}Versions`, versionMap, `The data type of each version of ${event.type}'s ${word}.`),
      typeAlias(prefix, typeRef(`${prefix}V${latest}`), `The data of ${event.type}'s ${word} at the latest version (${latest}).`),
      ...definitions,
      ...validators,
      ...upcasters,
    ],
    definition,
  };
}

/**
 * The version's schema with every shared definition it uses embedded under
 * `$defs`, each keeping its own `$id`, so `$ref`s resolve with no other file
 * (a JSON Schema 2020-12 compound document). Shared schemas come from the
 * shared module's functions, so each is written once.
 */
function bundledSchema(schema: JsonSchemaObject, index: SchemaIndex, used: Set<string>): ts.Expression {
  const embedded = new Map(sharedReachedFrom([{ id: schema.$id as string, json: schema }], index).map((shared) => [shared.typeName, shared]));
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
