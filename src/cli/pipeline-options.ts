/**
 * The options that `validate` and `upcast` share: how records are read, and
 * how the work is spread over threads. Each is checked once, up front, so a
 * bad option is a usage error (exit 2) before any input is read.
 *
 * Nothing here loads the catalogue's generated code at start: the command
 * line must start, for `--help` and `generate`, even when a generated file is
 * broken. The registry is loaded when a run needs it.
 */
import { type Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { type Input, totalSize } from '../pipeline/inputs.js';
import type { RecordOptions } from '../pipeline/job.js';
import { createProgress, type Progress } from '../pipeline/progress.js';
import { FORMATS } from '../runtime/formats/index.js';
import type { CommandContext } from './command-context.js';

/** The options as commander gives them. */
export interface PipelineFlags {
  readonly inputFormat: string;
  readonly eventType?: string;
  readonly schemaVersion?: string;
  readonly workers?: string;
  readonly workerThreshold?: string;
  readonly quiet?: boolean;
}

/** Adds the shared options to a command. */
export function addPipelineOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--input-format <format>',
        "the layout of each record: a notification's (hmpps, sqs, cloudevents) or detail (a detail document); auto recognises detail documents (an object with eventDetails) and every notification layout that describes itself, else reads hmpps",
      )
        .choices(['auto', ...Object.keys(FORMATS), 'detail'])
        .default('auto'),
    )
    .option('--event-type <type>', 'the event type expected; a record of another type is invalid')
    .option(
      '--schema-version <n>',
      "the schema version of records that carry none: a detail document's stored version (default 1, as a NULL schema_version column means)",
    )
    .option('--workers <n>', 'worker threads for large inputs; 0 or 1 keeps all the work on the main thread (default: one per CPU)')
    .option(
      '--worker-threshold <bytes>',
      'files larger than this in all go to the worker threads from the start; of standard input, this many bytes are read on the main thread first (default: 8 MiB)',
    )
    .option('-q, --quiet', 'no progress bar (it shows only when stderr is a terminal anyway)');
}

/** Reads a whole number option; `min` is the smallest allowed. */
export function wholeNumber(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${option} must be a whole number from ${min}; received ${JSON.stringify(value)}`);
  return n;
}

/** How records are read, from the flags. */
export async function recordOptions(flags: PipelineFlags): Promise<RecordOptions> {
  const version = wholeNumber(flags.schemaVersion, '--schema-version', 1);
  if (flags.eventType !== undefined) {
    const { registry } = await import('../index.js');
    if (!registry.get(flags.eventType)) {
      throw new UsageError(
        `--event-type: unknown event type ${JSON.stringify(flags.eventType)}; the catalogue has ${registry.types.length} types, such as ${registry.types[0]}`,
      );
    }
  }
  const options: { -readonly [K in keyof RecordOptions]: RecordOptions[K] } = { format: flags.inputFormat as RecordOptions['format'] };
  if (flags.eventType !== undefined) options.eventType = flags.eventType;
  if (version !== undefined) options.version = version;
  return options;
}

/** How the work is spread, from the flags. */
export function threadOptions(flags: PipelineFlags): { workers?: number; workerThreshold?: number } {
  const workers = wholeNumber(flags.workers, '--workers', 0);
  const workerThreshold = wholeNumber(flags.workerThreshold, '--worker-threshold', 0);
  const options: { workers?: number; workerThreshold?: number } = {};
  if (workers !== undefined) options.workers = workers;
  if (workerThreshold !== undefined) options.workerThreshold = workerThreshold;
  return options;
}

/** The progress bar of a run: on stderr when it is a terminal, unless `--quiet`. */
export function progressOf(verb: string, inputs: readonly Input[], flags: PipelineFlags, context: CommandContext): Progress {
  return createProgress(context.interactive && flags.quiet !== true, verb, totalSize(inputs));
}
