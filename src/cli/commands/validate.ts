/** `domain-events validate <inputs...>` */
import { Command } from 'commander';
import { resolveInputs } from '../../pipeline/inputs.js';
import { Tally, totals } from '../../pipeline/tally.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { formatOption, type OutputFormat } from '../output.js';
import { addPipelineOptions, type PipelineFlags, progressOf, recordOptions, threadOptions } from '../pipeline-options.js';
import { validateReport } from '../validate-report.js';

interface ValidateFlags extends PipelineFlags {
  readonly strict?: boolean;
  readonly format: OutputFormat;
}

export function validateCommand(context: CommandContext): Command {
  const command = new Command('validate')
    .description(
      'Validate event payloads: JSON files (one event, or an array of events), NDJSON files (one event per line) or standard input (-). ' +
        'Reports every invalid record with its file, line, event type and version, and each issue with its JSON Pointer, then counts per event type.',
    )
    .argument(
      '<inputs...>',
      'files, globs (quote them) or - for standard input; .ndjson and .jsonl are read line by line, .json as one document, others by their first bytes',
    )
    .option(
      '--strict',
      'records of unknown event types, and properties the contracts do not name, are errors (by default unknown types are only counted, and unknown properties accepted, as consumers read them)',
    );
  addPipelineOptions(command)
    .addOption(formatOption(['text', 'json', 'github']))
    .addHelpText(
      'after',
      '\nBlank lines are skipped and counted, not records. Output: text, one JSON document ({"findings": [...], "summary": {...}}, one finding per line, written as it goes), or GitHub Actions ::error annotations.' +
        '\nExit codes: 0 every record valid, 1 some invalid (or of an unknown type, with --strict), 2 usage error (missing file, glob matching nothing, bad option).',
    )
    .action(async (args: string[], flags: ValidateFlags) => {
      const record = await recordOptions(flags);
      const threads = threadOptions(flags);
      const inputs = await resolveInputs(args, context.root);
      const report = validateReport(flags.format, context.output);
      const tally = new Tally();
      const progress = progressOf('validate', inputs, flags, context);
      try {
        // Loaded here, not above: the pipeline reads records with the catalogue's generated code, which --help and generate must start without.
        const { runPipeline } = await import('../../pipeline/pipeline.js');
        await runPipeline({
          inputs,
          spec: { kind: 'validate', record, strict: flags.strict === true },
          stdin: context.stdin as AsyncIterable<Uint8Array | string>,
          ...threads,
          onResult(result, input) {
            report.findings(input.name, result.findings);
            tally.add(result.tally);
            progress.advance(result.bytes, totals(result.tally).records);
          },
        });
      } finally {
        progress.stop();
      }
      report.end({ files: inputs.length, strict: flags.strict === true, counts: tally.counts });
      const { failed, unknown } = totals(tally.counts);
      context.exit(failed > 0 || (flags.strict === true && unknown > 0) ? EXIT.findings : EXIT.ok);
    });
  return command;
}
