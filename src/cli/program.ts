/**
 * The `domain-events` command line: one subcommand per file in `commands/`.
 */
import { Command } from 'commander';
import type { CommandContext } from './command-context.js';
import { bumpCommand } from './commands/bump.js';
import { catalogCommand } from './commands/catalog.js';
import { checkCommand } from './commands/check.js';
import { generateCommand } from './commands/generate.js';
import { importCommand } from './commands/import.js';
import { newCommand } from './commands/new.js';
import { upcastCommand } from './commands/upcast.js';
import { validateCommand } from './commands/validate.js';

/**
 * The program for a run with the arguments `argv`. `check`'s help lists its
 * rules, which only `check` loads: they are loaded here only when `check` is
 * the command named (`check …`, `help check`), so that other commands start
 * without them.
 */
export async function createProgram(context: CommandContext, version: string, argv: readonly string[]): Promise<Command> {
  const named = argv[0] === 'help' ? argv[1] : argv[0];
  const rules = named === 'check' ? await import('../compat/check/registry.js') : undefined;
  const program = new Command('domain-events')
    .description('Contracts for probation domain events: generate code from schemas/, validate and upcast payloads, and refuse unsafe schema changes.')
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: true });
  const check = (c: CommandContext) => checkCommand(c, rules && { evolution: rules.EVOLUTION_RULES, lint: rules.LINT_RULES });
  const commands = [generateCommand, validateCommand, upcastCommand, check, newCommand, bumpCommand, importCommand, catalogCommand];
  for (const make of commands) program.addCommand(make(context));
  program.addHelpText(
    'after',
    '\nExit codes: 0 all good, 1 findings (invalid payloads, breaking changes, stale files), 2 usage or configuration error.\nEvery command takes --help, and --format json for machines.',
  );
  return program;
}
