/**
 * The authoring commands (`generate`, `new`, `bump`, `import`) change the
 * catalogue in the repository that holds it, with that repository's
 * development toolchain: TypeScript and json-schema-to-typescript write the
 * generated code, and yaml reads the contracts `import` converts and writes
 * the changesets `new` and `bump` add. They are devDependencies, so an
 * installed copy of the package does not have them, and the build leaves
 * them as imports instead of bundling them. Each authoring command checks
 * for them before it loads its modules, and says what it needs rather than
 * failing on a missing module.
 */
import { UsageError } from '../errors.js';

/** The packages only the authoring commands load; the build keeps them out of the bundle. */
export const AUTHORING_TOOLCHAIN = ['typescript', 'json-schema-to-typescript', 'yaml'] as const;

/** What `resolve` cannot find of {@link AUTHORING_TOOLCHAIN}, by default resolved as this module's own imports are. */
export function missingToolchain(resolve: (name: string) => string = (name) => import.meta.resolve(name)): string[] {
  return AUTHORING_TOOLCHAIN.filter((name) => {
    try {
      resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * Throws a {@link UsageError} (exit 2) when `command` cannot load the
 * authoring toolchain, naming the packages missing and where the command runs.
 */
export function requireAuthoringToolchain(command: string, missing: readonly string[] = missingToolchain()): void {
  if (missing.length === 0) return;
  const names = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  throw new UsageError(
    `${command} is an authoring command: it needs ${names}, devDependencies of the repository that holds the contracts, which an installed copy of this package does not include. ` +
      'Run it in that repository, after npm install. An installed copy runs validate, upcast, check and catalog.',
  );
}
