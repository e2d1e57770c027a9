/**
 * `generated/index.ts`: the registry of every event type, the unions of all
 * events, and explicit re-exports (explicit, so two modules can never clash
 * silently under `export *`).
 */
import ts from 'typescript';
import type { Catalogue } from '../../catalogue/model.js';
import { exportConst, id, importNamed, printModule, str, typeRef, withDoc } from '../ts.js';
import type { EventModuleNames } from './event-module.js';

const f = ts.factory;
const exported = [f.createModifier(ts.SyntaxKind.ExportKeyword)];

function reexport(spec: string, names: readonly string[], typeOnly: boolean): ts.ExportDeclaration {
  return f.createExportDeclaration(undefined, typeOnly, f.createNamedExports(names.map((n) => f.createExportSpecifier(false, undefined, n))), str(spec));
}

const union = (name: string, members: readonly string[], doc: string) =>
  withDoc(f.createTypeAliasDeclaration(exported, name, undefined, f.createUnionTypeNode(members.map((m) => typeRef(m)))), doc);

export function indexModule(
  catalogue: Catalogue,
  events: readonly EventModuleNames[],
  sharedTypes: readonly string[],
  envelopeTypes: readonly string[],
): string {
  const typeNames = (e: EventModuleNames) => [
    ...e.versions.flatMap((v) => [`${e.base}V${v}`, `${e.base}EnvelopeV${v}`]),
    `${e.base}Envelope`,
    `${e.base}Data`,
    `${e.base}Versions`,
  ];
  return printModule([
    ...events.map((e) => importNamed(e.module, [e.object])),
    ...events.map((e) => importNamed(e.module, [`${e.base}Envelope`, ...e.versions.map((v) => `${e.base}EnvelopeV${v}`)], true)),
    f.createExportDeclaration(undefined, false, f.createNamedExports(events.map((e) => f.createExportSpecifier(false, undefined, e.object)))),
    ...events.map((e) => reexport(e.module, [...typeNames(e)].sort(), true)),
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
      events.map((e) => `${e.base}Envelope`),
      'Any event in the catalogue, at its latest version: a union discriminated by `eventType`.',
    ),
    union(
      'AnyVersionEvent',
      events.flatMap((e) => e.versions.map((v) => `${e.base}EnvelopeV${v}`)),
      'Any event in the catalogue, at any of its versions.',
    ),
    `/** The number of schema files this module was generated from. */\nexport const schemaCount = ${catalogue.shared.length + 1 + events.reduce((n, e) => n + e.versions.length, 0)};`,
  ]);
}

/**
 * `generated/type-pairs.ts`, for the type-level tests only: each version's
 * json-schema-to-typescript type beside `z.infer` of its generated validator.
 */
export function typePairsModule(events: readonly EventModuleNames[]): string {
  const lower = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
  const members = events.flatMap((e) =>
    e.versions.map((v) =>
      f.createPropertySignature(
        undefined,
        str(`${e.type} v${v}`),
        undefined,
        f.createTypeLiteralNode([
          f.createPropertySignature(undefined, 'json', undefined, typeRef(`${e.base}V${v}`)),
          f.createPropertySignature(
            undefined,
            'zod',
            undefined,
            f.createTypeReferenceNode(f.createQualifiedName(id('z'), 'infer'), [f.createTypeQueryNode(id(lower(`${e.base}V${v}`)))]),
          ),
        ]),
      ),
    ),
  );
  return printModule([
    f.createImportDeclaration(undefined, f.createImportClause(true, undefined, f.createNamespaceImport(id('z'))), str('zod/mini')),
    ...events.map((e) =>
      importNamed(
        e.module,
        e.versions.flatMap((v) => [`${e.base}V${v}`, lower(`${e.base}V${v}`)]),
        true,
      ),
    ),
    withDoc(
      f.createInterfaceDeclaration(exported, 'TypePairs', undefined, undefined, members),
      'For every version: the JSON Schema type and the type its zod validator infers. Tests require them to be the same.',
    ),
  ]);
}
