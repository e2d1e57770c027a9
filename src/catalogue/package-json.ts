/** The package's name and version, from the `package.json` beside `schemas/`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { ConfigError } from '../errors.js';

export interface PackageInfo {
  /** The name changesets release, such as `@probation/domain-events`. */
  readonly name: string;
  /** The current version, a valid semver version. */
  readonly version: string;
}

/** Reads `<root>/package.json`; throws {@link ConfigError} when it has no name or no valid version. */
export function readPackageInfo(root: string): PackageInfo {
  let pkg: { name?: unknown; version?: unknown };
  try {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as typeof pkg;
  } catch (error) {
    throw new ConfigError('package.json', '', `cannot be read: ${(error as Error).message}`);
  }
  if (typeof pkg.name !== 'string' || pkg.name === '') throw new ConfigError('package.json', '/name', 'must be the package name the changesets release');
  if (typeof pkg.version !== 'string' || !semver.valid(pkg.version)) throw new ConfigError('package.json', '/version', 'must be a semver version');
  return { name: pkg.name, version: pkg.version };
}
