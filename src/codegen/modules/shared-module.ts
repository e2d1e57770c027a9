/**
 * `generated/shared.ts`: the shared definitions (`schemas/_shared/`), each
 * declared once as a type and a validator, for every other module to import.
 */

import ts from 'typescript';
import type { Catalogue, SharedSchema } from '../../catalogue/model.js';
import { ModuleScope } from '../module-scope.js';
import { camel } from '../names.js';
import { type SchemaIndex, validatorName } from '../schema-index.js';
import { exportConst, json, printModule } from '../ts.js';
import { emitTypes, mergeDeclarations } from '../typescript-types.js';
import { emitZod } from '../zod-emitter.js';
import { importsFor } from './imports.js';

export async function sharedModule(catalogue: Catalogue, index: SchemaIndex): Promise<{ source: string; types: string[] }> {
  const validators: ts.Statement[] = [];
  const done = new Set<string>();
  const inProgress = new Set<string>();
  const helpers = new Set<string>();

  // Emit each definition after the ones it refers to.
  const ensure = (shared: SharedSchema): string => {
    const name = validatorName(shared);
    if (done.has(shared.id)) return name;
    if (inProgress.has(shared.id)) throw new Error(`${shared.file}: shared definitions refer to each other in a cycle`);
    inProgress.add(shared.id);
    const scope = new ModuleScope(shared.file, shared.id, shared.json, index, { kind: 'define', ensure }, new Set());
    const expression = emitZod(shared.json, '', scope);
    for (const h of scope.helpers) helpers.add(h);
    validators.push(...scope.definitions, exportConst(name, expression, `Validator for {@link ${shared.typeName}}.`));
    inProgress.delete(shared.id);
    done.add(shared.id);
    return name;
  };
  for (const shared of catalogue.shared) ensure(shared);

  const types = mergeDeclarations(`${catalogue.dir}/_shared`, await Promise.all(catalogue.shared.map((s) => emitTypes(s.json, s.file, index))));
  // Each shared JSON Schema once, made on demand, for the bundled schemas events return from schema().
  const schemas = catalogue.shared.map((shared) =>
    exportConst(
      sharedSchemaName(shared),
      ts.factory.createArrowFunction(undefined, undefined, [], undefined, undefined, ts.factory.createParenthesizedExpression(json(shared.json))),
      `The JSON Schema of {@link ${shared.typeName}} (${shared.id}).`,
    ),
  );
  const source = printModule([...importsFor({ runtime: '../src/runtime' }, { zod: true, checks: helpers }), ...types.values(), ...validators, ...schemas]);
  return { source, types: [...types.keys()] };
}

/** The name of the function returning a shared definition's JSON Schema: `StaffMember` → `staffMemberSchema`. */
export const sharedSchemaName = (shared: SharedSchema): string => `${camel(shared.typeName)}Schema`;
