/**
 * `generated/index.ts`: the registry of every event type, the unions of all
 * notifications and detail documents, and explicit re-exports (explicit, so two modules can never clash
 * silently under `export *`).
 */
import ts from 'typescript';
import { ModuleNames } from '../module-names.js';
import { exportConst, id, importNamed, printModule, str, typeRef, withDoc } from '../ts.js';
import type { ContractNames, EventModuleNames } from './event-module.js';
import { zodModulePath } from './zod-module.js';

const f = ts.factory;
const exported = [f.createModifier(ts.SyntaxKind.ExportKeyword)];

function reexport(spec: string, names: readonly string[], typeOnly: boolean): ts.ExportDeclaration {
  return f.createExportDeclaration(undefined, typeOnly, f.createNamedExports(names.map((n) => f.createExportSpecifier(false, undefined, n))), str(spec));
}

const union = (name: string, members: readonly string[], doc: string) =>
  withDoc(
    f.createTypeAliasDeclaration(
      exported,
      name,
      undefined,
      members.length === 0 ? f.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword) : f.createUnionTypeNode(members.map((m) => typeRef(m))),
    ),
    doc,
  );

/** Every type name one event type's module exports. */
function typeNames(e: EventModuleNames): string[] {
  const contract = (c: ContractNames | undefined) => (c ? [...c.versions.map((v) => `${c.prefix}V${v}`), c.prefix, `${c.prefix}Versions`] : []);
  return [
    ...contract(e.notification),
    ...(e.notification ? [...e.notification.versions.map((v) => `${e.base}EnvelopeV${v}`), `${e.base}Envelope`] : []),
    ...contract(e.detail),
    ...(e.detail ? [...e.detail.versions.map((v) => `${e.base}DetailDocumentV${v}`), `${e.base}DetailDocument`] : []),
  ];
}

/** What the index declares itself. */
const OWN = ['eventTypes', 'EventTypes', 'EventTypeName', 'DomainEvent', 'AnyVersionEvent', 'AnyDetailDocument'];

/** The names the index binds, each once; throws ConfigError at the title of an event type whose names are taken. */
function bindNames(events: readonly EventModuleNames[], sharedTypes: readonly string[], envelopeTypes: readonly string[]): void {
  const names = new ModuleNames('generated/index.ts')
    .reserve(OWN, 'a declaration of the index')
    .reserve(sharedTypes, 'a type re-exported from generated/shared.ts')
    .reserve(envelopeTypes, 'a type re-exported from generated/envelope.ts');
  for (const e of events) {
    names.claim(
      [e.object, ...typeNames(e)],
      `the event type ${e.type}`,
      { file: e.titled, pointer: '/title' },
      `name the event type otherwise: change the ${e.base} part of its titles`,
    );
  }
}

export function indexModule(events: readonly EventModuleNames[], sharedTypes: readonly string[], envelopeTypes: readonly string[]): string {
  bindNames(events, sharedTypes, envelopeTypes);
  const notified = events.filter((e) => e.notification);
  const detailed = events.filter((e) => e.detail);
  return printModule([
    ...events.map((e) => importNamed(e.module, [e.object])),
    ...events.map((e) =>
      importNamed(
        e.module,
        [
          ...(e.notification ? [`${e.base}Envelope`, ...e.notification.versions.map((v) => `${e.base}EnvelopeV${v}`)] : []),
          ...(e.detail ? [`${e.base}DetailDocument`] : []),
        ],
        true,
      ),
    ),
    f.createExportDeclaration(undefined, false, f.createNamedExports(events.map((e) => f.createExportSpecifier(false, undefined, e.object)))),
    ...events.map((e) => reexport(e.module, typeNames(e).sort(), true)),
    reexport('./shared.js', [...sharedTypes].sort(), true),
    reexport('./envelope.js', [...envelopeTypes].sort(), true),
    exportConst(
      'eventTypes',
      f.createAsExpression(
        f.createArrayLiteralExpression(
          events.map((e) => id(e.object)),
          true,
        ),
        typeRef('const'),
      ),
      `Every event type in the catalogue (${events.length}), by name.`,
    ),
    withDoc(
      f.createInterfaceDeclaration(
        exported,
        'EventTypes',
        undefined,
        undefined,
        events.map((e) => f.createPropertySignature(undefined, str(e.type), undefined, f.createTypeQueryNode(id(e.object)))),
      ),
      "Each event type's object, by event type name.",
    ),
    withDoc(
      f.createTypeAliasDeclaration(exported, 'EventTypeName', undefined, f.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, typeRef('EventTypes'))),
      'The name of an event type in the catalogue.',
    ),
    union(
      'DomainEvent',
      notified.map((e) => `${e.base}Envelope`),
      'Any notification in the catalogue, at its latest version: a union discriminated by `eventType`.',
    ),
    union(
      'AnyVersionEvent',
      notified.flatMap((e) => (e.notification as ContractNames).versions.map((v) => `${e.base}EnvelopeV${v}`)),
      'Any notification in the catalogue, at any of its versions.',
    ),
    union(
      'AnyDetailDocument',
      detailed.map((e) => `${e.base}DetailDocument`),
      'Any detail document in the catalogue, at its latest version: a union discriminated by `eventType`.',
    ),
  ]);
}

/**
 * `generated/type-pairs.ts`, for the type-level tests only: each version's
 * json-schema-to-typescript type beside `z.infer` of its generated validator.
 */
export function typePairsModule(events: readonly EventModuleNames[]): string {
  const lower = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
  const contracts = events.flatMap((e) => [e.notification, e.detail].flatMap((c) => (c ? [{ e, c }] : [])));
  const members = contracts.flatMap(({ e, c }) =>
    c.versions.map((v) =>
      f.createPropertySignature(
        undefined,
        str(`${e.type} ${c.kind} v${v}`),
        undefined,
        f.createTypeLiteralNode([
          f.createPropertySignature(undefined, 'json', undefined, typeRef(`${c.prefix}V${v}`)),
          f.createPropertySignature(
            undefined,
            'zod',
            undefined,
            f.createTypeReferenceNode(f.createQualifiedName(id('z'), 'infer'), [f.createTypeQueryNode(id(lower(`${c.prefix}V${v}`)))]),
          ),
        ]),
      ),
    ),
  );
  return printModule([
    f.createImportDeclaration(undefined, f.createImportClause(true, undefined, f.createNamespaceImport(id('z'))), str('zod/mini')),
    ...events.flatMap((e) => {
      const versions = [e.notification, e.detail].flatMap((c) => (c ? c.versions.map((v) => `${c.prefix}V${v}`) : []));
      return [importNamed(e.module, versions, true), importNamed(`./${zodModulePath(e.type).replace(/\.ts$/, '.js')}`, versions.map(lower), true)];
    }),
    withDoc(
      f.createInterfaceDeclaration(exported, 'TypePairs', undefined, undefined, members),
      'For every contract version: the JSON Schema type and the type its zod validator infers. Tests require them to be the same.',
    ),
  ]);
}
