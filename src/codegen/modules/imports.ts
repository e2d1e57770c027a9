/** The import statements a generated module needs, from what its scope recorded. */
import type ts from 'typescript';
import { importNamed, importNamespace } from '../ts.js';

/** Paths from a generated module to the hand-written runtime and to other generated modules. */
export interface ModulePaths {
  /** e.g. `../../src/runtime` from `generated/events/x.ts`. */
  readonly runtime: string;
  /** e.g. `../shared.js` (the shared module of the same kind), or undefined in the shared module itself. */
  readonly shared?: string;
}

export interface ImportNeeds {
  readonly zod: boolean;
  readonly checks?: Iterable<string>;
  readonly upcastHelpers?: Iterable<string>;
  /** Values from the shared module: validators (in a zod module), or functions returning shared JSON Schemas. */
  readonly sharedValues?: Iterable<string>;
  readonly sharedTypes?: Iterable<string>;
  /** What the check functions use from `runtime/checks`, types included. */
  readonly checkHelpers?: Iterable<string>;
  /** Shared check functions. */
  readonly sharedChecks?: Iterable<string>;
}

/** The names `runtime/checks` exports as types only. */
const CHECK_TYPES: ReadonlySet<string> = new Set(['IssueInput', 'Check']);

export function importsFor(paths: ModulePaths, needs: ImportNeeds): Array<ts.Statement | undefined> {
  return [
    needs.zod ? importNamespace('zod/mini', 'z') : undefined,
    importNamed(`${paths.runtime}/schema-checks.js`, needs.checks ?? []),
    importNamed(`${paths.runtime}/upcast-helpers.js`, needs.upcastHelpers ?? []),
    importNamed(
      `${paths.runtime}/checks.js`,
      [...(needs.checkHelpers ?? [])].filter((n) => !CHECK_TYPES.has(n)),
    ),
    importNamed(
      `${paths.runtime}/checks.js`,
      [...(needs.checkHelpers ?? [])].filter((n) => CHECK_TYPES.has(n)),
      true,
    ),
    paths.shared ? importNamed(paths.shared, [...(needs.sharedValues ?? []), ...(needs.sharedChecks ?? [])]) : undefined,
    paths.shared ? importNamed(paths.shared, needs.sharedTypes ?? [], true) : undefined,
  ];
}
