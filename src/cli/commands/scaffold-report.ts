/**
 * What `new` and `bump` print: the files they wrote and what regenerating
 * changed, then the steps that remain, which `check` will hold them to.
 *
 * Under `--format json` every outcome is one JSON object on stdout, a
 * failure too (a usage error, a catalogue that does not load, a regeneration
 * that fails): `{"error": {"kind", "message", "file"?, "pointer"?}, "written": [], …}`,
 * with the exit code text would have (2). In text, failures are left to the
 * entry point, which writes them to stderr.
 */
import type { Command } from 'commander';
import type { GenerateResult } from '../../codegen/generate.js';
import { ConfigError, UsageError } from '../../errors.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';

/** What a scaffold command did. */
export interface ScaffoldOutcome {
  /** The files written, repository-relative. */
  readonly written: readonly string[];
  readonly generated: GenerateResult;
  /** The steps that remain. */
  readonly next: readonly string[];
}

export function reportScaffold(output: Output, format: 'text' | 'json', outcome: ScaffoldOutcome): void {
  const { written, generated, next } = outcome;
  if (format === 'json') {
    output.json({ written, generated: generated.changed, next });
    return;
  }
  output.line(`wrote ${written.length} file(s):`);
  for (const file of written) output.line(`  ${file}`);
  output.line(`regenerated ${generated.changed.length} file(s) (${generated.eventTypes} event types, ${generated.schemas} schemas)`);
  output.line('next:');
  for (const step of next) output.line(`  - ${step}`);
}

/**
 * Runs a scaffold command's work and reports its outcome: exit 0 with the
 * report, or, under `--format json`, a failure as one JSON object and exit 2.
 * In text a failure is thrown on, for the entry point to report as usual.
 */
export async function runScaffold(context: CommandContext, format: 'text' | 'json', work: () => Promise<ScaffoldOutcome>): Promise<void> {
  let outcome: ScaffoldOutcome;
  try {
    outcome = await work();
  } catch (error) {
    if (format !== 'json') throw error;
    context.output.json(failure(error));
    if (!(error instanceof UsageError || error instanceof ConfigError)) context.output.note(`${(error as Error)?.stack ?? String(error)}`);
    context.exit(EXIT.usage);
    return;
  }
  reportScaffold(context.output, format, outcome);
  context.exit(EXIT.ok);
}

/**
 * Makes the errors commander finds in the command's arguments (a missing
 * argument, an unknown option) one JSON object on stdout under
 * `--format json`, as {@link runScaffold} makes the others.
 */
export function jsonUsageErrors(command: Command, context: CommandContext): Command {
  return command.configureOutput({
    outputError: (text, write) => {
      if ((command.opts() as { format?: string }).format !== 'json') write(text);
      else context.output.json(failure(new UsageError(text.trim().replace(/^error: /u, ''))));
    },
  });
}

/** A failed scaffold as JSON: what went wrong, and that nothing was written. */
function failure(error: unknown): Record<string, unknown> {
  const kind = error instanceof UsageError ? 'usage' : error instanceof ConfigError ? 'config' : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  const where = error instanceof ConfigError ? { file: error.file, pointer: error.pointer } : {};
  return {
    error: { kind, message: kind === 'internal' ? `unexpected error; this is a bug, please report it: ${message}` : message, ...where },
    written: [],
    generated: [],
  };
}
