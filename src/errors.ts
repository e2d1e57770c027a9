/**
 * Errors raised by the toolchain (generator, CLI, catalogue loader). The
 * runtime's own error type is {@link ContractError} in `runtime/errors.ts`.
 *
 * The CLI catches these once, at its boundary, and maps them to exit code 2.
 */

/** A command was called wrongly: an unknown option, a missing argument. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The schemas or configuration cannot be used as they are: a file that is not
 * JSON, a keyword the generator cannot translate faithfully, an unresolvable
 * `$ref`. It names the file and the JSON Pointer inside it.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly detail: string,
  ) {
    super(`${file}${pointer ? `#${pointer}` : ''}: ${detail}`);
  }
}
