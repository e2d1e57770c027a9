#!/usr/bin/env node
/**
 * The `domain-events` entry point. The one place errors are caught: a usage
 * or configuration error exits 2, findings exit 1 (set by the command), and
 * anything unexpected is reported as a bug, with its stack, and exits 2.
 */
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { ConfigError, UsageError } from '../errors.js';
import { EXIT } from './exit-codes.js';
import { processOutput } from './output.js';
import { createProgram } from './program.js';

const version = (() => {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  }
})();

export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  try {
    const program = await createProgram(
      { root: process.cwd(), output: processOutput, exit: (c) => (code = c), stdin: process.stdin, interactive: process.stderr.isTTY === true },
      version,
      argv,
    );
    program.exitOverride();
    for (const command of program.commands) command.exitOverride();
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      processOutput.note(`error: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      processOutput.note(`error: ${error.message}`);
      return EXIT.usage;
    }
    processOutput.note(`domain-events: unexpected error; this is a bug, please report it.\n${(error as Error)?.stack ?? String(error)}`);
    return EXIT.usage;
  }
}

// A reader that stops early (`domain-events validate … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
