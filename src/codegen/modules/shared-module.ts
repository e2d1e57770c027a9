/**
 * `generated/shared.ts`: the shared definitions (`schemas/_shared/`), each
 * declared once as a type, a check function and its JSON Schema, for every
 * other module to import; and `generated/zod/shared.ts`, their zod
 * validators, for the zod modules to import.
 */

import ts from 'typescript';
import type { Catalogue, SharedSchema } from '../../catalogue/model.js';
import { type SchemaIndex, validatorName } from '../../schema/catalogue-index.js';
import { camel, openName } from '../../schema/names.js';
import { emitCheck } from '../check-emitter.js';
import { checkName, claimInnerTypes, ModuleNames, nameDefinitions, reserveImports, typeAndValidators } from '../module-names.js';
import { ModuleScope, reachesClosedObject } from '../module-scope.js';
import { exportConst, id, json, printModule, reprint } from '../ts.js';
import { emitTypes, mergeDeclarations } from '../typescript-types.js';
import { emitZod } from '../zod-emitter.js';
import { importsFor } from './imports.js';

export async function sharedModule(catalogue: Catalogue, index: SchemaIndex): Promise<{ source: string; zodSource: string; types: string[] }> {
  const validators: ts.Statement[] = [];
  const done = new Set<string>();
  const inProgress = new Set<string>();
  const helpers = new Set<string>();
  const names = reserveImports(new ModuleNames('generated/shared.ts'));
  for (const shared of catalogue.shared) {
    names.claim(
      [...typeAndValidators(shared.typeName), sharedSchemaName(shared)],
      `the shared definition ${shared.typeName} (${shared.file})`,
      { file: shared.file, pointer: '/title' },
      'give the shared definition another title',
    );
  }
  const definitionNames = nameDefinitions(names, catalogue.shared);

  // Each definition's check function, after the ones it calls.
  const checks: string[] = [];
  const checkHelpers = new Set<string>();
  const checked = new Set<string>();
  const ensureCheck = (shared: SharedSchema): string => {
    const name = checkName(shared.typeName);
    if (checked.has(shared.id)) return name;
    checked.add(shared.id);
    const scope = new ModuleScope(shared.file, shared.id, shared.json, index, access, definitionNames.get(shared.file) ?? new Map());
    const code = emitCheck(name, shared.json, '', scope, { doc: `Checks a value against {@link ${shared.typeName}}.` });
    for (const h of scope.checkHelpers) checkHelpers.add(h);
    checks.push(...scope.checkDefinitions, code);
    return name;
  };

  // Emit each definition after the ones it refers to, closed and open (for readers; see EmitScope.open).
  const ensure = (shared: SharedSchema, open: boolean): string => {
    const name = open ? openName(validatorName(shared)) : validatorName(shared);
    const key = `${shared.id}|${open}`;
    if (done.has(key)) return name;
    if (inProgress.has(key)) throw new Error(`${shared.file}: shared definitions refer to each other in a cycle`);
    inProgress.add(key);
    if (open && !reachesClosedObject(shared.json, shared.id, shared.json, index)) {
      validators.push(exportConst(name, id(ensure(shared, false)), `zod validator for \`${shared.typeName}\`, as readers use it: the same as the closed one.`));
    } else {
      const scope = new ModuleScope(shared.file, shared.id, shared.json, index, access, definitionNames.get(shared.file) ?? new Map(), open);
      const expression = emitZod(shared.json, '', scope);
      for (const h of scope.helpers) helpers.add(h);
      const doc = open
        ? `zod validator for \`${shared.typeName}\`, as readers use it: properties it does not name are accepted.`
        : `zod validator for \`${shared.typeName}\`.`;
      validators.push(...scope.definitions, exportConst(name, expression, doc));
    }
    inProgress.delete(key);
    done.add(key);
    return name;
  };
  const access = { kind: 'define', ensure, ensureCheck } as const;
  for (const shared of catalogue.shared) {
    ensure(shared, false);
    ensure(shared, true);
    ensureCheck(shared);
  }

  const emitted = await Promise.all(
    catalogue.shared.map((s) => emitTypes(s.json, s.file, index, { definitionNames: definitionNames.get(s.file) ?? new Map() })),
  );
  for (const [i, shared] of catalogue.shared.entries()) {
    const own = new Set([shared.typeName, ...(definitionNames.get(shared.file)?.values() ?? [])]);
    claimInnerTypes(names, shared, emitted[i]?.declarations.keys() ?? [], own);
  }
  const types = mergeDeclarations(`${catalogue.dir}/_shared`, emitted);
  // Each shared JSON Schema once, made on demand, for the bundled schemas events return from schema().
  const schemas = catalogue.shared.map((shared) =>
    exportConst(
      sharedSchemaName(shared),
      ts.factory.createArrowFunction(undefined, undefined, [], undefined, undefined, ts.factory.createParenthesizedExpression(json(shared.json))),
      `The JSON Schema of {@link ${shared.typeName}} (${shared.id}).`,
    ),
  );
  const source = printModule([
    ...importsFor({ runtime: '../src/runtime' }, { zod: false, checkHelpers }),
    ...types.values(),
    ...checks.map(reprint),
    ...schemas,
  ]);
  const zodSource = printModule([...importsFor({ runtime: '../../src/runtime' }, { zod: true, checks: helpers }), ...validators]);
  return { source, zodSource, types: [...types.keys()] };
}

/** The name of the function returning a shared definition's JSON Schema: `StaffMember` → `staffMemberSchema`. */
export const sharedSchemaName = (shared: SharedSchema): string => `${camel(shared.typeName)}Schema`;
