/** `domain-events import <file>` */
import { Command } from 'commander';
import type { ImportResult } from '../../import/import-contract.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { formatOption, type Output } from '../output.js';

interface Options {
  out: string;
  eventType?: string;
  dryRun?: boolean;
  producer?: string;
  owner?: string;
  format: 'text' | 'json';
}

export function importCommand(context: CommandContext): Command {
  return new Command('import')
    .description(
      'Turn an existing contract (an AsyncAPI 3 message spec, or an OpenAPI 3.0 document of detail envelopes; YAML or JSON) into schemas/ entries: event.json, v1.schema.json and examples',
    )
    .argument('<file>', 'the AsyncAPI or OpenAPI file to import')
    .option('--out <dir>', 'the catalogue to write into', 'schemas')
    .option('--event-type <type>', 'the event type, for a file that describes one event (default: read from the source)')
    .option('--producer <service>', "the producing service for event.json (default: the source's info.title, in kebab case)")
    .option('--owner <team>', "the owning team for event.json (default: the source's info.contact.name, else the producer)")
    .option('--dry-run', 'report what would be written, and write nothing')
    .addOption(formatOption())
    .addHelpText(
      'after',
      '\nAn event is written only if it converted without errors. Exit codes: 0 imported (warnings allowed), 1 an event could not be converted, 2 usage or unreadable file.\nRun `domain-events generate` afterwards; the new event types start as status "draft".',
    )
    .action(async (file: string, options: Options) => {
      // Loaded here, so that other commands start without the converters and the YAML parser.
      const { importContract } = await import('../../import/import-contract.js');
      const result = importContract({
        root: context.root,
        file,
        out: options.out,
        dryRun: options.dryRun === true,
        ...(options.eventType === undefined ? {} : { eventType: options.eventType }),
        ...(options.producer === undefined ? {} : { producer: options.producer }),
        ...(options.owner === undefined ? {} : { owner: options.owner }),
      });
      report(context.output, result, options);
      context.exit(result.findings.some((f) => f.level === 'error') ? EXIT.findings : EXIT.ok);
    });
}

function report(output: Output, result: ImportResult, options: Options): void {
  const dryRun = options.dryRun === true;
  if (options.format === 'json') {
    output.json({
      source: result.source,
      kind: result.kind,
      dryRun,
      events: result.events.map((e) => ({ eventType: e.eventType, written: e.written, files: e.files.map((f) => f.path) })),
      findings: result.findings,
    });
    return;
  }
  for (const finding of result.findings) {
    output.line(`${finding.level} ${finding.code} ${result.source}#${finding.pointer}: ${finding.message}`);
  }
  for (const event of result.events) {
    const verb = event.written ? 'wrote' : dryRun ? 'would write' : 'did not write';
    output.line(`${verb} ${event.eventType}:`);
    for (const file of event.files) output.line(`  ${file.path}`);
  }
  const errors = result.findings.filter((f) => f.level === 'error').length;
  const warnings = result.findings.filter((f) => f.level === 'warning').length;
  output.line(
    `${result.events.filter((e) => e.written).length} event type(s) written from ${result.source} (${result.kind}); ${errors} error(s), ${warnings} warning(s)`,
  );
}
