/**
 * `generated/zod/events/<event.type>.ts`: an event type's zod validators,
 * each version's closed one and, where its schema has closed objects, its
 * open one (as readers use it), with the `$defs` they define. They are for
 * services that compose them into their own zod schemas; the readers run the
 * check functions of the event type's module instead. So they are a module,
 * and an entry point, of their own: importing an event type loads no zod.
 * Their names are those the event type's module reserves for them.
 */
import type { EventTypeSource } from '../../catalogue/model.js';
import type { SchemaIndex } from '../../schema/catalogue-index.js';
import { printModule } from '../ts.js';
import { versionValidators, type ZodNeeds } from './contract-code.js';
import { type ContractNames, namesOf, namingOf } from './event-names.js';
import { importsFor } from './imports.js';

/** Where an event type's zod module is, under `generated/`. */
export const zodModulePath = (type: string): string => `zod/events/${type}.ts`;

export function eventZodModule(event: EventTypeSource, index: SchemaIndex): string {
  const names = namesOf(event);
  const named = namingOf(event, names, index);
  const needs: ZodNeeds = { helpers: new Set(), sharedValidators: new Set() };
  const parts = event.contracts.map((contract) =>
    versionValidators(contract, (contract.kind === 'notification' ? names.notification : names.detail) as ContractNames, index, named, needs),
  );
  return printModule([
    ...importsFor({ runtime: '../../../src/runtime', shared: '../shared.js' }, { zod: true, checks: needs.helpers, sharedValues: needs.sharedValidators }),
    ...parts.flatMap(({ definitions, validators }) => [...definitions, ...validators]),
  ]);
}
