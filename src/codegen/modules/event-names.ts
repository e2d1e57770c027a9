/**
 * The names in an event type's module: what it exports (its object, types
 * and validators, named by its schemas' titles), which the registry index
 * re-exports, and every name the module binds, claimed before any code is
 * written so that a clash is refused with the title to change.
 */
import type { ContractKind, ContractSource, EventTypeSource, VersionSource } from '../../catalogue/model.js';
import { type SchemaIndex, sharedReachedFrom } from '../../schema/catalogue-index.js';
import { camel, contractWord, requireBaseName } from '../../schema/names.js';
import type { DefinitionNames } from '../module-names.js';
import { ModuleNames, nameDefinitions, reserveImports, typeAndValidators } from '../module-names.js';
import { sharedSchemaName } from './shared-module.js';

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

/** The module's names, and those of its schemas' `$defs` entries by file. */
export interface Naming {
  readonly module: ModuleNames;
  readonly definitions: ReadonlyMap<string, DefinitionNames>;
}

/** The event type's module's names and its `$defs` entries' names, which its zod module uses too. */
export function namingOf(event: EventTypeSource, names: EventModuleNames, index: SchemaIndex): Naming {
  const module = bindNames(event, names, index);
  const definitions = nameDefinitions(
    module,
    event.contracts.flatMap((c) => c.versions.map((v) => v.schema)),
    names.base,
  );
  return { module, definitions };
}

/**
 * The names an event type's module binds before its `$defs` are named: what
 * it may import (the runtime's names, and the shared definitions its schemas
 * reach), the upcast functions, then the names its titles choose (the event
 * type's object and types, each version's type and validators).
 */
export function bindNames(event: EventTypeSource, names: EventModuleNames, index: SchemaIndex): ModuleNames {
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
export const upcastName = (word: string, from: VersionSource, to: VersionSource): string => `upcast${word}V${from.version}ToV${to.version}`;
