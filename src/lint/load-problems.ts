/**
 * The loader's own problems, reported with the codes the loader gives them:
 * `invalid-json`, `schema-id`, `upcast-invalid` and `version-gap` here, and
 * `naming` and `metadata-missing` with the rules of those codes, which find
 * more than the loader can.
 */
import type { LoadCode } from '../catalogue/load.js';
import { type CheckContext, type CheckRule, checkRule, type RuleProblem } from '../compat/check/context.js';

/** The loader's problems with `code`. */
export const loadProblems = ({ current }: CheckContext, code: LoadCode): RuleProblem[] =>
  current.problems.filter((p) => p.code === code).map(({ file, pointer, message }) => ({ file, pointer, message }));

/** A rule that reports the loader's problems with its code. */
const fromLoader = <Code extends LoadCode>(code: Code, summary: string): CheckRule<Code> =>
  checkRule({ code, severity: 'error', summary, run: (context) => loadProblems(context, code) });

export const invalidJson = fromLoader('invalid-json', 'a file that cannot be read as JSON, or a schema file that is not a JSON object');

export const schemaId = fromLoader('schema-id', "a schema's `$id` is not the one its place in `schemas/` gives it");

export const upcastInvalid = fromLoader('upcast-invalid', 'a `vN.upcast.json` that is not a valid upcast declaration (see `schemas/_meta/upcast.schema.json`)');

export const versionGap = fromLoader('version-gap', "a contract's versions do not run 1, 2, 3… without gaps");
