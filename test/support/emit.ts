/**
 * Runs the zod emitter on a single schema and evaluates the code it prints,
 * so emitter tests exercise the real printed output, not the syntax tree.
 */
import ts from 'typescript';
import type * as zt from 'zod/mini';
import * as z from 'zod/mini';
import type { JsonSchemaObject } from '../../src/catalogue/model.js';
import { emitCheck } from '../../src/codegen/check-emitter.js';
import { ModuleNames, nameDefinitions, reserveImports } from '../../src/codegen/module-names.js';
import { ModuleScope } from '../../src/codegen/module-scope.js';
import { localConst } from '../../src/codegen/ts.js';
import { emitZod } from '../../src/codegen/zod-emitter.js';
import type { Check } from '../../src/runtime/checks.js';
import * as runtimeChecks from '../../src/runtime/checks.js';
import * as checks from '../../src/runtime/schema-checks.js';

const printer = ts.createPrinter();
export const TEST_ID = 'https://schemas.probation.justice.gov.uk/domain-events/test/notification/v1.schema.json';

/** The printed code for `schema`'s validator (its open variant, as readers use it, with `open`). Throws the emitter's ConfigError where it refuses. */
export function emittedCode(schema: JsonSchemaObject, file = 'schemas/test/notification/v1.schema.json', open = false): string {
  const names = reserveImports(new ModuleNames('generated/test.ts').reserve(['validator'], 'the validator under test'));
  const definitions = nameDefinitions(names, [{ file, json: schema }]).get(file) ?? new Map<string, string>();
  const scope = new ModuleScope(file, TEST_ID, schema, { shared: new Map(), all: new Map() }, { kind: 'import' }, definitions, open);
  const expression = emitZod(schema, '', scope);
  const source = ts.createSourceFile('x.ts', '', ts.ScriptTarget.ES2022);
  return [...scope.definitions, localConst('validator', expression)].map((s) => printer.printNode(ts.EmitHint.Unspecified, s, source)).join('\n');
}

/** The validator the emitter writes for `schema` (its open variant with `open`), evaluated. */
export function emittedValidator(schema: JsonSchemaObject, open = false): zt.ZodMiniType {
  const code = emittedCode(schema, undefined, open).replaceAll(/^export /gmu, '');
  const js = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  const names = Object.keys(checks).filter((n) => n !== 'default');
  const factory = new Function('z', ...names, `${js}\nreturn validator;`);
  return factory(z, ...names.map((n) => (checks as Record<string, unknown>)[n])) as zt.ZodMiniType;
}

/** The printed code of `schema`'s check function, `check`, with those of its `$defs`. Throws the emitter's ConfigError where it refuses. */
export function emittedCheckCode(schema: JsonSchemaObject, file = 'schemas/test/notification/v1.schema.json'): string {
  const names = reserveImports(new ModuleNames('generated/test.ts').reserve(['validator', 'check'], 'the check under test'));
  const definitions = nameDefinitions(names, [{ file, json: schema }]).get(file) ?? new Map<string, string>();
  const scope = new ModuleScope(file, TEST_ID, schema, { shared: new Map(), all: new Map() }, { kind: 'import' }, definitions);
  // The zod emitter judges the schema first, as generate does.
  emitZod(schema, '', scope);
  const code = emitCheck('check', schema, '', scope);
  return [...scope.checkDefinitions, code].join('\n\n');
}

/** The check function the emitter writes for `schema`, evaluated. */
export function emittedCheck(schema: JsonSchemaObject): Check {
  const code = emittedCheckCode(schema).replaceAll(/^export /gmu, '');
  const js = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  const names = Object.keys(runtimeChecks).filter((n) => n !== 'default');
  const factory = new Function(...names, `${js}\nreturn check;`);
  return factory(...names.map((n) => (runtimeChecks as Record<string, unknown>)[n])) as Check;
}
