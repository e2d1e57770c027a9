/**
 * `generated/events/<event.type>.ts`: one module per event type, importable
 * on its own. For each of its contracts (notification, detail) it holds each
 * version's data type and check function and the upcast chain
 * (`contract-code.ts`); then the typed notifications and detail documents,
 * and the event type's object. Its names are worked out first
 * (`event-names.ts`). Its zod validators are in a module of their own
 * (`zod-module.ts`), so that reading an event loads no zod.
 */
import ts from 'typescript';
import type { EventTypeSource } from '../../catalogue/model.js';
import { describesNoData } from '../../catalogue/no-data.js';
import type { SchemaIndex } from '../../schema/catalogue-index.js';
import { exportConst, id, importNamed, json, literalType, object, printModule, pure, str, typeRef } from '../ts.js';
import { mergeDeclarations } from '../typescript-types.js';
import { type ContractCode, contractCode, type ModuleNeeds } from './contract-code.js';
import { type ContractNames, type EventModuleNames, namesOf, namingOf } from './event-names.js';
import { importsFor } from './imports.js';
import { prop, typeAlias } from './type-alias.js';

export { type ContractNames, type EventModuleNames, namesOf } from './event-names.js';

const f = ts.factory;

export async function eventModule(event: EventTypeSource, index: SchemaIndex, root: string): Promise<string> {
  const names = namesOf(event);
  const needs: ModuleNeeds = {
    checkHelpers: new Set(),
    sharedChecks: new Set(),
    upcastHelpers: new Set(),
    sharedSchemas: new Set(),
    sharedTypes: new Set(),
    typedImports: [],
    upcastContext: false,
  };
  const named = namingOf(event, names, index);
  const notification = event.notification && (await contractCode(event, event.notification, names.notification as ContractNames, index, root, named, needs));
  const detail = event.detail && (await contractCode(event, event.detail, names.detail as ContractNames, index, root, named, needs));

  const envelopeTypes = documentTypes(event, names);
  const call = eventTypeObject(event, names, notification, detail);

  return printModule([
    ...importsFor(
      { runtime: '../../src/runtime', shared: '../shared.js' },
      {
        zod: false,
        upcastHelpers: needs.upcastHelpers,
        sharedValues: needs.sharedSchemas,
        sharedTypes: needs.sharedTypes,
        checkHelpers: needs.checkHelpers,
        sharedChecks: needs.sharedChecks,
      },
    ),
    importNamed('../../src/runtime/event-type.js', ['defineEventType']),
    importNamed('../../src/runtime/event-type.js', [...(names.detail ? ['DetailDocument'] : []), ...(names.notification ? ['EventEnvelope'] : [])], true),
    needs.upcastContext ? importNamed('../../src/runtime/upcast.js', ['UpcastContext'], true) : undefined,
    importNamed('../envelope.js', ['checkEnvelope']),
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

/** The typed notifications (`<Base>EnvelopeV<n>`) and detail documents (`<Base>DetailDocumentV<n>`), and their latest. */
function documentTypes(event: EventTypeSource, names: EventModuleNames): ts.Statement[] {
  const { base } = names;
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

  return envelopeTypes;
}

/** `defineEventType(...)`: the event type's object, typed by its contracts' versions. */
function eventTypeObject(
  event: EventTypeSource,
  names: EventModuleNames,
  notification: ContractCode | undefined,
  detail: ContractCode | undefined,
): ts.Expression {
  const contractTypes = (c: ContractNames | undefined) =>
    c ? [[c.kind, f.createTypeLiteralNode([prop('versions', typeRef(`${c.prefix}Versions`)), prop('latest', literalType(c.versions.length))])] as const] : [];
  const typeArguments = f.createTypeLiteralNode([...contractTypes(names.notification), ...contractTypes(names.detail)].map(([k, t]) => prop(k, t)));
  const definition = object([
    ['type', str(event.type)],
    ['title', str(event.metadata.title)],
    ['description', str(event.metadata.description)],
    ['timeline', json(event.metadata.timeline)],
    ['envelope', id('checkEnvelope')],
    ...(event.metadata.detailUrl === undefined ? [] : [['detailUrl', str(event.metadata.detailUrl)] as [string, ts.Expression]]),
    ...(notification ? [['notification', notification.definition] as [string, ts.Expression]] : []),
    ...(detail ? [['detail', detail.definition] as [string, ts.Expression]] : []),
  ]);
  return pure(f.createCallExpression(id('defineEventType'), [literalType(event.type), typeArguments], [definition]));
}
