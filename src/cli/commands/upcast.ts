/** `domain-events upcast [inputs...]` */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Reject } from '../../pipeline/finding.js';
import { resolveInputs, STDIN } from '../../pipeline/inputs.js';
import type { UpcastSpec } from '../../pipeline/job.js';
import { Tally, type TallyCounts, totals } from '../../pipeline/tally.js';
import { fileSink, streamSink } from '../../pipeline/text-sink.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { formatOption } from '../output.js';
import { addPipelineOptions, type PipelineFlags, progressOf, recordOptions, threadOptions, wholeNumber } from '../pipeline-options.js';
import { count, plural } from '../wording.js';

interface UpcastFlags extends PipelineFlags {
  readonly out?: string;
  readonly rejects?: string;
  readonly to: string;
  readonly dataField?: string;
  readonly versionField?: string;
  readonly context?: string;
  readonly format: 'text' | 'json';
}

export function upcastCommand(context: CommandContext): Command {
  const command = new Command('upcast')
    .description(
      'Upgrade stored events (NDJSON, any version) to the latest version, or to --to: notifications, detail documents, and stored detail rows ' +
        '({"data": {detail document}, "schema_version": n or null}). Each row is written back in the same layout, with its document and version field upgraded ' +
        'and every property the contract does not name kept. Rows that fail go to --rejects with the reasons; nothing is dropped: records in = written + rejected.',
    )
    .argument('[inputs...]', 'NDJSON files, globs (quote them) or - for standard input', [STDIN])
    .option('-o, --out <file>', 'where the upgraded NDJSON goes (default: standard output)')
    .option('--rejects <file>', 'NDJSON of the rows that failed, as {line, input, error}; without it, the reasons are written to stderr')
    .option('--to <version>', 'the version to reach: a number, or latest', 'latest')
    .option(
      '--data-field <pointer>',
      'JSON Pointer to the document inside each row, such as /data (default: /data for a row with data and schema_version, else the row is the document)',
    )
    .option(
      '--version-field <pointer>',
      'JSON Pointer to the schema version inside each row, such as /schema_version (null there means 1); rewritten with the new version',
    )
    .option('--context <json-file>', 'a JSON object of values for upcasters, such as {"recordedBy": {...}} for a fallback staff member');
  addPipelineOptions(command)
    .addOption(formatOption(['text', 'json']))
    .addHelpText(
      'after',
      '\nExample: an export of a producer\'s domain_events table as {"data": {detail document}, "schema_version": null} rows:' +
        '\n  domain-events upcast rows.ndjson --out upgraded.ndjson --rejects rejects.ndjson' +
        '\nThe counts go to stderr; with --format json they are one JSON document, on stdout when --out is given, else on stderr.' +
        '\nExit codes: 0 every record written, 1 some rejected, 2 usage error.',
    )
    .action(async (args: string[], flags: UpcastFlags) => {
      const spec = await upcastSpec(flags, context.root);
      const threads = threadOptions(flags);
      const inputs = await resolveInputs(args, context.root);
      const out = flags.out === undefined ? streamSink(process.stdout, false) : await fileSink(resolve(context.root, flags.out), '--out');
      const rejects = flags.rejects === undefined ? undefined : await fileSink(resolve(context.root, flags.rejects), '--rejects');
      const tally = new Tally();
      const progress = progressOf('upcast', inputs, flags, context);
      try {
        // Loaded here, not above: the pipeline reads records with the catalogue's generated code, which --help and generate must start without.
        const { runPipeline } = await import('../../pipeline/pipeline.js');
        await runPipeline({
          inputs,
          spec,
          stdin: context.stdin as AsyncIterable<Uint8Array | string>,
          layout: 'ndjson',
          ...threads,
          async onResult(result, input) {
            tally.add(result.tally);
            progress.advance(result.bytes, totals(result.tally).records);
            await out.write(result.output);
            if (result.rejects.length === 0) return;
            if (rejects) await rejects.write(rejectLines(input.name, result.rejects));
            else for (const reject of result.rejects) context.output.note(rejectText(input.name, reject));
          },
        });
      } finally {
        progress.stop();
        await out.close();
        await rejects?.close();
      }
      report(context, flags, tally.counts);
      context.exit(totals(tally.counts).failed + tally.counts.unknown > 0 ? EXIT.findings : EXIT.ok);
    });
  return command;
}

async function upcastSpec(flags: UpcastFlags, root: string): Promise<UpcastSpec> {
  const record = await recordOptions(flags);
  const to = flags.to === 'latest' ? 'latest' : (wholeNumber(flags.to, '--to', 1) as number);
  for (const [option, pointer] of [
    ['--data-field', flags.dataField],
    ['--version-field', flags.versionField],
  ] as const) {
    if (pointer !== undefined && (pointer === '' || !pointer.startsWith('/')))
      throw new UsageError(`${option} must be a JSON Pointer such as /data; received ${JSON.stringify(pointer)}`);
  }
  const spec: { -readonly [K in keyof UpcastSpec]: UpcastSpec[K] } = { kind: 'upcast', record, to };
  if (flags.dataField !== undefined) spec.dataField = flags.dataField;
  if (flags.versionField !== undefined) spec.versionField = flags.versionField;
  if (flags.context !== undefined) spec.context = await readContext(resolve(root, flags.context), flags.context);
  return spec;
}

async function readContext(path: string, name: string): Promise<Record<string, unknown>> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--context: cannot read ${name}: ${error.code ?? error.message}`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--context: ${name} is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`--context: ${name} must hold a JSON object`);
  return value as Record<string, unknown>;
}

function rejectLines(file: string, rejects: readonly Reject[]): string {
  let text = '';
  for (const reject of rejects) text += `${JSON.stringify(Object.assign({ file }, reject))}\n`;
  return text;
}

function rejectText(file: string, reject: Reject): string {
  const where = `${file}:${reject.line}${reject.index === undefined ? '' : ` [${reject.index}]`}`;
  return reject.error.issues.map((issue) => `${where}: rejected: ${issue.path === '' ? '' : `${issue.path}: `}${issue.code}: ${issue.message}`).join('\n');
}

function report(context: CommandContext, flags: UpcastFlags, counts: TallyCounts): void {
  const { records, ok, failed } = totals(counts);
  const rejected = failed + counts.unknown;
  if (flags.format === 'json') {
    const summary = {
      records,
      written: ok,
      upgraded: counts.upgraded,
      rejected,
      blankLines: counts.blank,
      to: flags.to === 'latest' ? 'latest' : Number(flags.to),
      out: flags.out ?? null,
      rejects: flags.rejects ?? null,
    };
    if (flags.out === undefined) context.output.note(JSON.stringify(summary));
    else context.output.json(summary);
    return;
  }
  const where = rejected > 0 ? (flags.rejects === undefined ? ' (reasons above)' : ` (to ${flags.rejects})`) : '';
  const blank = counts.blank > 0 ? `; ${plural(counts.blank, 'blank line')} skipped` : '';
  context.output.note(
    `upcast: ${plural(records, 'record')} in, ${count(ok)} written (${count(counts.upgraded)} upgraded), ${count(rejected)} rejected${where}${blank}`,
  );
}
