/**
 * What one contract (notification or detail) contributes to its event type's
 * module: each version's check function and types, the upcast steps between
 * versions, and the definition `defineEventType` takes for the contract; and
 * to the event type's zod module, each version's zod validators (closed, and
 * open for readers).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { ContractSource, EventTypeSource, JsonSchemaObject, SharedSchema, VersionSource } from '../../catalogue/model.js';
import { describesNoData } from '../../catalogue/no-data.js';
import { ConfigError } from '../../errors.js';
import { type SchemaIndex, sharedReachedFrom } from '../../schema/catalogue-index.js';
import { camel, contractWord, openName } from '../../schema/names.js';
import { emitCheck } from '../check-emitter.js';
import { checkName, claimInnerTypes } from '../module-names.js';
import { ModuleScope, reachesClosedObject } from '../module-scope.js';
import { exportConst, id, importNamed, json, object, reprint, str, typeRef } from '../ts.js';
import { type EmittedTypes, emitTypes } from '../typescript-types.js';
import { compileUpcast } from '../upcast-compiler.js';
import { derefIn } from '../upcast-plan.js';
import { emitZod } from '../zod-emitter.js';
import { type ContractNames, type Naming, upcastName } from './event-names.js';
import { sharedSchemaName } from './shared-module.js';
import { typeAlias } from './type-alias.js';

const f = ts.factory;

/** What one contract contributes to its event type's module. */
export interface ContractCode {
  /** Each version's types; the module merges both contracts' into one set of declarations. */
  readonly types: readonly EmittedTypes[];
  /** Statements, and code already printed (the check functions). */
  readonly statements: Array<ts.Statement | string>;
  readonly definition: ts.Expression;
}

/** What the module's contracts need imported. */
export interface ModuleNeeds {
  readonly checkHelpers: Set<string>;
  readonly sharedChecks: Set<string>;
  readonly upcastHelpers: Set<string>;
  /** The shared module's functions returning shared JSON Schemas, for the bundled schemas. */
  readonly sharedSchemas: Set<string>;
  readonly sharedTypes: Set<string>;
  readonly typedImports: ts.Statement[];
  upcastContext: boolean;
}

/** One contract's types, checks and upcasters, and the definition `defineEventType` takes for it. */
export async function contractCode(
  event: EventTypeSource,
  contract: ContractSource,
  names: ContractNames,
  index: SchemaIndex,
  root: string,
  named: Naming,
  needs: ModuleNeeds,
): Promise<ContractCode> {
  const { prefix } = names;
  const checks = versionChecks(contract, names, index, named, needs);
  const types = await versionTypes(contract, names, index, named, needs);
  const { upcasters, steps } = upcastSteps(event, contract, names, index, root, needs);
  const schemaFunctions = new Set<string>();
  const { definition, versionMap, latest } = contractDefinition(contract, names, index, { steps, schemaFunctions });
  for (const fn of schemaFunctions) needs.sharedSchemas.add(fn);

  const word = contract.kind === 'notification' ? 'notification (`additionalInformation`)' : 'detail document (`eventDetails`)';
  return {
    types,
    statements: [
      typeAlias(`${prefix}Versions`, versionMap, `The data type of each version of ${event.type}'s ${word}.`),
      typeAlias(prefix, typeRef(`${prefix}V${latest}`), `The data of ${event.type}'s ${word} at the latest version (${latest}).`),
      ...checks,
      ...upcasters,
    ],
    definition,
  };
}

/** What a zod module's validators need imported: helpers from `runtime/schema-checks`, and shared validators. */
export interface ZodNeeds {
  readonly helpers: Set<string>;
  readonly sharedValidators: Set<string>;
}

/**
 * Each version's zod validator, and its open variant where the schema has
 * closed objects, with the `$defs` they define: what the contract gives the
 * event type's zod module.
 */
export function versionValidators(contract: ContractSource, names: ContractNames, index: SchemaIndex, named: Naming, needs: ZodNeeds) {
  const { prefix } = names;
  const definitions: ts.Statement[] = [];
  const validators: ts.Statement[] = [];
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
        ? `zod validator for \`${prefix}V${version.version}\`, as readers use it: properties it does not name are accepted.`
        : `zod validator for \`${prefix}V${version.version}\`.`;
      validators.push(exportConst(open ? openName(name) : name, expression, doc));
    }
  }
  return { definitions, validators };
}

/** Each version's check function (`runtime/checks.ts`), which the readers and `build` use, with those of the `$defs` it calls. */
function versionChecks(contract: ContractSource, names: ContractNames, index: SchemaIndex, named: Naming, needs: ModuleNeeds): string[] {
  const out: string[] = [];
  for (const version of contract.versions) {
    const { json: schema, id: schemaId, file } = version.schema;
    const scope = new ModuleScope(file, schemaId, schema, index, { kind: 'import' }, named.definitions.get(file) ?? new Map());
    const type = `${names.prefix}V${version.version}`;
    const code = emitCheck(checkName(type), schema, '', scope, {
      doc: `Checks a value against {@link ${type}}, pushing an issue onto \`o\` for each problem, the paths under \`p\`; with \`open\`, as readers do, properties the schema does not name are accepted.`,
    });
    for (const h of scope.checkHelpers) needs.checkHelpers.add(h);
    for (const c of scope.sharedChecks) needs.sharedChecks.add(c);
    out.push(...scope.checkDefinitions.map(reprint), reprint(code));
  }
  return out;
}

/** Each version's TypeScript types, their inner names claimed in the module. */
async function versionTypes(contract: ContractSource, names: ContractNames, index: SchemaIndex, named: Naming, needs: ModuleNeeds): Promise<EmittedTypes[]> {
  const { prefix } = names;
  const types = await Promise.all(
    contract.versions.map((v) => emitTypes(v.schema.json, v.schema.file, index, { definitionNames: named.definitions.get(v.schema.file) ?? new Map() })),
  );
  for (const [i, t] of types.entries()) {
    const version = contract.versions[i] as VersionSource;
    const own = new Set([`${prefix}V${version.version}`, ...(named.definitions.get(version.schema.file)?.values() ?? [])]);
    claimInnerTypes(named.module, version.schema, t.declarations.keys(), own);
    for (const s of t.sharedTypes) needs.sharedTypes.add(s);
  }

  return types;
}

/** The upcast step into each version that declares one: carried over, a typed function of the repository's, or compiled from operations. */
function upcastSteps(event: EventTypeSource, contract: ContractSource, names: ContractNames, index: SchemaIndex, root: string, needs: ModuleNeeds) {
  const { prefix } = names;
  const upcasters: ts.Statement[] = [];
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
  return { upcasters, steps };
}

/** The contract's definition for `defineEventType`: each version's id, validators, bundled schema and upcast step; and its version map type. */
function contractDefinition(
  contract: ContractSource,
  names: ContractNames,
  index: SchemaIndex,
  made: {
    readonly steps: ReadonlyMap<number, { kind: string; run: string }>;
    readonly schemaFunctions: Set<string>;
  },
) {
  const { prefix } = names;
  const { steps, schemaFunctions } = made;
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
            ['check', id(checkName(`${prefix}V${v.version}`))],
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
  return { definition, versionMap, latest };
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
