/**
 * `upcaster-required`: a new version that is not backward compatible with the
 * one before it (some valid old data is invalid under it) needs an upcaster
 * that turns old data into new data: a `vN.upcast.json` of kind `transform`
 * with operations, or of kind `typed` with its code in `src/upcasters/`.
 *
 * A `meaning-only` upcast declares that the shape did not change, so it does
 * not make an incompatible shape change acceptable. A `transform` with no
 * operations (the stub `domain-events bump` writes) carries old data over
 * unchanged, which is not enough once the engine has shown that some old data
 * is invalid; when the engine could not decide, it is accepted.
 */
import { checkRule } from '../context.js';
import { describeReasons, type NewVersion, newVersions } from './new-versions.js';

export const upcasterRequired = checkRule({
  code: 'upcaster-required',
  severity: 'error',
  summary:
    'a new version is not backward compatible with the one before it and has no upcaster: no `vN.upcast.json`, a `meaning-only` one, or a `transform` with no operations',
  run: (context) =>
    newVersions(context).flatMap((step) => {
      const missing = missingUpcaster(step);
      return missing ? [{ file: missing.file, pointer: '', message: missing.message }] : [];
    }),
});

/** Why a new version still needs an upcaster, and the upcast file to write; undefined when it has what it needs. */
export function missingUpcaster({ event, contract, version, against }: NewVersion): { file: string; message: string } | undefined {
  const previous = against[0];
  if (!previous || previous.backward.length === 0) return undefined;
  const [from, to] = [`v${previous.from}`, `v${version.version}`];
  const declaration = version.upcast?.declaration;
  const file = version.upcast?.file ?? `${contract.dir}/${to}.upcast.json`;
  const why = `${to} is not backward compatible with ${from}: ${describeReasons(previous.backward)}`;
  let problem: string | undefined;
  if (!declaration)
    problem = `add ${to}.upcast.json (kind "transform" with operations, or "typed" with src/upcasters/${event.type}.ts) to turn ${from} data into ${to} data`;
  else if (declaration.kind === 'meaning-only')
    problem = `${to}.upcast.json is "meaning-only", which declares that the shape did not change; an incompatible shape change needs a "transform" or "typed" upcast`;
  else if (declaration.kind === 'transform' && declaration.operations.length === 0 && previous.backward.some((r) => r.decided))
    problem = `${to}.upcast.json is a "transform" with no operations, which carries ${from} data over unchanged; add the operations that make it valid ${to} data`;
  return problem === undefined ? undefined : { file, message: `${why}. ${problem}` };
}
