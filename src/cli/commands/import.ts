/** `domain-events import <files...>` */
import { Command, InvalidArgumentError } from 'commander';
import type { ImportResult } from '../../import/import-contract.js';
import { requireAuthoringToolchain } from '../authoring.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { formatOption, type Output } from '../output.js';

interface Options {
  out: string;
  eventType?: string;
  eventTypeMap: Record<string, string>;
  dryRun?: boolean;
  producer?: string;
  owner?: string;
  format: 'text' | 'json';
}

/** `--event-type-map from=to`, repeatable. */
function mapEntry(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError(`${JSON.stringify(value)} is not <from>=<event type>`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

export function importCommand(context: CommandContext): Command {
  return new Command('import')
    .description(
      'Turn existing contracts into schemas/ entries (event.json, the v1 schema of each contract, a valid and an invalid example of each, shared definitions, a changeset): AsyncAPI 3 message objects (one file per event) and documents whose messages may $ref message files beside them become notification contracts; OpenAPI 3.0 documents of detail envelopes become detail contracts with a thin notification. YAML or JSON',
    )
    .argument('<files...>', 'files, folders (every .yaml, .yml and .json file under them) or globs')
    .option('--out <dir>', 'the catalogue to write into', 'schemas')
    .option('--event-type <type>', 'the event type, for a run that finds one event (default: read from the source)')
    .option(
      '--event-type-map <from=type>',
      'give an event another type: <from> is the event type the source says, or the name it gives the event (an OpenAPI component, an AsyncAPI message name); repeatable',
      mapEntry,
      {},
    )
    .option('--producer <service>', "the producing service for event.json (default: the source's info.title, else the event type's first part, in kebab case)")
    .option('--owner <team>', "the owning team for event.json (default: the source's info.contact.name, else the producer)")
    .option('--dry-run', 'report what would be written, and write nothing')
    .addOption(formatOption())
    .addHelpText(
      'after',
      [
        '',
        'Each event is written only if it converted without errors; defects that real specs have are converted the way they are meant and reported as warnings, each with the file and JSON Pointer.',
        'Every file that is not converted is reported with the reason. A remote $ref is reported, never fetched.',
        'Exit codes: 0 every event converted (warnings allowed), 1 an event or file could not be converted, 2 usage (no such file, a bad option).',
        'Run `domain-events generate` afterwards; the new event types start as status "draft" and pass `domain-events check`.',
      ].join('\n'),
    )
    .action(async (files: string[], options: Options) => {
      requireAuthoringToolchain('import');
      // Loaded here, so that other commands start without the converters and the YAML parser.
      const { importContracts } = await import('../../import/import-contract.js');
      const result = importContracts({
        root: context.root,
        files,
        out: options.out,
        dryRun: options.dryRun === true,
        eventTypeMap: options.eventTypeMap,
        ...(options.eventType === undefined ? {} : { eventType: options.eventType }),
        ...(options.producer === undefined ? {} : { producer: options.producer }),
        ...(options.owner === undefined ? {} : { owner: options.owner }),
      });
      report(context.output, result, options);
      context.exit(result.summary.notConverted > 0 || result.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok);
    });
}

function report(output: Output, result: ImportResult, options: Options): void {
  const dryRun = options.dryRun === true;
  if (options.format === 'json') {
    output.json({
      dryRun,
      summary: result.summary,
      sources: result.sources,
      events: result.events.map((e) => ({
        eventType: e.eventType ?? null,
        file: e.file,
        pointer: e.pointer,
        converted: e.converted,
        ...(e.duplicateOf === undefined ? {} : { duplicateOf: e.duplicateOf }),
        ...(e.reason === undefined ? {} : { reason: e.reason }),
        written: e.written,
        files: e.files.map((f) => f.path),
      })),
      shared: result.shared.map((f) => f.path),
      changeset: result.changeset?.path ?? null,
      findings: result.findings,
    });
    return;
  }
  for (const finding of result.findings) {
    output.line(`${finding.severity} ${finding.code} ${finding.file}#${finding.pointer}: ${finding.message}`);
  }
  for (const event of result.events) {
    if (event.duplicateOf !== undefined) {
      output.line(`skipped ${event.eventType} from ${event.file}: imported from ${event.duplicateOf}`);
      continue;
    }
    if (!event.converted) {
      const { reason } = event;
      output.line(
        `not converted ${event.eventType ?? '(no event type)'} from ${event.file}#${event.pointer}${reason ? `: ${reason.code} at ${reason.pointer === '' ? 'the root' : reason.pointer}` : ''}`,
      );
      continue;
    }
    output.line(`${event.written ? 'wrote' : 'would write'} ${event.eventType}:`);
    for (const file of event.files) output.line(`  ${file.path}`);
  }
  if (result.changeset) output.line(`${dryRun ? 'would write' : 'wrote'} the changeset ${result.changeset.path}`);
  if (result.shared.length > 0) {
    output.line(`${dryRun ? 'would write' : 'wrote'} shared definitions:`);
    for (const file of result.shared) output.line(`  ${file.path}`);
  }
  const { summary } = result;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  output.line(
    `${summary.converted} of ${summary.converted + summary.notConverted} converted (${Math.floor(summary.share * 1000) / 10}%) from ${summary.files} file(s)` +
      `${summary.duplicates > 0 ? `, ${summary.duplicates} duplicate(s) skipped` : ''}` +
      `${summary.unreadable > 0 ? `, ${summary.unreadable} file(s) not a contract import reads` : ''}` +
      `${summary.unreachable > 0 ? `, ${summary.unreachable} message reference(s) not followed` : ''}; ${errors} error(s), ${warnings} warning(s)` +
      `${dryRun ? '; dry run, nothing written' : ''}`,
  );
}
